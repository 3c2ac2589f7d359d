import { cp, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { DEFAULT_LEXICAL, LexicalIndex } from '../../src/index/lexical.ts';
import { currentBuild, IndexError, LOCK_LEASE_MS, readManifest, withBuildLock, writeManifest } from '../../src/index/store.ts';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { SearchEngine } from '../../src/search/engine.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

async function corpusCopy(): Promise<string> {
  const dir = path.join(await tempDir(), 'corpus');
  await cp(CORPUS, dir, { recursive: true });
  return dir;
}

const build = (corpus: string, indexDir: string) => buildIndex({ corpus, indexDir, embedder: null });

describe('incremental index build', () => {
  it('reports added, updated, removed and unchanged documents, and reuses unchanged chunks', async () => {
    const corpus = await corpusCopy();
    const index = path.join(await tempDir(), 'index');
    const first = await build(corpus, index);
    expect(first).toMatchObject({ added: 5, updated: 0, removed: 0, unchanged: 0, written: true });

    const again = await build(corpus, index);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5, written: false });

    await writeFile(path.join(corpus, 'new.txt'), 'Мәслихат сессиясында аудан бюджеті бекітілді\nБюджет 2 миллиард теңге.');
    const ru = path.join(corpus, 'almaty-akim-city-activists-2019.ru.txt');
    await writeFile(ru, (await readFile(ru, 'utf8')) + '\nДобавлена новая строка о ремонте дорог.');
    await rm(path.join(corpus, 'almaty-president-meeting-2019.kk.txt'));
    const before = await readManifest((await currentBuild(index))!);
    const third = await build(corpus, index);
    expect(third).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 3, written: true });

    const after = await readManifest((await currentBuild(index))!);
    expect(Object.keys(after.docs)).not.toContain('almaty-president-meeting-2019.kk.txt');
    expect(after.docs['new.txt'].count).toBeGreaterThan(0);
    // unchanged documents keep their chunks exactly
    const id = 'kyzylorda-internal-policy-interview-2022.kk.txt';
    expect(after.docs[id].hash).toBe(before.docs[id].hash);
    const engine = await SearchEngine.open(index, null);
    const results = await engine.search('аудан бюджеті бекітілді', { k: 3 });
    expect(results[0].chunk.docId).toBe('new.txt');
    expect((await engine.search('ремонт дорог', { k: 1 }))[0].chunk.docId).toBe('almaty-akim-city-activists-2019.ru.txt');
  });

  it('rebuilds everything when the analyzer version in the manifest differs', async () => {
    const index = path.join(await tempDir(), 'index');
    await build(CORPUS, index);
    const dir = (await currentBuild(index))!;
    const manifest = await readManifest(dir);
    await writeManifest(dir, { ...manifest, analyzerVersion: -1 });
    const report = await build(CORPUS, index);
    expect(report.written).toBe(true);
    expect(report.rebuilt).toMatch(/analyzer/);
  });
});

describe('crash-safe swap', () => {
  it('leaves the old index live when a build fails midway, and a loaded engine keeps serving', async () => {
    const corpus = await corpusCopy();
    const index = path.join(await tempDir(), 'index');
    await build(corpus, index);
    const live = await currentBuild(index);
    const engine = await SearchEngine.open(index, null);

    await writeFile(path.join(corpus, 'extra.txt'), 'Жаңа құжат мәтіні мұнда жазылған.');
    const failing = {
      info: { name: 'failing', dims: 4, dtype: 'q8' },
      embedBatch: async () => {
        throw new Error('simulated crash while embedding');
      },
    };
    await expect(buildIndex({ corpus, indexDir: index, embedder: failing as never })).rejects.toThrow(/simulated crash/);
    expect(await currentBuild(index)).toBe(live);
    expect((await readdir(index)).filter((n) => n.startsWith('build-'))).toHaveLength(1); // the half-written build is gone
    expect((await SearchEngine.open(index, null)).chunks.length).toBe(engine.chunks.length);

    // two successful builds later the old folder is deleted, yet the engine that loaded it still answers
    await build(corpus, index);
    await writeFile(path.join(corpus, 'extra2.txt'), 'Тағы бір жаңа құжат.');
    await build(corpus, index);
    expect((await readdir(index)).includes(path.basename(live!))).toBe(false);
    expect((await engine.search('Қызылорда қоғамдық бірлестік', { k: 1 })).length).toBe(1);
  });

  it('a build folder without its manifest never becomes live', async () => {
    const index = path.join(await tempDir(), 'index');
    await build(CORPUS, index);
    const dir = (await currentBuild(index))!;
    await rm(path.join(dir, 'manifest.json'));
    await expect(SearchEngine.open(index, null)).rejects.toThrow(IndexError);
    // the next build recovers by rebuilding from scratch
    const report = await build(CORPUS, index);
    expect(report).toMatchObject({ added: 5, written: true });
    expect((await SearchEngine.open(index, null)).chunks.length).toBeGreaterThan(0);
  });
});

describe('stored index errors', () => {
  it('says so in one line for a missing or corrupt index', async () => {
    const empty = await tempDir();
    await expect(SearchEngine.open(empty, null)).rejects.toThrow(/no index in .*govqa index/);
    const index = path.join(await tempDir(), 'index');
    await build(CORPUS, index);
    const dir = (await currentBuild(index))!;
    await writeFile(path.join(dir, 'postings.bin'), 'garbage');
    await expect(SearchEngine.open(index, null)).rejects.toThrow(/corrupt.*postings\.bin/);
    await writeFile(path.join(index, 'CURRENT'), '../../etc');
    await expect(SearchEngine.open(index, null)).rejects.toThrow(/corrupt/);
  });

  it('refuses a second build while one holds the lock, and frees the lock after', async () => {
    const index = path.join(await tempDir(), 'index');
    let release!: () => void;
    const held = withBuildLock(index, () => new Promise<void>((resolve) => (release = resolve)));
    await expect(build(CORPUS, index)).rejects.toThrow(/another build/);
    release();
    await held;
    expect((await build(CORPUS, index)).written).toBe(true);
  });
});

describe('the build lock proves its owner', () => {
  const lockOf = (index: string) => path.join(index, '.build.lock');

  it('a lock left with this process\'s own pid (pid 1 restarted in a container) does not block', async () => {
    const index = path.join(await tempDir(), 'index');
    await mkdir(index, { recursive: true });
    await writeFile(lockOf(index), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    expect((await build(CORPUS, index)).written).toBe(true);
  });

  it('a fresh lock of a live builder blocks; once its heartbeat stops for the lease, it does not', async () => {
    const index = path.join(await tempDir(), 'index');
    await mkdir(index, { recursive: true });
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      await writeFile(lockOf(index), JSON.stringify({ pid: other.pid, host: os.hostname() }));
      await expect(build(CORPUS, index)).rejects.toThrow(`another build (pid ${other.pid}) is running`);
      const stale = new Date(Date.now() - LOCK_LEASE_MS - 1000);
      await utimes(lockOf(index), stale, stale); // its builder stopped refreshing it (or the pid was reused)
      expect((await build(CORPUS, index)).written).toBe(true);
    } finally {
      other.kill();
    }
  });
});

describe('lexical index', () => {
  it('round-trips through save and load with identical results', async () => {
    const dir = await tempDir();
    const texts = ['Аким Алматы встретился с активом', 'Әкімдік жұмысы туралы', 'Маслихат утвердил бюджет района'];
    const index = await LexicalIndex.build(texts, ['a', 'b', 'c']);
    await index.save(dir);
    const loaded = await LexicalIndex.load(dir);
    const q = new QueryAnalyzer().analyze('бюджет маслихата').terms;
    expect(loaded.search(q, 3)).toEqual(index.search(q, 3));
    expect(index.search(q, 3)[0].position).toBe(2);
  });

  it('tells whether a range of passages holds a term, and lists the words a stem begins', async () => {
    const texts = ['костромской район', 'другой текст', 'кострома город', 'ещё текст', 'костромской край'];
    const index = await LexicalIndex.build(texts, texts.map(() => ''), DEFAULT_LEXICAL, (t) => t.split(' '));
    expect(index.holdsWithin('кострома', 0, 2)).toBe(false);
    expect(index.holdsWithin('кострома', 2, 3)).toBe(true);
    expect(index.holdsWithin('костромской', 1, 4)).toBe(false); // in passages 0 and 4, not between
    expect(index.holdsWithin('костромской', 1, 5)).toBe(true);
    expect(index.holdsWithin('нет', 0, 5)).toBe(false);
    expect(index.withPrefix('костром', 10)).toEqual(['кострома', 'костромской']);
    expect(index.withPrefix('костром', 1)).toEqual(['кострома']);
    expect(index.hasPrefix('костр')).toBe(true);
    expect(index.hasPrefix('костя')).toBe(false);
  });
});

describe('probabilistic structured queries', () => {
  it('scores a word and its weighted translations as one term, so an unlikely rare translation adds little', async () => {
    const texts = ['мектеп салынды', 'мектеп жөнделді', 'сирек сөз', 'басқа мәтін', 'тағы бір мәтін', 'мектеп туралы'];
    const index = await LexicalIndex.build(texts, texts.map(() => ''), { ...DEFAULT_LEXICAL, titleBoost: 0 }, (t) => t.split(' '));
    const grouped = index.accumulator();
    grouped.addGroups([{ weight: 1, terms: new Map([['мектеп', 0.9], ['сирек', 0.1]]) }]);
    const [first] = grouped.top(1);
    expect(texts[first.position]).toContain('мектеп');
    // summed separately, the rare translation's idf would win
    const summed = index.search(new Map([['мектеп', 0.9], ['сирек', 0.1]]), 6);
    const scoreOf = (hits: { position: number; score: number }[], position: number) => hits.find((h) => h.position === position)!.score;
    const all = grouped.top(6);
    expect(scoreOf(all, 2) / scoreOf(all, 0)).toBeLessThan(scoreOf(summed, 2) / scoreOf(summed, 0));
  });
});

describe('a document’s region', () => {
  it('is searched with its title, so a passage that never names its region is found by a question that does', async () => {
    const corpus = await tempDir();
    const text = 'Еселі еңбекпен өрілген жұмыс\n\nАудан, қалалардағы 17 аумақтық партия филиалдары 242 бастауыш партия ұйымдарын біріктіреді.\n';
    await writeFile(path.join(corpus, 'south.kk.txt'), text);
    await writeFile(path.join(corpus, 'north.kk.txt'), text.replace('17', '12'));
    await writeFile(path.join(corpus, 'manifest.json'), JSON.stringify({
      documents: [
        { file: 'south.kk.txt', lang: 'kk', region: 'Түркістан облысы' },
        { file: 'north.kk.txt', lang: 'kk', region: 'Павлодар облысы' },
      ],
    }));
    const index = path.join(await tempDir(), 'index');
    await buildIndex({ corpus, indexDir: index, embedder: null });
    const engine = await SearchEngine.open(index, null);
    const [top] = await engine.search('Түркістан облысында партияның неше филиалы бар?');
    expect(top.chunk.docId).toBe('south.kk.txt');
    expect(top.doc.title).toBe('Еселі еңбекпен өрілген жұмыс'); // shown as it is: the citation gives the region beside it
  });
});
