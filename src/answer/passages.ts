// A passage as the answer layer reads it: its terms, its sentences and each sentence's terms. Analysing the top
// passages' text was most of an answer's time (a profile of the bot under load: tokenizing, stemming and sentence
// splitting the same passages again for every question about them), so each is analysed once and kept while it is
// asked about, up to CACHED passages (least recently used go first).
import { defaultAnalyzer, isPrefixTerm } from '../text/analyzer.ts';
import type { Lang } from '../text/lang.ts';
import { sentenceSpans, type Span } from '../text/sentences.ts';
import { LANGS, PACKS, type AnswerKind } from '../lang/index.ts';
import { holdsKind } from './question.ts';
import { Lru } from '../lru.ts';
import { heading } from '../corpus/title.ts';
import type { DocMeta } from '../corpus/types.ts';

export interface AnalysedPassage {
  /** every term of the passage */
  terms: ReadonlySet<string>;
  /** its sentences, as offsets in its text */
  spans: Span[];
  /** the terms of each sentence */
  sentences: ReadonlySet<string>[];
  /** each sentence's words, each as its terms, in order (stopwords left out) */
  words: ReadonlySet<string>[][];
  /** the terms of its document's title: what every sentence of it is about («Киселёв, Дмитрий» over «В 1978 году окончил…») */
  title: ReadonlySet<string>;
  /** the title's words, each as its terms, in order (stopwords left out) */
  titleWords: ReadonlySet<string>[];
  /** whether each sentence holds an answer of a kind (a number, a date …), worked out once per kind asked */
  kinds: Map<AnswerKind, readonly boolean[]>;
  /** each sentence's words as written (as in `words`): for numbersIn */
  surfaces: readonly (readonly string[])[];
  /** whether each sentence points back to the one before it («Именно столько…», «Бұл…») */
  pointsBack: readonly boolean[];
  /** whether each sentence adds a detail to the one before it («Атап айтқанда…», «Кроме того…»): some of pointsBack */
  adds: readonly boolean[];
  /** whether each sentence is itself a question (an interviewer's: «Бөлімнің алдағы жоспары қандай?»): it answers nothing */
  asks: readonly boolean[];
  /** how often each stem is written capitalized and not, inside a sentence (its first word aside): names are capitalized */
  cased: ReadonlyMap<string, Casing>;
  /** the stems each sentence writes capitalized, its first word aside: the names it holds */
  names: readonly ReadonlySet<string>[];
}

export interface Casing {
  upper: number;
  lower: number;
}

/**
 * A sentence that leans on the one before it (its quote grows backwards first; a number or date in it belongs to
 * what the sentence before says): it opens with one of a language pack's `continues` words.
 */
const opening = (words: readonly string[]) => new RegExp(`^[–—-]?\\s*(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');
const CONTINUES = opening(LANGS.flatMap((l) => PACKS[l].continues));
/** … and one that adds a detail to it: a number in the sentence before is not what it speaks of (`elaborates`) */
const ELABORATES = opening(LANGS.flatMap((l) => PACKS[l].elaborates));

/** a sentence's closing marks: a line without one is a heading or a line broken inside a sentence (a PDF's, a scan's) */
const CLOSED = /[.!?…:;»"”)\]]$/;
/** a sentence ending with a question mark, closing quotes or brackets after it: a question asked in the text */
const ASKS = /\?[»"”)\]]*\s*$/;
/** a sentence that begins as no sentence does: in lower case, or with a digit */
const GOES_ON = /^[\p{Ll}\d]/u;
/**
 * Whether sentence `s` goes on, on the next line, from a line that ends without closing its sentence («Шиелі
 * ауданында⏎64 көпқабатты үй салынды»): it begins in lower case or with a digit, as a heading's next line seldom does.
 */
const unterminated = (text: string, before: Span, s: Span): boolean => GOES_ON.test(text.slice(s.start, s.start + 1)) && !CLOSED.test(text.slice(before.start, before.end)) && text.slice(before.end, s.start).includes('\n');

/**
 * Whether each of a passage's words (as in `words`) is a number: in digits, or a number word («жеті», «шесть»).
 * Worked out when first asked (only «how many» questions ask), once per passage.
 */
export function numbersIn(p: AnalysedPassage): readonly (readonly boolean[])[] {
  let numbers = NUMBERS.get(p);
  if (!numbers) NUMBERS.set(p, (numbers = p.words.map((ws, j) => ws.map((terms, w) => hasDigits(terms) || isNumberWord(p.surfaces[j][w])))));
  return numbers;
}
const NUMBERS = new WeakMap<AnalysedPassage, readonly (readonly boolean[])[]>();
const hasDigits = (terms: ReadonlySet<string>) => {
  for (const t of terms) if (DIGIT.test(t)) return true;
  return false;
};

const DIGIT = /^\d/;
/** distinct words whose number-word test is remembered */
const NUMBER_WORDS_KEPT = 20_000;
/** a number written as a word in either language (the packs' numberWord); remembered, as passages repeat their words */
const numberWords = new Lru<string, boolean>(NUMBER_WORDS_KEPT);
function isNumberWord(surface: string): boolean {
  const word = surface.toLowerCase();
  let known = numberWords.get(word);
  if (known === undefined) numberWords.set(word, (known = LANGS.some((l) => PACKS[l].numberWord.test(word))));
  return known;
}

/** Which of the passage's sentences hold an answer of this kind (none for 'other'). */
export function sentencesHolding(passage: AnalysedPassage, text: string, kind: AnswerKind): readonly boolean[] {
  let flags = passage.kinds.get(kind);
  if (!flags) passage.kinds.set(kind, (flags = passage.spans.map((s) => kind !== 'other' && holdsKind(text.slice(s.start, s.end), kind))));
  return flags;
}

/** passages kept analysed: a few thousand cover what a region's users ask about at a time, in some 10–20 MB */
export const CACHED = 4096;

// keyed by the chunk object: a new build brings new chunks, so an edited document is never read from the cache
// (its title comes with it: a chunk belongs to one document)
const cache = new Lru<object, AnalysedPassage>(CACHED);

export function analysedPassage(chunk: { text: string }, lang: Lang, title: string): AnalysedPassage {
  const hit = cache.get(chunk);
  if (hit) return hit;
  const { text } = chunk;
  const spans = sentenceSpans(text);
  const tokens = spans.map((s) => defaultAnalyzer.analyzeTokens(text.slice(s.start, s.end), lang));
  const kept = tokens.map((ts) => ts.filter((w) => w.terms.length));
  const words = kept.map((ws) => ws.map((w) => new Set(w.terms)));
  const sentences = words.map((ws) => new Set(ws.flatMap((w) => [...w])));
  const titleWords = defaultAnalyzer.analyzeTokens(title, lang).filter((w) => w.terms.length).map((w) => new Set(w.terms));
  const passage: AnalysedPassage = {
    // the passage's terms are its sentences' (analysing the whole text again cost a third of a passage's time)
    terms: new Set(sentences.flatMap((s) => [...s])),
    spans,
    sentences,
    words,
    // the title's terms are its words' (as the passage's are its sentences'): one analysis, not two
    title: new Set(titleWords.flatMap((w) => [...w])),
    titleWords,
    kinds: new Map(),
    surfaces: kept.map((ws) => ws.map((w) => w.token.word)),
    pointsBack: spans.map((s, j) => CONTINUES.test(text.slice(s.start, s.end)) || (j > 0 && unterminated(text, spans[j - 1], s))),
    adds: spans.map((s) => ELABORATES.test(text.slice(s.start, s.end))),
    asks: spans.map((s) => ASKS.test(text.slice(s.start, s.end))),
    ...casingOf(tokens),
  };
  cache.set(chunk, passage);
  return passage;
}

/**
 * How the sentences write each word's stem: capitalized or not, a sentence's first word (capitalized anyway) aside;
 * and the stems each sentence writes capitalized.
 */
function casingOf(sentences: { token: { word: string }; terms: readonly string[] }[][]): Pick<AnalysedPassage, 'cased' | 'names'> {
  const cased = new Map<string, Casing>();
  const names = sentences.map((words) => {
    const capitalized = new Set<string>();
    for (let i = 1; i < words.length; i++) {
      const stem = words[i].terms.find((t) => !isPrefixTerm(t));
      if (!stem || !/^\p{L}/u.test(stem)) continue;
      const c = cased.get(stem) ?? cased.set(stem, { upper: 0, lower: 0 }).get(stem)!;
      if (/^\p{Lu}/u.test(words[i].token.word)) {
        c.upper++;
        capitalized.add(stem);
      } else c.lower++;
    }
    return capitalized;
  });
  return { cased, names };
}

/**
 * A search result's passage, analysed: its document's heading as its title, and the year the document is of, as the
 * citation shows it («(Алматы, 2013)»): an interview of 2013 speaks of 2013 without writing it, and «Кто был акимом
 * Алматы в 2013 году?» is answered from it (a sentence naming another year still holds no answer for this one).
 */
export const passageOf = (r: { chunk: { text: string }; doc: { lang: Lang; title: string; meta: Pick<DocMeta, 'region' | 'year'> } }): AnalysedPassage =>
  analysedPassage(r.chunk, r.doc.lang, r.doc.meta.year ? `${heading(r.doc)} ${r.doc.meta.year}` : heading(r.doc));

/** Forgets every analysed passage (the benchmark measures the uncached path with it). */
export function forgetPassages(): void {
  cache.clear();
}
