// PostgreSQL as the system of record for replicas, against a real server: the corpus loaded into it, a build
// published by one replica and served by another from its own copy, a document added through one replica answered
// by the other within seconds (LISTEN/NOTIFY), one build at a time across replicas, a killed build leaving the
// live one, and a replica that keeps serving its copy while the database is away.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../src/app.ts';
import { copyCorpus } from '../../src/corpus/copy.ts';
import { buildIndex } from '../../src/index/build.ts';
import { IndexError } from '../../src/index/store.ts';
import type { IndexStore } from '../../src/index/types.ts';
import { LiveIndex } from '../../src/live.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { havePostgres, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

const NEW_DOC = 'Аким Темиртау сообщил: в 2026 году в Темиртау построят 7 новых катков для детей.';

/** Resolves with the first value `subscribe` passes, or rejects after `ms` (a deadline, not a pause). */
function within<T>(ms: number, subscribe: (resolve: (v: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
    subscribe((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

describe.skipIf(!havePostgres)('replicas on PostgreSQL', () => {
  let server: PostgresServer;
  const opened: Stores[] = [];
  const warnings: string[] = [];
  const replica = async (name: string) => {
    const dir = await tempDir(`govqa-${name}-`);
    const stores = await openStores({ databaseUrl: server.url, corpusDir: '/nonexistent', indexDir: path.join(dir, 'index') }, { say: (l) => warnings.push(`${name}: ${l}`) });
    opened.push(stores);
    return stores;
  };
  const config = { corpusDir: '/nonexistent', indexDir: '/nonexistent', embeddingModel: null };

  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close().catch(() => {})));
    await server?.stop();
  });

  it('a corpus loaded into the database is built once and served by another replica from its own copy', async () => {
    const a = await replica('a');
    await a.source.edit((mirror) => copyCorpus(CORPUS, mirror));
    const report = await buildIndex({ ...a, embedder: null });
    expect(report.written).toBe(true);

    const b = await replica('b');
    const engine = await SearchEngine.open(b.store, null);
    expect(engine.dir).not.toBe(report.dir); // b's own copy …
    expect(path.basename(engine.dir)).toBe(path.basename(report.dir)); // … of the same build
    expect(engine.documents().map((d) => d.docId).sort()).toEqual((await readdir(CORPUS)).filter((f) => f !== 'manifest.json').sort());
    const [hit] = await engine.search('Кто аким Алматы?', { k: 1 });
    expect(hit.chunk.docId).toMatch(/almaty/);
    // the manifest's titles came along with the files
    expect(engine.documents().every((d) => d.title.length > 0)).toBe(true);
  });

  it('a document added through one replica is answered by the other within seconds', async () => {
    const a = await replica('a2');
    const b = await replica('b2');
    const liveA = new LiveIndex(config, await SearchEngine.open(a.store, null), null, undefined, null, undefined, a);
    const liveB = new LiveIndex(config, await SearchEngine.open(b.store, null), null, undefined, null, undefined, b);
    const loaded = within<string>(5000, (resolve) => liveB.follow(resolve));
    await liveA.documents.edit((dir) => writeFile(path.join(dir, 'temirtau-rinks.ru.txt'), NEW_DOC));
    const started = performance.now();
    await liveA.reindex();
    await loaded;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(liveB.engine.doc('temirtau-rinks.ru.txt')).toBeDefined();
    const answer = await liveB.answerer.ask('Сколько катков построят в Темиртау?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0].docId).toBe('temirtau-rinks.ru.txt');
  });

  it('one build at a time across replicas, and a build that dies leaves the live one', async () => {
    const a = await replica('a3');
    const b = await replica('b3');
    const before = path.basename((await a.store.current())!);
    let inner: unknown;
    await a.store.withLock(async () => {
      inner = await b.store.withLock(async () => 'built').catch((err) => err);
    });
    expect(inner).toBeInstanceOf(IndexError);
    expect(String((inner as Error).message)).toMatch(/another build is running/);
    // a build that fails half-way (its process killed: the transaction never commits) changes nothing
    await a.source.edit((dir) => writeFile(path.join(dir, 'more.ru.txt'), 'Аким Караганды открыл новую школу.'));
    const dying: IndexStore = Object.assign(Object.create(a.store), { publish: async () => Promise.reject(new Error('killed')) });
    const failing = buildIndex({ source: a.source, store: dying, embedder: null });
    await expect(failing).rejects.toThrow('killed');
    expect(path.basename((await b.store.current())!)).toBe(before);
    // and the lock died with it: the next build runs
    expect((await buildIndex({ ...b, embedder: null })).written).toBe(true);
  });

  it('the command line: an empty database says what to do, `govqa index --corpus` loads a folder, `govqa ask` elsewhere answers', async () => {
    const { govqa } = await import('../helpers/cli.ts');
    const db = `${server.url.replace(/\/postgres$/, '')}/cli`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE cli');
    await admin.end();
    const env = async (name: string) => ({ DATABASE_URL: db, INDEX_DIR: path.join(await tempDir(`govqa-${name}-`), 'index'), CORPUS_DIR: '/nonexistent', STATE_DIR: path.join(await tempDir(), 'state') });
    const empty = await govqa(['ask', 'Кто аким Алматы?'], await env('cli-a'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/the corpus in PostgreSQL is empty: load a folder with `govqa index --corpus DIR`/);
    const loaded = await govqa(['index', '--corpus', CORPUS], await env('cli-b'));
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toMatch(/corpus in PostgreSQL: 6 files written/);
    const asked = await govqa(['ask', '--json', 'Кто аким Алматы?'], await env('cli-c'));
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).answered).toBe(true);
  });

  it('a replica keeps serving its copy while the database is away, says so once', async () => {
    const b = await replica('b4');
    const engine = await SearchEngine.open(b.store, null);
    expect(b.store.health?.()).toBe('up');
    // every connection to the database ends, as when its server restarts or the network drops
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await server.stop();
    await admin.end().catch(() => {});
    const dir = await b.store.current();
    expect(dir).toBe(engine.dir);
    const again = await SearchEngine.open(b.store, null);
    expect((await again.search('Кто аким Алматы?', { k: 1 })).length).toBe(1);
    expect(b.store.health?.()).toBe('down');
    expect(warnings.filter((w) => w.startsWith('b4:') && /cannot be reached/.test(w))).toHaveLength(1);
  });
});
