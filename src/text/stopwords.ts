// Stopword lists (data/stopwords-*.txt): function and question words that only add noise to BM25.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalize } from './normalize.ts';

const DATA = new URL('../../data/', import.meta.url);

function load(name: string): string[] {
  return readFileSync(fileURLToPath(new URL(name, DATA)), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean)
    .map(normalize);
}

export const STOPWORDS: ReadonlySet<string> = new Set([...load('stopwords-ru.txt'), ...load('stopwords-kk.txt')]);
