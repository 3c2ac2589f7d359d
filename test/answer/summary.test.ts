import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer, DEFAULT_ANSWER, type Citation } from '../../src/answer/compose.ts';
import { checkSummary, Summarizer } from '../../src/answer/summary.ts';
import { loadConfig } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

const cite = (n: number, excerpt: string, lang: 'kk' | 'ru' = 'ru'): Citation => ({
  n, docId: 'd', title: 't', excerpt, lang, meta: {}, chunkId: 'd#0', start: 0, end: excerpt.length,
});

describe('summary checks', () => {
  const citations = [cite(1, 'В Наурызбайском районе средняя зарплата 126 тысяч.'), cite(2, 'Аким поручил решить проблемы с газификацией.')];

  it('accepts sentences that cite existing excerpts and take their numbers from them', () => {
    expect(checkSummary('Средняя зарплата в Наурызбайском районе — 126 тысяч [1].', 'ru', citations)).toEqual([]);
  });

  it.each([
    ['Средняя зарплата там 126 тысяч.', /uncited/],
    ['Средняя зарплата там 126 тысяч [3].', /missing excerpt/],
    ['Средняя зарплата там 150 тысяч [1].', /number not in its excerpts: 150/],
    ['Аким поручил решить проблемы с газом к 2025 году [2].', /number not in its excerpts: 2025/],
    ['Наурызбай ауданында орташа жалақы 126 мың теңге [1].', /wrong language/],
  ])('refuses %s', (summary, why) => {
    expect(checkSummary(summary, 'ru', citations).join('; ')).toMatch(why);
  });
});

describe('summary from an OpenAI-compatible API', () => {
  let server: http.Server;
  let url: string;
  let reply: (body: any) => string | null; // null: never answer (a hung API)
  const requests: any[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        const body = JSON.parse(raw);
        requests.push({ url: req.url, auth: req.headers.authorization, body });
        const content = reply(body);
        if (content === null) return; // leave the request hanging
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  async function answerer(timeoutMs = 5000) {
    const index = path.join(await tempDir(), 'index');
    await buildIndex({ corpus: CORPUS, indexDir: index, embedder: null });
    const config = loadConfig({ LLM_BASE_URL: url, LLM_API_KEY: 'sk-test', LLM_MODEL: 'test-model', LLM_TIMEOUT_MS: String(timeoutMs) });
    const refused: string[] = [];
    return { answerer: new Answerer(await SearchEngine.open(index, null), DEFAULT_ANSWER, new Summarizer(config.llm!, (w) => refused.push(w))), refused };
  }

  it('puts a checked summary before the excerpts, sending only the excerpts to the model', async () => {
    reply = (body) => {
      const excerpts: string = body.messages[1].content;
      const before = excerpts.slice(0, excerpts.indexOf('126 тысяч'));
      const n = [...before.matchAll(/\[(\d+)\] /g)].at(-1)![1];
      return `Средняя зарплата в Наурызбайском районе составляет 126 тысяч [${n}].`;
    };
    const { answerer: a } = await answerer();
    const answer = await a.ask('Какая средняя зарплата в Наурызбайском районе?');
    expect(answer.summary).toMatch(/^Средняя зарплата в Наурызбайском районе составляет 126 тысяч \[\d\]\.$/);
    expect(answer.answer.startsWith(answer.summary!)).toBe(true);
    const last = requests.at(-1);
    expect(last.url).toBe('/v1/chat/completions');
    expect(last.auth).toBe('Bearer sk-test');
    expect(last.body.model).toBe('test-model');
    expect(last.body.messages[0].content).toMatch(/Russian/);
  });

  it('drops a summary that fails the checks, and one that never comes', async () => {
    reply = () => 'Средняя зарплата там 999 тысяч [1].';
    const first = await answerer();
    const bad = await first.answerer.ask('Какая средняя зарплата в Наурызбайском районе?');
    expect(bad.answered).toBe(true);
    expect(bad.summary).toBeUndefined();
    expect(first.refused.join()).toMatch(/999/);

    reply = () => null;
    const second = await answerer(300);
    const started = Date.now();
    const hung = await second.answerer.ask('Какая средняя зарплата в Наурызбайском районе?');
    expect(hung.summary).toBeUndefined();
    expect(hung.citations.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(second.refused.join()).toMatch(/summary unavailable/);
  });

  it('is not asked for refusals or where the caller turns it off', async () => {
    reply = () => 'x';
    const { answerer: a } = await answerer();
    const before = requests.length;
    expect((await a.ask('Какой курс доллара сегодня?')).answered).toBe(false);
    await a.ask('Какая средняя зарплата в Наурызбайском районе?', { summary: false });
    expect(requests.length).toBe(before);
  });
});
