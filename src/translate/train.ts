// Learns the kk↔ru translation table from aligned paragraphs and a bilingual dictionary: both sides go through
// the product's own analyzer (so the table speaks in index terms), IBM Model 1 runs in both directions, the two
// directions are combined, the dictionary is merged in, and each word keeps its few likeliest translations.
import { defaultAnalyzer, isPrefixTerm, type Analyzer } from '../text/analyzer.ts';
import type { Lang } from '../text/lang.ts';
import { DEFAULT_MODEL1, trainModel1, type Model1Options } from './model1.ts';
import type { TranslationEntries } from './table.ts';

export interface ParallelPair {
  kk: string;
  ru: string;
}

export interface TrainOptions {
  model1: Model1Options;
  /** learn from the aligned paragraphs */
  parallel: boolean;
  /** learn from the dictionary's lemma pairs */
  dictionary: boolean;
  /** a dictionary entry counts as this many paragraph pairs in EM: it is short and certain */
  dictionaryWeight: number;
  /** p(k|r) ∝ √(t(k|r)·t(r|k)): keep what both directions agree on (off: the forward model alone) */
  symmetric: boolean;
  /** keep translations until their probabilities add up to this much… */
  keepMass: number;
  /** …but never more than this many per word… */
  maxTranslations: number;
  /** …nor any below this probability (after combining, before renormalizing) */
  minProbability: number;
  /** words seen fewer times than this in the training text are not translated from (too few to learn from) */
  minCount: number;
}

// Measured on ../shared/eval/clir with `npm run eval -- --sets clir --ablations` (see README).
export const DEFAULT_TRAINING: TrainOptions = {
  model1: DEFAULT_MODEL1,
  parallel: true,
  dictionary: true,
  dictionaryWeight: 2,
  symmetric: true,
  keepMass: 0.9,
  maxTranslations: 6,
  minProbability: 0.02,
  minCount: 1,
};

/** Names and numbers match as themselves: they are never translated, so they are not learned either. */
const UNTRANSLATED = /^[\d\p{Script=Latin}]/u;

/** The index terms of a text that translation is about: stems, without prefix terms, numbers or Latin names. */
export function translatableStems(text: string, lang: Lang, analyzer: Analyzer = defaultAnalyzer): string[] {
  return analyzer.analyze(text, lang).filter((t) => !isPrefixTerm(t) && !UNTRANSLATED.test(t));
}

class Vocab {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  readonly counts: number[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      this.ids.set(word, (id = this.words.length));
      this.words.push(word);
      this.counts.push(0);
    }
    this.counts[id]++;
    return id;
  }
}

/** Trains both directions; `dictionary` holds lemma pairs. Deterministic for the same inputs. */
export function trainTranslation(
  parallel: readonly ParallelPair[],
  dictionary: readonly ParallelPair[],
  options: TrainOptions = DEFAULT_TRAINING,
  analyzer: Analyzer = defaultAnalyzer,
): TranslationEntries {
  const kkVocab = new Vocab();
  const ruVocab = new Vocab();
  const kk: Uint32Array[] = [];
  const ru: Uint32Array[] = [];
  const weight: number[] = [];
  const add = (pairs: readonly ParallelPair[], w: number) => {
    for (const p of pairs) {
      const k = translatableStems(p.kk, 'kk', analyzer);
      const r = translatableStems(p.ru, 'ru', analyzer);
      if (!k.length || !r.length) continue;
      kk.push(Uint32Array.from(k, (s) => kkVocab.id(s)));
      ru.push(Uint32Array.from(r, (s) => ruVocab.id(s)));
      weight.push(w);
    }
  };
  if (options.parallel) add(parallel, 1);
  if (options.dictionary) add(dictionary, options.dictionaryWeight);
  const w = Float64Array.from(weight);
  // forward: t(kk word | ru word); backward: t(ru word | kk word)
  const kkGivenRu = trainModel1({ source: ru, target: kk, sourceSize: ruVocab.words.length, targetSize: kkVocab.words.length, weight: w }, options.model1);
  const ruGivenKk = trainModel1({ source: kk, target: ru, sourceSize: kkVocab.words.length, targetSize: ruVocab.words.length, weight: w }, options.model1);
  return {
    ru: direction(kkGivenRu, ruGivenKk, ruVocab, kkVocab, options),
    kk: direction(ruGivenKk, kkGivenRu, kkVocab, ruVocab, options),
  };
}

/**
 * Translations of each source word: t(target|source) from the model trained this way round, combined with the
 * other direction's t(source|target) when `symmetric`, pruned and renormalized.
 */
function direction(
  forward: Map<number, number>,
  backward: Map<number, number>,
  source: Vocab,
  target: Vocab,
  options: TrainOptions,
): Map<string, [string, number][]> {
  const T = target.words.length;
  const S = source.words.length;
  const bySource = new Map<number, [number, number][]>();
  for (const [key, p] of forward) {
    const s = Math.floor(key / T);
    if (s === S) continue; // NULL
    const t = key % T;
    const score = options.symmetric ? Math.sqrt(p * (backward.get(t * S + s) ?? 0)) : p;
    if (score <= 0) continue;
    const list = bySource.get(s) ?? [];
    list.push([t, score]);
    bySource.set(s, list);
  }
  const out = new Map<string, [string, number][]>();
  for (const [s, list] of bySource) {
    if (source.counts[s] < options.minCount) continue;
    const total = list.reduce((a, [, p]) => a + p, 0);
    // likeliest first; ties by the word itself, so the table is the same on every run
    list.sort((a, b) => b[1] - a[1] || (target.words[a[0]] < target.words[b[0]] ? -1 : 1));
    const kept: [string, number][] = [];
    let mass = 0;
    for (const [t, score] of list) {
      const p = score / total;
      if (kept.length >= options.maxTranslations || p < options.minProbability || mass >= options.keepMass) break;
      kept.push([target.words[t], p]);
      mass += p;
    }
    if (kept.length) out.set(source.words[s], kept.map(([w, p]) => [w, p / mass]));
  }
  return out;
}
