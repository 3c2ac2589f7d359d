import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../src/corpus/ingest.ts';
import { govqa } from './helpers/cli.ts';
import { writeTinyModel } from './helpers/tiny-model.ts';
import { CORPUS, tempDir } from './helpers/tmp.ts';

let index: string;

beforeAll(async () => {
  index = path.join(await tempDir(), 'index');
  const run = await govqa(['index', '--corpus', CORPUS, '--index', index]);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/indexed: added 5, updated 0, removed 0, unchanged 0/);
});

describe('govqa search --json contract', () => {
  it('prints one line per query with exactly the documented fields', async () => {
    const run = await govqa(['search', '--index', index, '-k', '3', '--json', 'Қызылорда қаласында қанша қоғамдық бірлестік бар?']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['id', 'results']);
    expect(out.id).toBe('q');
    expect(out.results).toHaveLength(3);
    for (const r of out.results) {
      expect(Object.keys(r)).toEqual(['docId', 'title', 'chunkId', 'score', 'text']);
      expect(r.text.length).toBeLessThanOrEqual(1500);
      expect(typeof r.score).toBe('number');
    }
    expect(out.results[0].docId).toBe('kyzylorda-internal-policy-interview-2022.kk.txt');
    expect(out.results.map((r: { text: string }) => r.text).join(' ')).toContain('қоғамдық бірлестіктер – 301');
  });

  it('reads --queries JSONL, keeps ids, ignores other fields', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'q.jsonl');
    await writeFile(file, [
      JSON.stringify({ id: 'a1', question: 'Какая средняя зарплата в Наурызбайском районе?', lang: 'ru', evidence: 'x' }),
      JSON.stringify({ id: 'a2', question: 'Түркістан облысында неше бастауыш партия ұйымы бар?' }),
    ].join('\n'));
    const run = await govqa(['search', '--index', index, '--json', '--queries', file]);
    expect(run.code).toBe(0);
    const outs = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outs.map((o) => o.id)).toEqual(['a1', 'a2']);
    expect(outs[0].results).toHaveLength(10);
    expect(outs[0].results[0].text).toContain('в Наурызбайском 126 тысяч');
  });
});

describe('govqa ask --json contract', () => {
  it('prints one line per question with exactly the documented fields', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'q.jsonl');
    await writeFile(file, [
      JSON.stringify({ id: 'in', question: 'Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?' }),
      JSON.stringify({ id: 'out', question: 'Какой курс евро на завтра?' }),
    ].join('\n'));
    const run = await govqa(['ask', '--index', index, '--json', '--queries', file]);
    expect(run.code).toBe(0);
    const [yes, no] = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(yes)).toEqual(['id', 'answered', 'lang', 'answer', 'citations']);
    expect(yes).toMatchObject({ id: 'in', answered: true, lang: 'kk' });
    expect(yes.citations.some((c: { highlight?: unknown }) => c.highlight)).toBe(true);
    for (const c of yes.citations) {
      expect(Object.keys(c).filter((k) => k !== 'highlight')).toEqual(['n', 'docId', 'title', 'excerpt']);
      // where the excerpt holds more than the sentence it was quoted for: that sentence's offsets in it
      if (c.highlight) expect(c.excerpt.slice(c.highlight.start, c.highlight.end).length).toBe(c.highlight.end - c.highlight.start);
      expect(c.excerpt.length).toBeLessThanOrEqual(600);
      expect(yes.answer).toContain(c.excerpt);
    }
    expect(no).toEqual({ id: 'out', answered: false, lang: 'ru', answer: 'В моих источниках нет ответа на этот вопрос.', citations: [] });
  });
});

describe('govqa ask as read', () => {
  it('answers two questions in one, each under its question, as the bot does', async () => {
    const run = await govqa(['ask', '--index', index, 'Какая средняя зарплата в Медеуском районе? Какая средняя зарплата в Наурызбайском районе?']);
    expect(run.code).toBe(0);
    const [, first, second] = run.stdout.split(/^Какая средняя зарплата в \S+ районе\?$/m);
    expect(first).toContain('254 тысячи');
    expect(second).toContain('126 тысяч');
  });
});

describe('npm start without BOT_TOKEN', () => {
  it('says how to connect a bot and answers questions from the console', async () => {
    // the second question follows up on the first, as in the bot
    const run = await govqa(['start', '--index', index], {}, 'Какая средняя зарплата в Медеуском районе?\n\nА в Наурызбайском?\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/BOT_TOKEN is not set.*\.env/);
    const [first, second] = run.stdout.split('Вот что говорится в источниках:').slice(1);
    expect(first).toContain('254 тысячи');
    expect(second).toContain('126 тысяч');
  });
});

describe('govqa errors', () => {
  it('a missing corpus: one line, non-zero exit', async () => {
    const run = await govqa(['index', '--corpus', '/no/such/corpus', '--index', path.join(await tempDir(), 'i')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('govqa index: corpus not found: /no/such/corpus');
  });

  it('a missing index is built from the corpus first; with no corpus either: one line, non-zero exit', async () => {
    const dir = await tempDir();
    const built = await govqa(['search', '--index', path.join(dir, 'fresh'), '--json', 'аким'], { CORPUS_DIR: CORPUS });
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/indexed: added 5/);
    const run = await govqa(['search', '--index', path.join(dir, 'none'), 'вопрос'], { CORPUS_DIR: '/no/such/corpus' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('govqa search: corpus not found: /no/such/corpus');
  });

  it('a corrupt index: one line, non-zero exit', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'CURRENT'), 'build-missing\n');
    const run = await govqa(['search', '--index', dir, 'вопрос']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/corrupt: manifest\.json is missing/);
  });

  it('bad arguments: usage error, exit 2', async () => {
    expect((await govqa(['search', '--index', index, '-k', 'zero', 'x'])).code).toBe(2);
    expect((await govqa(['search', '--index', index])).stderr).toMatch(/give a QUESTION/);
    expect((await govqa(['frobnicate'])).code).toBe(2);
    expect((await govqa(['search', '--index', index, '--mode', 'fuzzy', 'x'])).stderr).toMatch(/--mode must be/);
  });

  it('a bad file is skipped with a warning and the rest is indexed', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'ok.txt'), 'Аким района встретился с жителями села');
    await writeFile(path.join(dir, 'bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x41]));
    const run = await govqa(['index', '--corpus', dir, '--index', path.join(dir, 'idx'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: skipped bad\.txt: binary file/);
    expect(JSON.parse(run.stdout)).toMatchObject({ added: 1 });
  });
});

describe('govqa when the system says no', () => {
  it('an index folder that cannot be made is one line, exit 1', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'file'), 'x');
    const run = await govqa(['index', '--corpus', CORPUS, '--index', path.join(dir, 'file', 'index')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^govqa index: ENOTDIR: not a directory, mkdir '.*file\/index'$/)]);
  });

  it('a reader that goes away (| head) ends the output quietly', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.resolve('bin/govqa.js'), 'search', '--index', index, '-k', '100', 'әкім'], { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy()); // read the first bytes, then hang up, as `head -1` does
    const code = await new Promise((r) => child.on('exit', r));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});

describe('govqa with the dense path on', () => {
  it('indexes with embeddings and searches hybrid, stdout still pure JSON', async () => {
    const modelsDir = await tempDir('govqa-models-');
    const { docs } = await readCorpus(CORPUS);
    const model = await writeTinyModel(modelsDir, docs.map((d) => d.text));
    const env = { EMBEDDING_MODEL: model, MODELS_DIR: modelsDir, INDEX_DIR: path.join(modelsDir, 'index'), CORPUS_DIR: CORPUS };
    const built = await govqa(['index', '--json'], env);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout).embedded).toBeGreaterThan(0);
    const run = await govqa(['search', '--json', '-k', '2', 'Алматы әкімі'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toHaveLength(2);
  });
});
