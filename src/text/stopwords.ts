// Stopword lists (data/stopwords-*.txt): function and question words that only add noise to BM25.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalize } from './normalize.ts';
import { LANGS, PACKS } from '../lang/index.ts';

const DATA = new URL('../../data/', import.meta.url);

function load(name: string): string[] {
  return readFileSync(fileURLToPath(new URL(name, DATA)), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean)
    .map(normalize);
}

export const STOPWORDS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => load(PACKS[l].stopwordsFile)));

/** The same words as typed without a language's own letters («канша» for «қанша»). */
export const TYPED_STOPWORDS: ReadonlySet<string> = new Set(
  LANGS.flatMap((l) => {
    const { typed, latin } = PACKS[l];
    if (typed) return load(PACKS[l].stopwordsFile).map(typed.foldOwnLetters);
    // typed in Latin letters, the soft and hard signs are lost («skolko»: сколько)
    return latin ? load(PACKS[l].stopwordsFile).map((w) => w.replace(/[ьъ]/g, '')) : [];
  }),
);
