import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { readCorpus } from '../../src/corpus/ingest.ts';
import { openEmbedder } from '../../src/app.ts';
import { buildIndex } from '../../src/index/build.ts';
import type { TransformersEmbedder } from '../../src/index/embedder.ts';
import { currentBuild, readManifest } from '../../src/index/store.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { Answerer } from '../../src/answer/compose.ts';
import { writeTinyModel } from '../helpers/tiny-model.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

let modelsDir: string;
let config: Config;
let embedder: TransformersEmbedder;

beforeAll(async () => {
  modelsDir = await tempDir('govqa-models-');
  const { docs } = await readCorpus(CORPUS);
  const name = await writeTinyModel(modelsDir, docs.map((d) => d.text));
  config = loadConfig({ EMBEDDING_MODEL: name, MODELS_DIR: modelsDir, MODEL_CACHE_DIR: path.join(modelsDir, 'cache') });
  const lines: string[] = [];
  embedder = (await openEmbedder(config, (l) => lines.push(l)))!;
  expect(lines).toEqual([]);
});

describe('dense retrieval with a generated model, through the real loading path', () => {
  it('embeds with e5 prefixes into normalized vectors of the model size', async () => {
    expect(embedder.info).toEqual({ name: 'test/tiny-e5', dims: 32, dtype: 'q8' });
    const [v] = await embedder.embedBatch(['Алматы әкімі'], 'passage');
    expect(v.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 4);
    const langchain = await embedder.embedDocuments(['Алматы әкімі']);
    expect(langchain[0]).toHaveLength(32);
  });

  it('builds and persists the HNSW index, reloads it, and searches dense and hybrid', async () => {
    const index = path.join(await tempDir(), 'index');
    const report = await buildIndex({ corpus: CORPUS, indexDir: index, embedder });
    expect(report.embedded).toBe(report.chunks);
    const dir = (await currentBuild(index))!;
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['hnsw.bin', 'vectors.f32', 'manifest.json']));
    expect((await readManifest(dir)).model).toEqual({ name: 'test/tiny-e5', dims: 32, dtype: 'q8' });

    const engine = await SearchEngine.open(index, embedder);
    expect(engine.dense).toBe(true);
    const target = engine.chunks[7];
    const sentence = target.text; // the whole chunk: its overlap sentences also stand in its neighbours
    const dense = await engine.search(sentence, { k: 3, mode: 'dense' });
    expect(dense[0].chunk.id).toBe(target.id);
    expect(dense[0].score).toBeGreaterThan(0.8);

    const hybrid = await engine.search(sentence, { k: 5 });
    expect(hybrid[0].chunk.id).toBe(target.id);
    // the fused results still carry the dense side's cosine, which the decline model takes as a feature
    expect(hybrid[0].similarity).toBeCloseTo(dense[0].score, 5);
    const { features } = await new Answerer(engine).gather(sentence);
    expect(features.dense).toBeCloseTo(dense[0].score, 5);
    const lexicalOnly = await engine.search(sentence, { k: 5, mode: 'lexical' });
    expect(lexicalOnly[0].similarity).toBeUndefined();

    // a second process opening the same folder gets the same answers without rebuilding
    const reopened = await SearchEngine.open(index, embedder);
    expect((await reopened.search(sentence, { k: 3, mode: 'dense' })).map((r) => r.chunk.id)).toEqual(dense.map((r) => r.chunk.id));
  });

  it('re-embeds only what changed', async () => {
    const corpus = path.join(await tempDir(), 'corpus');
    await cp(CORPUS, corpus, { recursive: true });
    const index = path.join(await tempDir(), 'index');
    const first = await buildIndex({ corpus, indexDir: index, embedder });
    const unchanged = await buildIndex({ corpus, indexDir: index, embedder });
    expect(unchanged).toMatchObject({ embedded: 0, written: false });

    const file = path.join(corpus, 'almaty-akim-city-activists-2019.ru.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Аким Алматы', 'Аким города Алматы'));
    const updated = await buildIndex({ corpus, indexDir: index, embedder });
    const manifest = await readManifest((await currentBuild(index))!);
    expect(updated).toMatchObject({ updated: 1, unchanged: 4 });
    expect(updated.embedded).toBe(manifest.docs['almaty-akim-city-activists-2019.ru.txt'].count);
    expect(updated.embedded).toBeLessThan(first.embedded);
  });

  it('keeps the vectors when a reindex runs while the model cannot load, and embeds only the rest later', async () => {
    const corpus = path.join(await tempDir(), 'corpus');
    await cp(CORPUS, corpus, { recursive: true });
    const index = path.join(await tempDir(), 'index');
    const first = await buildIndex({ corpus, indexDir: index, embedder });
    await writeFile(path.join(corpus, 'new.txt'), 'Аудандық мәслихат жаңа мектеп салуға қаражат бөлді.\nМектеп 2026 жылы ашылады.');
    // offline: the configured model is wanted but not loaded
    const offline = await buildIndex({ corpus, indexDir: index, embedder: null, wantedModel: embedder.info.name });
    expect(offline).toMatchObject({ added: 1, embedded: 0, pending: 1, written: true });
    expect(offline.rebuilt).toBeUndefined();
    const manifest = await readManifest((await currentBuild(index))!);
    expect(manifest.model?.name).toBe(embedder.info.name);
    const engine = await SearchEngine.open(index, embedder);
    expect(engine.dense).toBe(true);
    expect((await engine.search(engine.chunks[3].text, { k: 1, mode: 'dense' }))[0].chunk.id).toBe(engine.chunks[3].id);
    // back online: only the waiting chunk is embedded, though no document changed
    const online = await buildIndex({ corpus, indexDir: index, embedder });
    expect(online).toMatchObject({ embedded: 1, pending: 0, written: true, unchanged: 6 });
    expect(first.embedded).toBeGreaterThan(1);
  });

  it('notices a different model: dense off until reindexed, then a full re-embed', async () => {
    const index = path.join(await tempDir(), 'index');
    await buildIndex({ corpus: CORPUS, indexDir: index, embedder });
    const otherName = await writeTinyModel(modelsDir, ['другая модель'], 'test/other-e5', 16);
    const other = (await openEmbedder({ ...config, embeddingModel: otherName }, () => {}))!;
    const engine = await SearchEngine.open(index, other);
    expect(engine.dense).toBe(false);
    expect(engine.denseOff).toMatch(/built with test\/tiny-e5/);
    const report = await buildIndex({ corpus: CORPUS, indexDir: index, embedder: other });
    expect(report.rebuilt).toMatch(/embedding model changed/);
    expect(report.embedded).toBe(report.chunks);
    expect((await SearchEngine.open(index, other)).dense).toBe(true);
  });

  it('says in one line when the model cannot be loaded, and goes on lexical-only', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const missing = await openEmbedder({ ...config, embeddingModel: 'nobody/no-such-model' }, (l) => lines.push(l));
    expect(missing).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/nobody\/no-such-model could not be loaded.*lexical search only/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await openEmbedder({ ...config, embeddingModel: null }, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(1); // EMBEDDING_MODEL=none is silent
  });
});
