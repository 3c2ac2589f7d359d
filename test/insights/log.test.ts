// The question log on its own: it survives a restart, takes concurrent writes, skips a damaged line, forgets
// days past its retention, and `govqa report` reads it.
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileQuestionLog, type QuestionRecord } from '../../src/insights/questions.ts';
import { buildReport, groupQuestions, parseSince } from '../../src/insights/report.ts';
import { govqa } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const asked = (question: string, outcome: QuestionRecord['outcome'] = 'answered', ms = 5) =>
  ({ question, lang: 'ru', channel: 'private', outcome, docs: outcome === 'answered' ? ['a.txt'] : [], ms, userId: 42 }) as const;

describe('question log', () => {
  it('survives a restart, and one damaged line costs only itself', async () => {
    const dir = await tempDir();
    const first = new FileQuestionLog(dir);
    const id = first.record(asked('Сколько школ построили?'));
    first.feedback(id, 'up');
    await first.flush();
    const [file] = await readdir(path.join(dir, 'questions'));
    await appendFile(path.join(dir, 'questions', file), '{"kind":"question","id":"x","at":"2026-\n');
    const second = new FileQuestionLog(dir); // a new process
    second.record(asked('А в Семее?', 'declined'));
    const all = await second.read(new Date(0));
    expect(all.map((r) => r.kind)).toEqual(['question', 'feedback', 'question']);
    expect((all[0] as QuestionRecord).user).toBe((all[2] as QuestionRecord).user); // the same key across restarts
  });

  it('takes concurrent writes from several processes without losing or mixing lines', async () => {
    const dir = await tempDir();
    const logs = [new FileQuestionLog(dir), new FileQuestionLog(dir), new FileQuestionLog(dir)];
    logs.forEach((log, i) => { for (let n = 0; n < 200; n++) log.record(asked(`вопрос ${i}-${n} ${'ы'.repeat(n)}`)); });
    await Promise.all(logs.map((l) => l.flush()));
    const all = await logs[0].read(new Date(0));
    expect(all).toHaveLength(600);
    expect(new Set(all.map((r) => (r as QuestionRecord).question)).size).toBe(600);
  });

  it('forgets days past its retention', async () => {
    const dir = await tempDir();
    let now = new Date('2026-01-01T10:00:00Z');
    const log = new FileQuestionLog(dir, 30, undefined, () => now);
    log.record(asked('старый вопрос'));
    await log.flush();
    now = new Date('2026-03-01T10:00:00Z');
    const later = new FileQuestionLog(dir, 30, undefined, () => now);
    later.record(asked('новый вопрос'));
    await later.flush();
    expect(await readdir(path.join(dir, 'questions'))).toEqual(['2026-03-01.jsonl']);
    expect(JSON.stringify(await later.read(new Date(0)))).not.toContain('старый');
  });

  it('keeps no user id, only a keyed hash', async () => {
    const dir = await tempDir();
    const log = new FileQuestionLog(dir);
    log.record({ ...asked('вопрос'), userId: 987654321 });
    await log.flush();
    const raw = (await Promise.all((await readdir(path.join(dir, 'questions'))).map((f) => readFile(path.join(dir, 'questions', f), 'utf8')))).join('');
    expect(raw).not.toContain('987654321');
  });
});

describe('report', () => {
  it('counts outcomes, the answer rate, p95 latency, feedback, and groups similar unanswered wordings', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const q = (id: string, question: string, outcome: QuestionRecord['outcome'], ms: number): QuestionRecord => ({ kind: 'question', id, at, question, lang: 'ru', channel: 'private', outcome, docs: [], ms });
    const r = buildReport([
      q('1', 'Сколько школ?', 'answered', 10), q('2', 'Курс доллара?', 'declined', 20), q('3', 'Какой курс доллара', 'declined', 30),
      q('4', 'Погода завтра?', 'declined', 40), q('5', 'x', 'error', 0), q('6', 'y', 'rate-limited', 0),
      { kind: 'feedback', id: '1', at, value: 'up' }, { kind: 'feedback', id: '2', at, value: 'down' }, { kind: 'feedback', id: '2', at, value: 'down', reason: 'wrong' },
    ], new Date('2026-11-25T00:00:00Z'));
    expect(r).toMatchObject({ questions: 6, answered: 1, declined: 3, errors: 1, rateLimited: 1, answerRate: 0.25, p95Ms: 40 });
    expect(r.feedback).toEqual({ up: 1, down: 1, reasons: { wrong: 1, incomplete: 0, offtopic: 0 } });
    expect(r.unanswered).toEqual([{ question: 'Курс доллара?', count: 2 }, { question: 'Погода завтра?', count: 1 }]);
    expect(r.perDay).toEqual([{ day: '2026-12-01', questions: 6, answered: 1 }]);
  });

  it('groups Kazakh wordings too', () => {
    expect(groupQuestions(['Ертең ауа райы қандай?', 'ертең ауа райы қандай болады', 'Доллар бағамы қанша?'])).toEqual([
      { question: 'Ертең ауа райы қандай?', count: 2 },
      { question: 'Доллар бағамы қанша?', count: 1 },
    ]);
  });

  it('reads periods', () => {
    const now = new Date('2026-12-08T00:00:00Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(parseSince('24h', now)?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(parseSince('soon', now)).toBeNull();
  });

  it('govqa report --json', async () => {
    const dir = await tempDir();
    const log = new FileQuestionLog(dir);
    log.record(asked('Сколько школ построили?'));
    log.record(asked('Какой курс доллара?', 'declined'));
    await log.flush();
    const run = await govqa(['report', '--json', '--since', '7d'], { STATE_DIR: dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ questions: 2, answered: 1, declined: 1, feedback: { up: 0, down: 0 }, unanswered: [{ question: 'Какой курс доллара?', count: 1 }] });
    const text = await govqa(['report'], { STATE_DIR: dir });
    expect(text.stdout).toContain('1× Какой курс доллара?');
  });
});
