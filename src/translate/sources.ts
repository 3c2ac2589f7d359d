// Reading the training material of ../shared/parallel: aligned paragraphs (`source, line, kk, ru`) and the
// Apertium dictionary (`kk, kk_tags, ru, ru_tags, direction`).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ParallelPair } from './train.ts';

function rows(tsv: string): string[][] {
  return tsv.split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
}

export async function readParallel(dir: string): Promise<{ parallel: ParallelPair[]; dictionary: ParallelPair[] }> {
  const parallel = rows(await readFile(path.join(dir, 'kk-ru-train.tsv'), 'utf8'))
    .filter((r) => r.length >= 4)
    .map(([, , kk, ru]) => ({ kk, ru }));
  // Punctuation entries and one-way entries whose other side is empty carry nothing to learn.
  const dictionary = rows(await readFile(path.join(dir, 'bidix-kk-ru.tsv'), 'utf8'))
    .filter((r) => r.length >= 4 && /\p{L}/u.test(r[0]) && /\p{L}/u.test(r[2]))
    .map(([kk, , ru]) => ({ kk, ru }));
  return { parallel, dictionary };
}
