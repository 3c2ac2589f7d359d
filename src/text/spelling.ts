// Spelling correction for question words the index has never seen: the nearest known terms by edit distance
// (1, or 2 for long words). Candidates are bucketed by length and by first or second letter, so a lookup
// compares against a small slice of the vocabulary: a typo seldom hits both of the first two letters.
import { distance } from 'fastest-levenshtein';
import { Lru } from '../lru.ts';

/**
 * Words whose corrections a speller keeps: the same unknown words come back with every asking of a question (a
 * profile of the bot under a crowd of questions had the search for them at a tenth of its busy time).
 */
const REMEMBERED = 10_000;

export interface SpellingOptions {
  /** words this long or longer may be two edits away; shorter ones one */
  longWord: number;
  /** shorter words are never corrected: too many neighbours */
  minLength: number;
  /** at most this many corrections per word */
  maxSuggestions: number;
}

export const DEFAULT_SPELLING: SpellingOptions = { longWord: 8, minLength: 5, maxSuggestions: 2 };

export class Speller {
  private readonly buckets = new Map<string, string[]>();
  // a speller stands for one vocabulary, and its callers pass that vocabulary's frequencies: a word's
  // corrections do not change while it lives
  private readonly remembered = new Lru<string, string[]>(REMEMBERED);

  constructor(words: Iterable<string>, readonly options: SpellingOptions = DEFAULT_SPELLING) {
    const seen = new Set<string>();
    for (const w of words) {
      if (w.length < options.minLength - 2 || seen.has(w)) continue;
      seen.add(w);
      for (const key of keys(w)) {
        const list = this.buckets.get(key);
        if (list) list.push(w);
        else this.buckets.set(key, [w]);
      }
    }
  }

  /**
   * The nearest words within the allowed distance, only those at the smallest distance found, the commonest
   * first (`frequency`: a typo of a common word is the likelier reading); [] for none.
   */
  suggest(word: string, frequency: (w: string) => number = () => 0): string[] {
    const known = this.remembered.get(word);
    if (known) return known;
    const found = this.nearest(word, frequency);
    this.remembered.set(word, found);
    return found;
  }

  private nearest(word: string, frequency: (w: string) => number): string[] {
    const { longWord, minLength, maxSuggestions } = this.options;
    if (word.length < minLength) return [];
    const max = word.length >= longWord ? 2 : 1;
    const found = new Map<string, number>();
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const key of [`${word[0]}${len}`, `*${word[1]}${len}`]) {
        for (const candidate of this.buckets.get(key) ?? []) {
          if (found.has(candidate) || candidate === word) continue;
          const d = distance(word, candidate);
          if (d <= max) found.set(candidate, d);
        }
      }
    }
    const nearest = Math.min(...found.values());
    return [...found]
      .filter(([, d]) => d === nearest)
      .map(([w]) => [w, frequency(w)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxSuggestions)
      .map(([w]) => w);
  }
}

const keys = (w: string) => [`${w[0]}${w.length}`, `*${w[1]}${w.length}`];
