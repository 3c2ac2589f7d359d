// `npm run bench`: speed and memory of the lexical engine on ../shared/bench/rurebus-ru.jsonl (and 10x copies),
// next to MiniSearch's default full-text search over the same chunks and queries, measured in the same run.
// Dense retrieval is off here: this measures the engine, not the embedding model.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadConfig } from '../src/config.ts';
import { readCorpus } from '../src/corpus/ingest.ts';
import { buildIndex, chunkDoc } from '../src/index/build.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { Glossary } from '../src/text/glossary.ts';
import { QueryAnalyzer } from '../src/text/query.ts';
import { TranslationTable } from '../src/translate/table.ts';
import { latency, ms } from './timing.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10' }, queries: { type: 'string', default: '400' } } });
const config = loadConfig();
const source = path.join(config.sharedDir, 'bench/rurebus-ru.jsonl');
// Real Russian questions (TyDi QA dev): other domain, same language; what matters here is their shape.
const questions = (await readFile(path.join(config.sharedDir, 'eval/tydi-ru/queries-dev.jsonl'), 'utf8'))
  .trim().split('\n').map((l) => JSON.parse(l).question as string).slice(0, Number(values.queries));

const MB = 1024 * 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

const lines = (await readFile(source, 'utf8')).trim().split('\n');
// The translation table loads with every engine: its cost, measured on its own.
const [, tableLoad] = time(() => TranslationTable.load());
console.log(`translation table (data/translation/kk-ru.tsv): loaded in ${ms(tableLoad)}`);
const rows: string[] = [];
for (const scale of values.scales!.split(',').map(Number)) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-bench-'));
  const corpusFile = path.join(dir, 'corpus.jsonl');
  const copies: string[] = [];
  for (let c = 0; c < scale; c++) {
    for (const line of lines) {
      const rec = JSON.parse(line);
      copies.push(JSON.stringify({ ...rec, id: c ? `${rec.id}~${c}` : rec.id }));
    }
  }
  await writeFile(corpusFile, copies.join('\n') + '\n');

  // MiniSearch: default options, in memory, over exactly our chunks.
  const corpus = await readCorpus(corpusFile);
  const chunks = corpus.docs.flatMap((d) => chunkDoc(d));
  const h0 = heap();
  const mini = new MiniSearch({ fields: ['text'], idField: 'id' });
  const [, miniBuild] = time(() => mini.addAll(chunks));
  const miniHeap = heap() - h0;
  const miniLatency = await latency(questions, (q) => mini.search(q).slice(0, 10));

  // govqa: the full `govqa index` path (read, chunk, analyze, index, persist, swap), then load and search.
  const indexDir = path.join(dir, 'index');
  const [report, buildTime] = await timeAsync(() => buildIndex({ corpus: corpusFile, indexDir, embedder: null }));
  const h1 = heap();
  const [engine, loadTime] = await timeAsync(() => SearchEngine.open(indexDir, null));
  const engineHeap = heap() - h1;
  const ours = await latency(questions, (q) => engine.search(q, { k: 10, mode: 'lexical' }));
  // The same engine with questions expanded by the glossary only (no translation table, no spelling correction):
  // what query translation and correction cost.
  const plainQueries = new QueryAnalyzer({ glossary: Glossary.load(), spelling: false });
  const unexpanded = await SearchEngine.open(indexDir, null, plainQueries);
  const without = await latency(questions, (q) => unexpanded.search(q, { k: 10, mode: 'lexical' }));
  const { size } = await import('node:fs').then((fs) => fs.promises.stat(corpusFile));

  rows.push(
    `\nrurebus-ru x${scale}: ${corpus.docs.length} documents, ${(size / MB).toFixed(1)} MB, ${report.chunks} chunks, ${questions.length} queries`,
    `  ${''.padEnd(34)} ${'build'.padStart(10)} ${'load'.padStart(9)} ${'query p50'.padStart(10)} ${'p95'.padStart(9)} ${'mean'.padStart(9)} ${'heap'.padStart(9)}`,
    `  ${'MiniSearch (default, in memory)'.padEnd(34)} ${ms(miniBuild).padStart(10)} ${'-'.padStart(9)} ${ms(miniLatency.p50).padStart(10)} ${ms(miniLatency.p95).padStart(9)} ${ms(miniLatency.mean).padStart(9)} ${`${(miniHeap / MB).toFixed(0)} MB`.padStart(9)}`,
    `  ${'govqa (read+chunk+index+persist)'.padEnd(34)} ${ms(buildTime).padStart(10)} ${ms(loadTime).padStart(9)} ${ms(ours.p50).padStart(10)} ${ms(ours.p95).padStart(9)} ${ms(ours.mean).padStart(9)} ${`${(engineHeap / MB).toFixed(0)} MB`.padStart(9)}`,
    `  ${'  without translation + correction'.padEnd(34)} ${''.padStart(10)} ${''.padStart(9)} ${ms(without.p50).padStart(10)} ${ms(without.p95).padStart(9)} ${ms(without.mean).padStart(9)}`,
    `  ratio govqa / MiniSearch: build ${(buildTime / miniBuild).toFixed(2)}x, mean query ${(ours.mean / miniLatency.mean).toFixed(2)}x; expansion adds ${ms(ours.p50 - without.p50)} at p50`,
  );
  console.log(rows.slice(-6).join('\n'));
  await rm(dir, { recursive: true, force: true });
}
