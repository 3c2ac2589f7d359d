// The kk/ru analyzer: text → index terms. One instance serves documents and questions, so both sides always
// fold, stem and transliterate alike.
import { fold, normalize, romanNumeral } from './normalize.ts';
import { eachToken, type Token } from './tokenize.ts';
import { STOPWORDS, TYPED_STOPWORDS } from './stopwords.ts';
import { detectLang, type Lang } from './lang.ts';
import { LANGS, PACKS } from '../lang/index.ts';

/** Bumped whenever analysis changes, so stored indexes built by an older analyzer are rebuilt. */
export const ANALYZER_VERSION = 29;

/**
 * How a text is written: with its language's own letters, or without them (Kazakh on a Russian keyboard); or, for a
 * question in a language that has its own letters and uses some of them, 'mixed': its other words may have been typed
 * without them («Киши жуздин ханы кім болған?»), so they are stopwords as typed too, and the question analyzer reads
 * them both ways (query.ts).
 */
export type Script = 'native' | 'typed' | 'mixed';

/** Prefix terms are marked so they never collide with stems. */
export const PREFIX_MARK = '~';

export interface AnalyzerOptions {
  /** each language's stemmer (off: its words are only folded) */
  stemming: Record<Lang, boolean>;
  /** also emit «~» + the first N folded letters of longer words; 0 turns prefix terms off */
  prefixLength: number;
  stopwords: boolean;
}

export const DEFAULT_ANALYZER: AnalyzerOptions = {
  stemming: Object.fromEntries(LANGS.map((l) => [l, true])) as Record<Lang, boolean>,
  prefixLength: 4,
  stopwords: true,
};

// Languages whose letters decide a word's language wherever it stands (Kazakh's ә, ғ, қ …).
const MARKING = LANGS.filter((l) => PACKS[l].ownLettersMarkWords).map((l) => ({ lang: l, letters: new RegExp(PACKS[l].ownLetters.source) }));

/** the language whose own letters mark a word as its own, whatever text it stands in (Kazakh ә, қ …), if any */
const markedBy = (word: string) => MARKING.find((m) => m.letters.test(word))?.lang;

const CYRILLIC = /[\u0400-\u04ff]/;
/** a quoted name or title, in any of the quote marks texts use */
export const QUOTED = /«[^«»\n]{1,80}»|"[^"\n]{1,80}"|“[^“”\n]{1,80}”/g;
const HAS_QUOTE = /[«"“]/;
const DIGITS = /^\d+$/;
/** the sign the tokenizer gives as a word of its own; it stands for the language's word (LanguagePack.percent) */
const PERCENT = '%';
const CACHE_LIMIT = 500_000;

export class Analyzer {
  private readonly caches = new Map<string, Map<string, readonly string[]>>();

  constructor(readonly options: AnalyzerOptions = DEFAULT_ANALYZER) {}

  /**
   * Stem of one normalized word. Words with Kazakh letters are Kazakh; other Cyrillic words take the language
   * of the text they stand in, since many Kazakh words («тауларын», «аталады») use only Russian letters.
   */
  stem(word: string, lang: Lang, script: Script = 'native'): string {
    if (!CYRILLIC.test(word)) return word;
    const marked = markedBy(word);
    const own = marked ?? lang;
    if (!this.options.stemming[own]) return fold(word);
    // typed: a word without the language's own letters (a word with them, in a question typed partly so, is proper)
    const typed = script === 'typed' && own === lang && !marked ? PACKS[own].typed : undefined;
    return fold(typed ? typed.stem(word) : PACKS[own].stem(word));
  }

  /** Whether a stem means the opposite of its own beginning (LanguagePack.opposite): its prefix term would meet that. */
  private opposite(stem: string, word: string, lang: Lang): boolean {
    return PACKS[markedBy(word) ?? lang].opposite?.test(stem) === true;
  }

  /** Terms of one surface word: its folded stem and, for longer words, a prefix term. Stopwords give none. */
  wordTerms(surface: string, lang: Lang, script: Script = 'native'): readonly string[] {
    const key = `${lang}/${script}`;
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new Map()));
    const hit = cache.get(surface);
    if (hit) return hit;
    const word = normalize(surface);
    const { prefixLength, stopwords } = this.options;
    let terms: string[] = [];
    const roman = romanNumeral(surface);
    if (surface === PERCENT) terms = [...this.wordTerms(PACKS[lang].percent, lang)];
    else if (roman) terms = [roman];
    else if (!stopwords || !(STOPWORDS.has(word) || (script !== 'native' && TYPED_STOPWORDS.has(word)))) {
      const stem = this.stem(word, lang, script);
      const folded = fold(word);
      terms = prefixLength > 0 && folded.length > prefixLength && !DIGITS.test(folded) && !this.opposite(stem, word, lang)
        ? [stem, PREFIX_MARK + folded.slice(0, prefixLength)]
        : [stem];
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(surface, terms);
    return terms;
  }

  /** All terms of a text, in order (prefix terms included); `lang` is detected when not given. */
  analyze(text: string, lang: Lang = detectLang(text)): string[] {
    const out: string[] = [];
    this.eachWord(text, lang, (_word, _start, terms) => {
      for (const term of terms) out.push(term);
    });
    return out;
  }

  /** Each word of a text with its terms; `script` 'typed': written without the language's own letters. */
  analyzeTokens(text: string, lang: Lang = detectLang(text), script: Script = 'native'): { token: Token; terms: readonly string[] }[] {
    const out: { token: Token; terms: readonly string[] }[] = [];
    this.eachWord(text, lang, (word, start, terms) => out.push({ token: { word, start }, terms }), script);
    return out;
  }

  /**
   * Walks the words of a text with their terms. A quoted name takes its own language: a Russian question about
   * «Ауыл аманаты» must stem it as Kazakh.
   */
  private eachWord(text: string, lang: Lang, each: (word: string, start: number, terms: readonly string[]) => void, script: Script = 'native'): void {
    const quotes = HAS_QUOTE.test(text)
      ? [...text.matchAll(QUOTED)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, lang: detectLang(m[0], lang) }))
      : [];
    let q = 0;
    const { negation, category } = PACKS[lang];
    let negatedUpTo: number | undefined; // where a negating particle just ended («не» of «не занятых»)
    eachToken(text, (word, start) => {
      while (q < quotes.length && quotes[q].end <= start) q++;
      const inQuote = q < quotes.length && quotes[q].start <= start;
      // a quote in the question's own language is typed as the question is («Турик тилдери создигинин»)
      const terms = inQuote ? this.wordTerms(word, quotes[q].lang, quotes[q].lang === lang ? script : 'native') : this.wordTerms(word, lang, script);
      // «не занятых» also says «незанятых» (LanguagePack.negation)
      const joined = negatedUpTo === start - 1 && category.describing.test(word) ? this.wordTerms(negation + word, lang, script)[0] : undefined;
      each(word, start, joined && !terms.includes(joined) ? [...terms, joined] : terms);
      negatedUpTo = negation !== undefined && word.length === negation.length && word.toLowerCase() === negation ? start + word.length : undefined;
    });
  }
}

export const defaultAnalyzer = new Analyzer({ ...DEFAULT_ANALYZER });

export const analyze = (text: string, lang?: Lang) => defaultAnalyzer.analyze(text, lang);

export const isPrefixTerm = (term: string) => term.startsWith(PREFIX_MARK);
