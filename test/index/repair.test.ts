// A damaged index (files truncated, emptied, removed, altered in place; a manifest that lies) is refused in one
// line when opened, and repaired by the next build; a query can never run away on bad postings.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { currentBuild, IndexError } from '../../src/index/store.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { govqa } from '../helpers/cli.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

let corpus: string;
let indexDir: string;

beforeEach(async () => {
  const dir = await tempDir();
  corpus = path.join(dir, 'corpus');
  indexDir = path.join(dir, 'index');
  await cp(CORPUS, corpus, { recursive: true });
  await buildIndex({ corpus, indexDir, embedder: null });
});

const live = async () => (await currentBuild(indexDir))!;
const openError = () => SearchEngine.open(indexDir, null).then(() => 'opened', (err) => (err instanceof IndexError ? err.message.replace(/^index at \S+ /, '') : `not an IndexError: ${err}`));

/** Sets one postings offset to a huge value, keeping the file's size. */
async function corruptOffset(dir: string) {
  const file = path.join(dir, 'postings.bin');
  const bytes = await readFile(file);
  bytes.writeUInt32LE(0xfffffff0, 4 * 10);
  await writeFile(file, bytes);
}

const DAMAGE: Record<string, (dir: string) => Promise<void>> = {
  'lexical.json truncated': async (dir) => writeFile(path.join(dir, 'lexical.json'), (await readFile(path.join(dir, 'lexical.json'), 'utf8')).slice(0, 100)),
  'postings.bin emptied': (dir) => writeFile(path.join(dir, 'postings.bin'), ''),
  'postings.bin removed': (dir) => rm(path.join(dir, 'postings.bin')),
  'an offset altered in place': corruptOffset,
  'chunks.jsonl truncated': async (dir) => writeFile(path.join(dir, 'chunks.jsonl'), (await readFile(path.join(dir, 'chunks.jsonl'), 'utf8')).slice(0, 500)),
};

describe('a damaged index', () => {
  for (const [what, damage] of Object.entries(DAMAGE)) {
    it(`${what}: refused in one line, then repaired by the next build`, async () => {
      await damage(await live());
      expect(await openError()).toMatch(/^is corrupt: .*; run `govqa index`$/);
      const report = await buildIndex({ corpus, indexDir, embedder: null });
      expect(report.rebuilt).toMatch(/^the index was damaged \(/);
      expect(report.written).toBe(true);
      const engine = await SearchEngine.open(indexDir, null);
      expect((await engine.search('Қызылорда қаласында қанша қоғамдық бірлестік бар?', { k: 3 })).length).toBe(3);
    });
  }

  it('a manifest whose documents are null or empty: one line, and a rebuild', async () => {
    for (const docs of [null, {}]) {
      const file = path.join(await live(), 'manifest.json');
      await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), docs }));
      expect(await openError()).toMatch(/^is corrupt: manifest\.json has (no documents|documents that do not cover the chunks); run `govqa index`$/);
      expect((await buildIndex({ corpus, indexDir, embedder: null })).rebuilt).toMatch(/^the index was damaged \(manifest\.json/);
      expect(await openError()).toBe('opened');
    }
  });

  it('a build from before checksums were kept: bad offsets are still caught at load', async () => {
    const dir = await live();
    const file = path.join(dir, 'manifest.json');
    const { files: _files, ...old } = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify(old));
    await corruptOffset(dir);
    expect(await openError()).toBe('is corrupt: postings.bin has offsets that run backwards');
  });

  it('a pointer left half-written by a builder that died is cleared by the next build', async () => {
    await writeFile(path.join(indexDir, 'CURRENT.99999.tmp'), 'build-');
    await writeFile(path.join(corpus, 'new.txt'), 'Аудан әкімі жаңа мектеп ашты.');
    await buildIndex({ corpus, indexDir, embedder: null });
    expect((await readdir(indexDir)).filter((n) => n.startsWith('CURRENT'))).toEqual(['CURRENT']);
  });

  it('the command line: search says what to run, `govqa index` repairs', async () => {
    await writeFile(path.join(await live(), 'postings.bin'), '');
    const search = await govqa(['search', '--index', indexDir, 'әкім']);
    expect(search.code).toBe(1);
    expect(search.stderr.trim().split('\n')).toHaveLength(1);
    expect(search.stderr).toMatch(/^govqa search: index at .* is corrupt: postings\.bin has changed since it was written; run `govqa index`\n$/);
    const index = await govqa(['index', '--corpus', corpus, '--index', indexDir]);
    expect(index.code).toBe(0);
    expect(index.stderr).toMatch(/full rebuild: the index was damaged \(postings\.bin has changed since it was written\)/);
    expect((await govqa(['search', '--index', indexDir, 'әкім'])).code).toBe(0);
  });
});
