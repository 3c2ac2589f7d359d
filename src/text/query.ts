// A question as weighted terms, analysed once and handed to retrieval and to the answer layer alike. Each
// content word is a «concept» met by its own stem (weight 1), its prefix term, a glossary equivalent, or a learned
// translation into the other language (weighted by its probability, as in probabilistic structured queries).
// Retrieval ranks by all of them; the answer layer asks how many of the question's concepts a passage meets.
import { defaultAnalyzer, isPrefixTerm, type Analyzer, type Script } from './analyzer.ts';
import type { Glossary } from './glossary.ts';
import { detectLang, isNameAt, lacksOwnLetters, type Lang } from './lang.ts';
import { Speller } from './spelling.ts';
import { respellQuestionWords } from './respell.ts';
import { fold, normalize } from './normalize.ts';
import { LANGS, PACKS } from '../lang/index.ts';
import type { Token } from './tokenize.ts';
import type { TranslationTable } from '../translate/table.ts';
import type { TermGroup } from '../index/lexical.ts';

export interface QueryWeights {
  prefix: number;
  glossary: number;
  /** a learned translation of probability p weighs translation × p */
  translation: number;
  /** a spelling correction of a word the index has never seen */
  correction: number;
  /** the translations of a longer form of the word (TranslationTable.family), times this */
  family: number;
}

/** the probability of its likeliest translation from which the table knows a word well (knowsWell) */
export const WELL_KNOWN = 0.3;

// prefix and glossary: measured on KazQAD/TyDi/seeds when the engine was built; translation and family: on clir (README);
// correction: below the word's own weight, since a correction may be wrong.
export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { prefix: 0.5, glossary: 0.6, translation: 1, correction: 0.5, family: 0.5 };

/** The index's vocabulary, for spelling correction: which terms exist, and a speller over them. */
export interface Vocabulary {
  has(term: string): boolean;
  /** how common a term is (document frequency): the tie-break between equally near corrections */
  frequency(term: string): number;
  speller(): Speller;
}

export interface Concept {
  stem: string;
  /** every term that meets this concept, with its weight (the stem itself: 1) */
  terms: Map<string, number>;
  /** a name, number or quoted title: written alike in Kazakh and Russian texts */
  name: boolean;
  /**
   * the question's first word: a name or just the start of the sentence, whether capitalized or not (its capital
   * says nothing, and chat users write names in lower case)
   */
  firstWord: boolean;
  /** the glossary gave it an equivalent in the other language */
  translated: boolean;
  /** the learned table gave it translations into the other language */
  learned: boolean;
  /** the word matched nothing and was corrected to these nearest known words */
  corrected?: string[];
  /**
   * other forms of the question's word itself, at full weight: other readings of a typed word («ески» beside «еск»),
   * a surname's other stem, a place adjective's name. In the other language's passages they count as the stem does,
   * not as translations (quotes.ts metAcross)
   */
  forms?: Set<string>;
  /** how much the concept counts (1 unless it was carried over from an earlier question of a conversation) */
  weight?: number;
  /**
   * terms that meet the concept only beside other words: the words of a glossary phrase («ауа» and «райы» of «ауа
   * райы» for «погода»), each with the other stems of every phrase it is in; retrieval ranks by them one by one
   */
  phraseOf?: Map<string, readonly (readonly string[])[]>;
  /**
   * the quoted title of two words or more it is a word of (its place among the question's quoted titles), when all
   * its words stand in that title: a sentence meets such a title whole or not at all («Ауыл аманаты» is another
   * project than «Жер аманаты»; quotes.ts)
   */
  title?: number;
}

export interface Query {
  /** the question as analysed: whitespace collapsed, Latin letters transliterated when it was typed so */
  text: string;
  lang: Lang;
  /** 'typed': written without the language's own letters (Kazakh on a Russian keyboard or in Latin letters) */
  script: Script;
  concepts: Concept[];
  /** every term of every concept with the highest weight it carries */
  terms: Map<string, number>;
  /** what retrieval ranks by: one group per concept (its stem, translations and glossary equivalents), one per prefix term */
  groups: TermGroup[];
  /** the earlier question this one follows up (its concepts are among these, at a lower weight) */
  follows?: string;
}

export interface QueryAnalyzerOptions {
  analyzer?: Analyzer;
  glossary?: Glossary;
  translation?: TranslationTable;
  weights?: QueryWeights;
  /** correct words the index has never seen (default on) */
  spelling?: boolean;
}

const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/g;
const NUMBER = /^\d/;
/** a word in Latin capitals (two letters or more) */
const CAPITALS = /^\p{Lu}[\p{Lu}\d-]*\p{Lu}$/u;
/** a word in Latin letters only */
const LATIN_WORD = /^[\p{Script=Latin}\d-]+$/u;
/** the shortest word taken for a part of a compound (shorter ones join into words by chance: «ум» + «ник») */
const COMPOUND_PART = 3;

/**
 * Word offsets that look like names: capitalized after the first word, quoted, Latin or with digits; and the
 * offset of the first word, which may be a name or only the start of the sentence.
 */
function nameOffsets(question: string, tokens: readonly Token[]): { names: Set<number>; initial: number | null } {
  const names = new Set<number>();
  let initial: number | null = null;
  const quoted = [...question.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length]);
  tokens.forEach((t, i) => {
    const inQuotes = quoted.some(([a, b]) => t.start > a && t.start < b);
    if (inQuotes || /[\p{N}a-zA-Z]/u.test(t.word) || (i > 0 && /^\p{Lu}/u.test(t.word))) names.add(t.start);
    else if (i === 0) initial = t.start;
  });
  // a capitalized first word right before a name is the name's first part: «Парасат Жаңабергенов қашан туған?»
  const [first, second] = tokens;
  if (initial !== null && second && names.has(second.start) && /^\p{Lu}/u.test(first.word) && /^\p{Lu}/u.test(second.word) && question.slice(first.start + first.word.length, second.start) === ' ') {
    names.add(first.start);
    initial = null;
  }
  return { names, initial };
}

/**
 * The words of the question's quoted titles of two words or more, by offset → the title's place among them:
 * «Сколько стоит проект «Жер аманаты»?» → the offsets of «Жер» and «аманаты» → 0. Stopwords give no words.
 */
function quotedTitles(question: string, words: readonly { token: Token; terms: readonly string[] }[]): Map<number, number> {
  const out = new Map<number, number>();
  let n = 0;
  for (const m of question.matchAll(QUOTED)) {
    const [a, b] = [m.index!, m.index! + m[0].length];
    const inside = words.filter((w) => w.token.start > a && w.token.start < b && w.terms.length > 0);
    if (inside.length < 2) continue;
    for (const w of inside) out.set(w.token.start, n);
    n++;
  }
  return out;
}

/** a question of at least this many words, all in capitals, was typed with caps lock on (two may be acronyms: «AMANAT QAISAR») */
const SHOUTED_WORDS = 3;

/**
 * A question typed with caps lock on («СКОЛЬКО ШКОЛ НУЖНО ПОСТРОИТЬ В АЛМАТЫ?») in lower case. Its capitals say
 * nothing: read as written, every word would be a name and none a word carrying the asked fact, and a Latin one an
 * acronym. In lower case it reads as a question typed without capitals does (names from the passages, names.ts).
 */
export function unshouted(question: string): string {
  if (/\p{Ll}/u.test(question)) return question;
  const words = question.match(/\p{Lu}{2,}/gu) ?? [];
  return words.length >= SHOUTED_WORDS ? question.toLowerCase() : question;
}

export class QueryAnalyzer {
  readonly analyzer: Analyzer;
  readonly glossary?: Glossary;
  readonly translation?: TranslationTable;
  readonly weights: QueryWeights;

  constructor(options: QueryAnalyzerOptions = {}) {
    this.analyzer = options.analyzer ?? defaultAnalyzer;
    this.glossary = options.glossary;
    this.translation = options.translation;
    this.weights = options.weights ?? DEFAULT_QUERY_WEIGHTS;
    this.spelling = options.spelling ?? true;
  }

  readonly spelling: boolean;

  /**
   * `langHint`: the language when the question itself does not tell (digits and names only); `vocabulary`: the
   * index's, to correct words it has never seen.
   */
  analyze(question: string, langHint: Lang = 'ru', vocabulary?: Vocabulary): Query {
    const { text, lang, script, latin } = this.respelled(readScript(unshouted(question.replace(/\s+/g, ' ').trim()), langHint), langHint, vocabulary);
    const concepts = this.concepts(text, lang, script, vocabulary, latin);
    return queryOf(text, lang, script, concepts);
  }

  /**
   * The question with its mistyped and colloquial question words put back (respell.ts), in its language and, when
   * none is found there, in another: the mistyped word may have been the cue to the language («Кошда родилась
   * Салли Филд?» reads as Kazakh), which is then read again. Only a word the index holds in no form, and the
   * translation table does not know well (knowsWell), is taken for a mistyped one.
   */
  private respelled(read: ReturnType<typeof readScript>, langHint: Lang, vocabulary?: Vocabulary): ReturnType<typeof readScript> {
    for (const lang of [read.lang, ...LANGS.filter((l) => l !== read.lang)]) {
      const script: Script = lang === read.lang ? read.script : scriptOf(read.text, lang);
      const unknown = (word: string) => {
        const stems = this.analyzer.wordTerms(word, lang, script).filter((t) => !isPrefixTerm(t));
        return stems.length > 0 && !stems.some((t) => vocabulary!.has(t)) && !this.knowsWell(stems[0], lang);
      };
      const text = respellQuestionWords(read.text, lang, script, vocabulary && this.spelling ? unknown : () => false);
      if (text !== read.text) return lang === read.lang ? { ...read, text } : readScript(text, langHint);
    }
    return read;
  }

  /**
   * Whether the translation table knows a word well: it learned a likely translation for it. A word the table holds
   * only with scattered rare senses («қақ» → клапан 0.19, вальцовщик 0.16: the dictionary's) is no proof that a
   * question word one key off it («қагша», stemmed «қақ») was meant.
   */
  private knowsWell(stem: string, lang: Lang): boolean {
    const best = this.translation?.translate(stem, lang)[0];
    return best !== undefined && best[1] >= WELL_KNOWN;
  }

  /** `latin`: for a question typed in Latin letters, each word read back (lower case) → the word as typed */
  private concepts(question: string, lang: Lang, script: Script, vocabulary?: Vocabulary, latin?: ReadonlyMap<string, string>): Concept[] {
    const { weights } = this;
    const words = this.analyzer.analyzeTokens(question, lang, script);
    const { names, initial } = nameOffsets(question, words.map((w) => w.token));
    const titles = quotedTitles(question, words);
    const byStem = new Map<string, Concept>();
    // each word's concept, by the word's offset (a word read two ways is keyed by the reading the index holds)
    const ofWord = new Map<number, Concept>();
    // a question that uses some of its language's own letters may have been typed without the others, in some words
    // or within one («Киши жуздин ханы кім болған?», «өтеди»): each word's reading by the folded stemmer counts too,
    // and is the concept's stem when only it is a word of the index or the translation table
    const typer = script === 'mixed' ? PACKS[lang].typed : undefined;
    const softened = script === 'typed' && PACKS[lang].latin !== undefined;
    const latinReader = PACKS[lang].latin?.fromLatin;
    const known = (t: string) => !vocabulary || vocabulary.has(t) || (this.translation?.translate(t, lang).length ?? 0) > 0;
    for (const { token, terms } of words) {
      let concept: Concept | undefined;
      for (const term of terms) {
        if (isPrefixTerm(term)) {
          if (concept) concept.terms.set(term, Math.max(concept.terms.get(term) ?? 0, weights.prefix));
          continue;
        }
        // a word with its own letters is read so only when its proper reading is unknown: a proper word would gain
        // nothing but the folded stemmer's rare misreadings
        const readAgain = typer && (lacksOwnLetters(token.word, lang) || !known(term));
        const asTyped = latin?.get(token.word.toLowerCase());
        const readings = [
          ...(readAgain ? [this.analyzer.stem(typer.foldOwnLetters(normalize(token.word)), lang, 'typed')] : []),
          // typed in Latin letters, a word has lost its final soft sign («rodilas», «Ryazan»): read with it too
          ...(softened ? [this.analyzer.stem(`${normalize(token.word)}ь`, lang, 'native')] : []),
          // a word in capitals is kept as typed (AMANAT, QAISAR: texts write them so); where the index does not know
          // it so, it is read back too («MROT» → МРОТ, «NATO» → НАТО); so is any Latin word of a question in Cyrillic
          // that the index does not know («Какие лампы меняют на LED?», «…на led?» over «…на лэд лампы»)
          ...((script === 'typed' ? CAPITALS.test(token.word) : LATIN_WORD.test(token.word)) && latinReader && !known(term) ? [this.analyzer.stem(latinReader(token.word.toLowerCase()), lang, 'native')] : []),
          ...(asTyped !== undefined && !known(term) ? [
            // … and a word the index does not know so read back may be a name the texts write in Latin letters
            // («Mafia», «Astana Hub»): read as typed too
            fold(normalize(asTyped)),
            // … or be read back otherwise where the Latin is ambiguous («Saryarqa»: я or ыа)
            ...(PACKS[lang].typed?.alsoRead(normalize(token.word)) ?? []).map((w) => this.analyzer.stem(w, lang, script)),
          ] : []),
        ].filter((t) => t !== term);
        const stem = vocabulary && !known(term) ? (readings.find(known) ?? term) : term;
        concept = byStem.get(stem);
        if (!concept) {
          concept = { stem, terms: new Map([[stem, 1]]), name: false, translated: false, learned: false, firstWord: false };
          byStem.set(stem, concept);
        }
        for (const t of [term, ...readings]) addForm(concept, t);
        ofWord.set(token.start, concept);
        // a word of a quoted title, and only of that one (a word also said outside it is a word of the question's own)
        const title = titles.get(token.start);
        if (!('title' in concept)) concept.title = title;
        else if (concept.title !== title) concept.title = undefined;
        if (names.has(token.start)) concept.name = true;
        if (token.start === initial) concept.firstWord = true;
        const capitalized = names.has(token.start) || token.start === initial;
        for (const other of PACKS[lang].otherStems?.(normalize(token.word), term, capitalized) ?? []) addForm(concept, fold(other));
        // a place adjective meets its place as either language's texts stem it («Алатауском» → «Алатау ауданы»)
        if (names.has(token.start)) {
          for (const base of PACKS[lang].nameBases?.(normalize(token.word)) ?? []) {
            for (const l of LANGS) {
              const t = this.analyzer.wordTerms(base, l, 'native').find((x) => !isPrefixTerm(x));
              if (t) addForm(concept, t);
            }
          }
        }
      }
    }
    if (vocabulary) this.joinCompounds(question, words, ofWord, lang, script, vocabulary);
    const raise = (concept: Concept, term: string, weight: number) => {
      if ((concept.terms.get(term) ?? 0) < weight) concept.terms.set(term, weight);
    };
    const translate = (concept: Concept, stem: string, weight: number) => {
      for (const [t, p] of this.translation?.translate(stem, lang) ?? []) {
        raise(concept, t, weight * weights.translation * p);
        concept.learned = true;
      }
    };
    for (const concept of byStem.values()) {
      if (NUMBER.test(concept.stem)) continue; // numbers match as themselves
      translate(concept, concept.stem, 1);
      for (const form of this.translation?.family(concept.stem, lang) ?? []) translate(concept, form, weights.family);
      if (vocabulary && this.spelling) this.correct(concept, lang, vocabulary, raise, translate);
    }
    // The glossary is the admins' override: its equivalents weigh at least `glossary`, whatever was learned.
    if (this.glossary) {
      const stems = new Set(byStem.keys());
      for (const concept of byStem.values()) {
        for (const form of this.glossary.equivalents(new Set([concept.stem]), stems)) {
          for (const s of form) {
            if (concept.terms.get(s) === 1) continue;
            // a word of a phrase («ауа» of «ауа райы», weather) says it only with the phrase's other words («ауаның
            // сапасы» is air quality), unless it is an equivalent of its own too
            const phrases = concept.phraseOf?.get(s);
            if (form.length > 1 && (phrases || !concept.terms.has(s))) (concept.phraseOf ??= new Map()).set(s, [...(phrases ?? []), form.filter((o) => o !== s)]);
            else if (form.length === 1) concept.phraseOf?.delete(s);
            raise(concept, s, weights.glossary);
            concept.translated = true;
          }
        }
      }
    }
    return ownTerms([...byStem.values()]);
  }

  /**
   * Two neighbouring words the texts also write as one («қан айналым» and «қанайналым», «темір жол» and
   * «теміржол»): where the index holds the joined word's stem, each word's concept is met by it too.
   */
  private joinCompounds(question: string, words: { token: Token; terms: readonly string[] }[], ofWord: ReadonlyMap<number, Concept>, lang: Lang, script: Script, vocabulary: Vocabulary): void {
    for (let i = 1; i < words.length; i++) {
      const [a, b] = [words[i - 1], words[i]];
      if (question.slice(a.token.start + a.token.word.length, b.token.start) !== ' ') continue;
      if (a.token.word.length < COMPOUND_PART || b.token.word.length < COMPOUND_PART) continue;
      const stemA = a.terms.find((t) => !isPrefixTerm(t));
      const stemB = b.terms.find((t) => !isPrefixTerm(t));
      if (!stemA || !stemB || NUMBER.test(stemA) || NUMBER.test(stemB)) continue;
      const joined = this.analyzer.wordTerms(a.token.word + b.token.word.toLowerCase(), lang, script).find((t) => !isPrefixTerm(t));
      if (!joined || joined === stemA || joined === stemB || !vocabulary.has(joined)) continue;
      for (const w of [a, b]) {
        const concept = ofWord.get(w.token.start);
        if (concept && !concept.terms.has(joined)) concept.terms.set(joined, 1);
      }
    }
  }

  /**
   * A word that matches nothing (neither it nor any translation is in the index, and the translation table does
   * not know it either) is taken for a typo: the nearest index terms join it at the correction weight, and the
   * nearest words the table knows bring their translations. A word that matches is never touched.
   */
  private correct(
    concept: Concept,
    lang: Lang,
    vocabulary: Vocabulary,
    raise: (c: Concept, term: string, weight: number) => void,
    translate: (c: Concept, stem: string, weight: number) => void,
  ): void {
    for (const t of concept.terms.keys()) if (!isPrefixTerm(t) && vocabulary.has(t)) return;
    if (this.translation?.knows(concept.stem, lang)) return;
    const corrected = new Set<string>();
    for (const s of vocabulary.speller().suggest(concept.stem, vocabulary.frequency)) {
      raise(concept, s, this.weights.correction);
      corrected.add(s);
    }
    if (this.translation) {
      for (const s of this.tableSpeller(lang).suggest(concept.stem)) {
        translate(concept, s, this.weights.correction);
        corrected.add(s);
      }
    }
    if (corrected.size) concept.corrected = [...corrected];
  }

  private tableSpellers = new Map<Lang, Speller>();

  private tableSpeller(lang: Lang): Speller {
    let speller = this.tableSpellers.get(lang);
    if (!speller) this.tableSpellers.set(lang, (speller = new Speller(this.translation!.words(lang))));
    return speller;
  }
}

/**
 * A translation or glossary equivalent counts for the one concept of the question it weighs most in. Learned
 * tables translate collocations: «фонд» brings «қор» (1.0) and also «қоғам» (0.6), from «қоғамдық қор»; in
 * «Сколько общественных фондов…?» «қоғам» is already «общественный»'s own translation, and counted for «фонд» too
 * it lets every passage on «қоғамдық-саяси» life meet the fund. A concept's own stems (weight 1) always stay.
 */
export function ownTerms(concepts: Concept[]): Concept[] {
  const best = new Map<string, number>();
  for (const c of concepts) for (const [t, w] of c.terms) if (!isPrefixTerm(t)) best.set(t, Math.max(best.get(t) ?? 0, w));
  for (const c of concepts) {
    for (const [t, w] of c.terms) if (w < 1 && !isPrefixTerm(t) && w < best.get(t)!) c.terms.delete(t);
  }
  return concepts;
}

/** A query made of these concepts: its term weights and scoring groups follow from them. */
export function queryOf(text: string, lang: Lang, script: Script, concepts: Concept[], follows?: string): Query {
  const terms = new Map<string, number>();
  for (const concept of concepts) {
    const weight = concept.weight ?? 1;
    for (const [t, w] of concept.terms) terms.set(t, Math.max(terms.get(t) ?? 0, w * weight));
  }
  return { text, lang, script, concepts, terms, groups: termGroups(concepts), ...(follows && { follows }) };
}

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /\p{Script=Latin}/u;

/**
 * The question's language and how it was typed. A question in Latin letters only is transliterated by a pack that
 * can read Latin: it is that language when its Latin letters (Kazakh q, ä, ğ …) or its words show, and otherwise
 * the Cyrillic reading still meets the index better than Latin would. A question without a language's own
 * letters that reads as that language is 'typed', and is stemmed accordingly.
 */
export function readScript(text: string, langHint: Lang): { text: string; lang: Lang; script: Script; latin?: ReadonlyMap<string, string> } {
  if (!CYRILLIC.test(text) && LATIN.test(text)) {
    const reader = LANGS.find((l) => PACKS[l].typed);
    const typed = reader && PACKS[reader].typed;
    if (reader && typed && /\p{Script=Latin}{2}/u.test(text)) {
      const cyrillic = typed.fromLatin(text);
      // its Latin letters are a cue outside names and quoted titles, which are written as they are whatever the
      // question's language (QAISAR, «Kompaniya Square», a Russian question about «Qaryzsyz qogham»): a name is a
      // word in capitals, or a capitalized word after the first, as language detection takes it (lang.ts)
      const lang = typed.latinLetters.test(withoutNames(text.replace(QUOTED, ' '))) ? reader : detectLang(cyrillic, langHint);
      if (lang === reader) return { text: cyrillic, lang, script: 'typed', latin: asTyped(text, typed.fromLatin) };
      // another language read back by its own transliteration (Russian «skolko shkol…»), typed as it
      const latin = PACKS[lang].latin;
      return latin ? { text: latin.fromLatin(text), lang, script: 'typed', latin: asTyped(text, latin.fromLatin) } : { text: cyrillic, lang, script: 'native' };
    }
  }
  const lang = detectLang(text, langHint);
  return { text, lang, script: scriptOf(text, lang) };
}

/** Adds another form of the concept's word at full weight (Concept.forms), unless the concept has the term already. */
function addForm(c: Concept, t: string): void {
  if (c.terms.has(t)) return;
  c.terms.set(t, 1);
  if (t !== c.stem) (c.forms ??= new Set()).add(t);
}

/** A text without its names: words in capitals, and capitalized words after the first (lang.ts isNameAt). */
function withoutNames(text: string): string {
  let first = true;
  return text.replace(/\p{L}+/gu, (word) => {
    const name = /^\p{Lu}{2,}$/u.test(word) || isNameAt(word, first);
    first = false;
    return name ? ' ' : word;
  });
}

/** Each Latin word of a text as read back (lower case) → the word as typed: the readers convert word by word. */
function asTyped(text: string, fromLatin: (text: string) => string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [word] of text.matchAll(/[\p{Script=Latin}]+/gu)) {
    const read = fromLatin(word);
    if (read !== word) out.set(read.toLowerCase(), word.toLowerCase());
  }
  return out;
}

/**
 * For a question in a language that has letters of its own: 'typed' when written without them, 'mixed' when with
 * some (the other words may be typed without them); 'native' for a language without letters of its own.
 */
const scriptOf = (text: string, lang: Lang): Script => (!PACKS[lang].typed ? 'native' : lacksOwnLetters(text, lang) ? 'typed' : 'mixed');

/**
 * Scoring groups: a concept's stem and its equivalents in the other language share one pseudo-term (weighted by
 * how likely each is), while prefix terms, a fuzzier kind of evidence, count on their own at their weight.
 */
export function termGroups(concepts: readonly Concept[]): TermGroup[] {
  const groups: TermGroup[] = [];
  const prefixes = new Map<string, number>();
  for (const concept of concepts) {
    const weight = concept.weight ?? 1;
    const words = new Map<string, number>();
    for (const [t, w] of concept.terms) {
      if (isPrefixTerm(t)) prefixes.set(t, Math.max(prefixes.get(t) ?? 0, w * weight));
      else words.set(t, w);
    }
    groups.push({ weight, terms: words });
  }
  for (const [t, w] of prefixes) groups.push({ weight: w, terms: new Map([[t, 1]]) });
  return groups;
}
