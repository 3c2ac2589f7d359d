// `npm run train:translation`: rebuilds data/translation/kk-ru.tsv from ../shared/parallel (aligned kk/ru
// government paragraphs and the Apertium kk–ru dictionary). Deterministic: the same inputs give the same file,
// and the shipped file is exactly what this writes. Never reads ../shared/eval.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_TRANSLATION, TranslationTable } from '../src/translate/table.ts';
import { readParallel } from '../src/translate/sources.ts';
import { trainTranslation } from '../src/translate/train.ts';

const config = loadConfig();
const dir = path.join(config.sharedDir, 'parallel');
const started = performance.now();
const { parallel, dictionary } = await readParallel(dir);
const entries = trainTranslation(parallel, dictionary);
const table = new TranslationTable(entries);
const text = table.serialize([
  'kk↔ru word-translation probabilities over govqa index terms, learned by `npm run train:translation`',
  `from ${parallel.length} aligned paragraphs (kk-ru-train.tsv) and ${dictionary.length} entries of the Apertium kk–ru dictionary`,
  '(bidix-kk-ru.tsv), both from the Apertium apertium-kaz-rus project. Derived data: GPL-3.0 (see LICENSE beside this file).',
]);
await mkdir(path.dirname(DEFAULT_TRANSLATION), { recursive: true });
const previous = await readFile(DEFAULT_TRANSLATION, 'utf8').catch(() => null);
await writeFile(DEFAULT_TRANSLATION, text);
const count = (lang: 'kk' | 'ru') => entries[lang].size;
console.log(
  `wrote ${path.relative(process.cwd(), DEFAULT_TRANSLATION)}: ${count('kk')} kk and ${count('ru')} ru words, ` +
    `${(text.length / 1024).toFixed(0)} KB, in ${((performance.now() - started) / 1000).toFixed(1)} s` +
    (previous === null ? '' : previous === text ? ' (unchanged)' : ' (changed)'),
);
