// What kind of answer a question asks for, from its question words in the language packs (сколько / қанша →
// a number; когда / қашан → a date; кто / кім → a person; где / қайда → a place), and whether a sentence holds
// an answer of that kind.
import type { AnswerKind, Lang, LanguagePack } from '../lang/index.ts';
import { LANGS, PACKS } from '../lang/index.ts';
import type { Concept, Query } from '../text/query.ts';
import { defaultAnalyzer } from '../text/analyzer.ts';
import { normalize, fold, romanNumeral } from '../text/normalize.ts';
import { allPacksTerms, packTerms } from '../text/pack-terms.ts';
import { yearWords } from './years.ts';

const KINDS: Exclude<AnswerKind, 'other'>[] = ['quantity', 'date', 'person', 'place'];

/** The kind of answer asked for; the first question word in the question decides. */
export function askedKind(query: Query): AnswerKind {
  return askedBy(query).kind;
}

// each pack's question words, folded and spaced as they are looked for, worked out once
const FOLDED = new Map<string, [string, string][]>();
function foldedWords(pack: LanguagePack, kind: Exclude<AnswerKind, 'other'>): [string, string][] {
  const key = `${pack.code}/${kind}`;
  let words = FOLDED.get(key);
  if (!words) FOLDED.set(key, (words = pack.questionWords[kind].map((w) => [w, ` ${fold(w)} `])));
  return words;
}

/** The kind of answer asked for and the question phrase that asks it («қай жылы», «в каком городе»). */
export function askedBy(query: Query): { kind: AnswerKind; phrase: string } {
  const pack = PACKS[query.lang];
  // question words are matched folded, so «канша» typed without Kazakh letters counts as «қанша»
  const text = ` ${fold(normalize(query.text)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let best: { kind: AnswerKind; phrase: string; at: number } = { kind: 'other', phrase: '', at: Infinity };
  for (const kind of KINDS) {
    for (const [w, folded] of foldedWords(pack, kind)) {
      const at = text.indexOf(folded);
      if (at >= 0 && (at < best.at || (at === best.at && w.length > best.phrase.length))) best = { kind, phrase: w, at };
    }
  }
  return { kind: best.kind, phrase: best.phrase };
}

/**
 * Kinds whose question phrase names only the kind of answer: «году» in «в каком году», «жылы» in «қай жылы»,
 * «городе» in «в каком городе» are met by «в 1978 году» or «Алматыда» whatever the answer, so they are not
 * words the answering sentence must hold (the kind is checked by holdsKind). Not amounts: «какова площадь»
 * names what is measured, and the answering sentence says it («площадью 45 100 км²»).
 */
export const CUE_KINDS: ReadonlySet<AnswerKind> = new Set(['date', 'person', 'place']);

const NUMBER = /\d/;
// a year (Wikipedia and history texts date to three digits: «942 — март 972», «330 года»: the packs' year words
// after it), a century in Roman numerals, a month
const YEAR = new RegExp(`(?<![\\d,.])(?:1\\d{3}|20\\d{2})(?![\\d,.%])|(?<![\\d,.])\\d{3}(?=\\s?(?:${yearWords('after')}|[—–)-]))|(?<=[(—–-]\\s?)\\d{3}(?![\\d,.%])`);
// a capitalized word that does not start the sentence: a name
const NAME = /[^\s«"(–—-]\s+[«"(]?\p{Lu}\p{Ll}/u;
const WORDS = /[\p{L}]+/gu;
const inWords = (sentence: string, word: (pack: LanguagePack) => RegExp) => (normalize(sentence).match(WORDS) ?? []).some((w) => LANGS.some((l) => word(PACKS[l]).test(w)));
const numberInWords = (sentence: string) => inWords(sentence, (p) => p.numberWord);
const oneSpan = (sentence: string) => {
  const lower = normalize(sentence);
  return LANGS.some((l) => PACKS[l].oneSpan.test(lower));
};
const dateInWords = (sentence: string) => (sentence.match(WORDS) ?? []).some((w) => romanNumeral(w) !== null) || inWords(sentence, (p) => p.monthWord);

/** Whether a sentence holds an answer of the asked kind (always true for 'other'). */
export function holdsKind(sentence: string, kind: AnswerKind): boolean {
  switch (kind) {
    case 'quantity':
      return NUMBER.test(sentence) || numberInWords(sentence) || oneSpan(sentence);
    case 'date':
      return YEAR.test(sentence) || dateInWords(sentence);
    case 'person':
    case 'place':
      return NAME.test(sentence);
    default:
      return true;
  }
}

/**
 * What a «how many» question counts: its concepts (by index), and among them the describing word that says which kind
 * («діни» in «неше діни бірлестік», «частных» in «сколько частных школ»), when it gives one; or a sum of money.
 */
export type Counted = { concepts: number[]; describing?: number } | { money: true };

// every pack's currency words, for any text: a price is named so in either language («80 теңге», «80 тенге»)
const CURRENCY = new RegExp(`[₸$€]|(?<![\\p{L}])(?:${LANGS.flatMap((l) => PACKS[l].currency).join('|')})`, 'iu');

/** Whether a sentence names a currency: the answer to a price. */
export const namesMoney = (sentence: string): boolean => CURRENCY.test(sentence);

// … and the same words as index terms, for retrieval (compose.ts withAnswerWords): a group of terms, each weighing 1
const currencyWords = allPacksTerms((p) => p.currency, { byWord: true });
let CURRENCY_TERMS: ReadonlyMap<string, number> | undefined;
export const currencyTerms = (): ReadonlyMap<string, number> => (CURRENCY_TERMS ??= new Map([...currencyWords()].map((t) => [t, 1])));

/** Whether a question's words (folded) ask a price or a sum of money (the pack's `counting.money`). */
function asksMoneyIn(folded: readonly string[], lang: Lang): boolean {
  const spaced = ` ${folded.join(' ')} `;
  return PACKS[lang].counting.money.some((m) => spaced.includes(` ${fold(m)} `));
}

/** Whether a question asks a price or a sum of money: what countedBy reads first, without the rest of its work. */
export const asksMoney = (query: Pick<Query, 'text' | 'lang'>): boolean => asksMoneyIn(wordsOf(query.text).folded, query.lang);

/** A question's words as written, normalized, and folded: a pack's words are matched folded, so «канша» typed without Kazakh letters is «қанша». */
export function wordsOf(text: string): { written: string[]; words: string[]; folded: string[] } {
  const written = text.match(/[\p{L}\p{N}-]+/gu) ?? [];
  const words = written.map(normalize);
  return { written, words, folded: words.map(fold) };
}

/** Whether a folded word is one of a pack's list, folded. */
const isAmong = (folded: string, list: readonly string[]) => list.some((x) => fold(x) === folded);
/** The first of the folded words that is one of a pack's list (-1: none). */
const indexAmong = (folded: readonly string[], list: readonly string[]) => folded.findIndex((w) => isAmong(w, list));

/**
 * Whether a word of the question is the concept's: its stem as the question was read (typed without Kazakh letters:
 * the folded stemmer), or, in a question typed partly so, either reading (query.ts).
 */
export function readsAs(c: Concept, word: string, query: Pick<Query, 'lang' | 'script'>): boolean {
  const stem = defaultAnalyzer.wordTerms(word, query.lang, query.script)[0];
  if (c.stem === stem) return true;
  return query.script === 'mixed' && c.stem === defaultAnalyzer.wordTerms(word, query.lang, 'typed')[0];
}

/**
 * What a «how many» question counts: the concept of the word right after «сколько» / «қанша» («станций» in «Сколько
 * станций метро в Алматы?»; after a word describing it, the next: «сколько анимационных фильмов»), or money when
 * the question asks a price («Сколько стоит проезд?», «бағасы қанша?»); null when the word there is another verb
 * («Сколько получают…») or counts nothing («Сколько раз…»). A sentence giving a number for another thing
 * («…миллионнан астам жолаушы» for the stations) does not answer it.
 */
export function countedBy(query: Pick<Query, 'text' | 'lang' | 'script'>, concepts: readonly Concept[]): Counted | null {
  const { after, notCounted, verb, modifier } = PACKS[query.lang].counting;
  const { written, words, folded } = wordsOf(query.text);
  if (asksMoneyIn(folded, query.lang)) return { money: true };
  const at = indexAmong(folded, after);
  // «Метросының ұзындығы қанша?», «Мектептер саны қанша?»: Kazakh asks the amount last, after what it measures
  if (at < 0 || at === words.length - 1) return measured(query, words, folded, concepts);
  const next = words[at + 1];
  if (!next || isAmong(fold(next), notCounted) || verb?.test(next)) return null;
  const described = Boolean(modifier?.test(next) && words[at + 2]);
  const counted = described ? [next, words[at + 2]] : [next];
  // a name right after the counted word says whose («жителей Алматы»), and a text may say both in one word
  // («алматинцев»): the name, met, will do. Written in lower case («жителей алматы»), it is a name if the passages
  // write it as one (truecased concepts)
  const whose = at + 1 + counted.length;
  const isName = (w: string) => concepts.some((c) => c.name && readsAs(c, w, query));
  if (words[whose] && (/^\p{Lu}/u.test(written[whose]) || isName(words[whose]))) counted.push(words[whose]);
  const conceptOf = (w: string) => concepts.findIndex((c) => readsAs(c, w, query));
  const found = [...new Set(counted.map(conceptOf).filter((i) => i >= 0))];
  // the describing word, when the noun it describes is a concept of its own
  const describing = described ? conceptOf(next) : -1;
  const noun = described ? conceptOf(words[at + 2]) : -1;
  return found.length ? { concepts: found, ...(describing >= 0 && noun >= 0 && noun !== describing && { describing }) } : null;
}

/** The concept (by index) of the noun a question asks a kind of («Какой клуб…» → клуб), if one follows its question word. */
export function categoryBy(query: Pick<Query, 'text' | 'lang' | 'script'>, concepts: readonly Concept[]): number | null {
  const { words, folded } = wordsOf(query.text);
  const { after, describing } = PACKS[query.lang].category;
  const at = indexAmong(folded, after);
  // past a describing word to the noun it describes, when one follows
  const next = at < 0 ? undefined : describing.test(words[at + 1] ?? '') && words[at + 2] ? words[at + 2] : words[at + 1];
  if (!next) return null;
  const found = concepts.findIndex((c) => readsAs(c, next, query) && !c.name);
  return found >= 0 ? found : null;
}

// each pack's pay words as stems
const payStems = packTerms((p) => p.counting.pay);

/**
 * What a question asking a level, share or rate measures («какой уровень безработицы»: безработицы; «жұмыссыздық
 * деңгейі қандай»: жұмыссыздық), or the pay it asks («Какая средняя зарплата…»: зарплата), as the counted thing of
 * a «how many» one; null when it asks none. Measured for pay: the programmes set's «Какая средняя зарплата в
 * Алейском районе?» was answered with the average price of housing there.
 */
function measured(query: Pick<Query, 'lang' | 'script'>, words: readonly string[], folded: readonly string[], concepts: readonly Concept[]): Counted | null {
  const { words: measures, noun, form } = PACKS[query.lang].counting.measures;
  const at = indexAmong(folded, measures);
  const word = at < 0 ? undefined : words[noun === 'before' ? at - 1 : at + 1];
  if (!word || (form && !form.test(word))) {
    const pay = concepts.findIndex((c) => payStems(query.lang).has(c.stem) && !c.name);
    return pay >= 0 ? { concepts: [pay] } : null;
  }
  const found = concepts.findIndex((c) => readsAs(c, word, query) && !c.name);
  return found >= 0 ? { concepts: [found] } : null;
}

// each pack's birth, death and life words as index terms (a concept's stem is looked up: prefix terms are harmless)
const lifeTerms = packTerms((p) => p.life.words, { prefixes: true });

/** the kinds of answer a life span gives: when, and where (its places) */
const LIFE_KINDS: ReadonlySet<AnswerKind> = new Set(['date', 'place']);

/** What a life span in brackets («(1845 — 1904)») tells for a question. */
export interface LifeAsked {
  /**
   * when it asks when or where someone was born or died («Когда родился Стюарт?», «Абай қашан туған?»): its focus
   * concepts, by index, which a life span meets; none when it asks anything else
   */
  concepts: number[];
  /**
   * whether the years of a life span can answer it: not for «когда» asking of anything but a birth, a death or a
   * life («Когда Прокудин-Горский сделал первую цветную фотографию?» is not answered by «(1863 — 1944)»)
   */
  dates: boolean;
}

/**
 * What a life span tells for a question, from its focus concepts (`focus`; a capitalized first word aside, which is
 * more often than not the person).
 */
export function lifeAsked(concepts: readonly Concept[], focus: (c: Concept) => boolean, kind: AnswerKind, lang: Lang): LifeAsked {
  const words = concepts.flatMap((c, i) => (focus(c) && !c.firstWord ? [i] : []));
  const life = words.filter((i) => lifeTerms(lang).has(concepts[i].stem));
  return {
    concepts: LIFE_KINDS.has(kind) && words.length > 0 && life.length === words.length ? words : [],
    dates: kind !== 'date' || words.length === 0 || life.length > 0,
  };
}

// each pack's life span as a global pattern, to read a sentence without its life spans
const LIFE_SPANS = new Map<Lang, RegExp>();

/** A sentence with its life spans in brackets blanked out: what it says besides someone's birth and death. */
export function outsideLifeSpans(text: string, lang: Lang): string {
  const re = LIFE_SPANS.get(lang) ?? LIFE_SPANS.set(lang, new RegExp(PACKS[lang].life.span.source, `${PACKS[lang].life.span.flags}g`)).get(lang)!;
  return text.replace(re, ' ');
}

/**
 * Whether a text gives someone's life span in brackets, which says when (and where) they were born and died;
 * `opensBefore`: only a bracket that opens before this offset counts.
 */
export function givesLifeSpan(text: string, lang: Lang, opensBefore = text.length): boolean {
  const m = PACKS[lang].life.span.exec(text);
  return m !== null && m.index < opensBefore;
}
