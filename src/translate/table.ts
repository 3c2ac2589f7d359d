// The kk↔ru word-translation table: for an index term of one language, the likeliest index terms of the other
// with their probabilities. Learned by `npm run train:translation` (train.ts) and shipped in data/translation/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANALYZER_VERSION } from '../text/analyzer.ts';
import type { Lang } from '../text/lang.ts';

/** Per source language: source term → [target term, probability][] (likeliest first, adding up to 1). */
export type TranslationEntries = Record<Lang, Map<string, [string, number][]>>;

export const DEFAULT_TRANSLATION = fileURLToPath(new URL('../../data/translation/kk-ru.tsv', import.meta.url));

/** Probabilities are written with this many decimals: enough for term weights, and the file stays small. */
const DECIMALS = 3;

export class TranslationTable {
  constructor(
    readonly entries: TranslationEntries,
    /** the analyzer version whose terms the table holds; a mismatch means it needs retraining */
    readonly analyzerVersion: number = ANALYZER_VERSION,
  ) {}

  /** Terms of the other language for `term` of language `from`, with probabilities; empty when unknown. */
  translate(term: string, from: Lang): readonly [string, number][] {
    return this.entries[from].get(term) ?? NONE;
  }

  /**
   * Words of the table one or two letters longer than `term` and beginning with it: forms of the same word that the
   * stemmer leaves apart («обявл», of «объявлен», beside «обявля», of «объявлять», which the dictionary pairs with
   * «жарияла»). None for terms shorter than FAMILY_MIN_LENGTH letters, whose longer words are as often others.
   */
  family(term: string, from: Lang): readonly string[] {
    if (term.length < FAMILY_MIN_LENGTH) return NO_WORDS;
    let byStart = this.families.get(from);
    if (!byStart) {
      byStart = new Map();
      for (const word of this.entries[from].keys()) {
        for (let cut = 1; cut <= FAMILY_EXTRA; cut++) {
          if (word.length - cut < FAMILY_MIN_LENGTH) break;
          const start = word.slice(0, -cut);
          const list = byStart.get(start);
          if (list) list.push(word);
          else byStart.set(start, [word]);
        }
      }
      this.families.set(from, byStart);
    }
    return byStart.get(term) ?? NO_WORDS;
  }
  private readonly families = new Map<Lang, Map<string, string[]>>();

  /** Whether `term` is a word of language `from` that the table knows. */
  knows(term: string, from: Lang): boolean {
    return this.entries[from].has(term);
  }

  /** Source words of one language (for spelling correction: a known word is no typo). */
  words(from: Lang): IterableIterator<string> {
    return this.entries[from].keys();
  }

  /** The file format: a header of `#` lines, then `lang<TAB>term<TAB>target p target p …`, sorted. */
  serialize(header: readonly string[] = []): string {
    const lines = [...header.map((h) => `# ${h}`), `# analyzer ${this.analyzerVersion}`];
    for (const lang of Object.keys(this.entries).sort() as Lang[]) {
      for (const term of [...this.entries[lang].keys()].sort()) {
        const targets = this.entries[lang].get(term)!.map(([t, p]) => `${t} ${p.toFixed(DECIMALS).replace(/0+$/, '').replace(/\.$/, '')}`);
        lines.push(`${lang}\t${term}\t${targets.join(' ')}`);
      }
    }
    return lines.join('\n') + '\n';
  }

  static parse(text: string): TranslationTable {
    const entries: TranslationEntries = { kk: new Map(), ru: new Map() };
    let analyzerVersion = ANALYZER_VERSION;
    for (const line of text.split('\n')) {
      if (line.startsWith('#')) {
        const m = /^# analyzer (\d+)/.exec(line);
        if (m) analyzerVersion = Number(m[1]);
        continue;
      }
      const [lang, term, targets] = line.split('\t');
      if (!targets || !(lang in entries)) continue;
      const parts = targets.split(' ');
      const list: [string, number][] = [];
      for (let i = 0; i + 1 < parts.length; i += 2) list.push([parts[i], Number(parts[i + 1])]);
      entries[lang as Lang].set(term, list);
    }
    return new TranslationTable(entries, analyzerVersion);
  }

  static load(path = DEFAULT_TRANSLATION): TranslationTable {
    return TranslationTable.parse(readFileSync(path, 'utf8'));
  }

  static empty(): TranslationTable {
    return new TranslationTable({ kk: new Map(), ru: new Map() });
  }
}

const NONE: readonly [string, number][] = [];
const NO_WORDS: readonly string[] = [];
/** the shortest term whose longer forms are looked up (family) */
const FAMILY_MIN_LENGTH = 5;
/** how many letters longer a form of the same word may be (family) */
const FAMILY_EXTRA = 2;
