// The question log in a real PostgreSQL, as replicas use it: the schema made by the program (twice at once is
// fine), two writers sharing one log and one user-hash key, retention, and `govqa report` reading it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, PgQuestionLog } from '../../src/insights/pg.ts';
import type { QuestionRecord } from '../../src/insights/questions.ts';
import { govqa } from '../helpers/cli.ts';
import { havePostgres, startPostgres, type PostgresServer } from '../helpers/postgres.ts';

const asked = (question: string, outcome: QuestionRecord['outcome'] = 'answered') =>
  ({ question, lang: 'ru', channel: 'private', outcome, docs: outcome === 'answered' ? ['a.txt'] : [], ms: 7, userId: 42 }) as const;

describe.skipIf(!havePostgres)('question log in PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it('makes its schema once, even when replicas start together', async () => {
    const pools = [new pg.Pool({ connectionString: server.url }), new pg.Pool({ connectionString: server.url })];
    await Promise.all(pools.map((p) => migrate(p)));
    const { rows } = await pools[0].query('SELECT version FROM govqa_schema');
    expect(rows).toEqual([{ version: MIGRATIONS.length }]);
    await Promise.all(pools.map((p) => p.end()));
  });

  it('two replicas write one log with one user-hash key; feedback and reports read it whole', async () => {
    const a = PgQuestionLog.open(server.url);
    const b = PgQuestionLog.open(server.url);
    const id = a.record(asked('Сколько школ построили?'));
    b.record(asked('Какой курс доллара?', 'declined'));
    b.feedback(id, 'down', 'wrong');
    await Promise.all([a.flush(), b.flush()]);
    const all = await a.read(new Date(0));
    const questions = all.filter((r): r is QuestionRecord => r.kind === 'question');
    expect(questions.map((q) => q.question).sort()).toEqual(['Какой курс доллара?', 'Сколько школ построили?']);
    expect(new Set(questions.map((q) => q.user)).size).toBe(1); // the same user, hashed alike by both replicas
    expect(JSON.stringify(all)).not.toContain('"42"');
    expect(all.find((r) => r.kind === 'feedback')).toMatchObject({ id, value: 'down', reason: 'wrong' });
    const run = await govqa(['report', '--json'], { DATABASE_URL: server.url });
    expect(JSON.parse(run.stdout)).toMatchObject({ questions: 2, answered: 1, declined: 1, feedback: { up: 0, down: 1 } });
    await a.close();
    await b.close();
  });

  it('forgets entries past its retention', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const log = new PgQuestionLog(new pg.Pool({ connectionString: server.url }), 30, undefined, () => now);
    log.record(asked('старый вопрос'));
    await log.flush();
    now = new Date('2026-03-01T00:00:00Z');
    log.record(asked('новый вопрос'));
    await log.flush();
    const texts = (await log.read(new Date(0))).map((r) => (r as QuestionRecord).question);
    expect(texts).toContain('новый вопрос');
    expect(texts).not.toContain('старый вопрос');
    await log.close();
  });

  it('a database that cannot be reached costs entries, with one warning, never an answer', async () => {
    const errors: unknown[] = [];
    const log = PgQuestionLog.open('postgres://govqa@127.0.0.1:1/postgres', 90, (err) => errors.push(err));
    expect(typeof log.record(asked('вопрос'))).toBe('string'); // returns at once
    log.record(asked('ещё вопрос'));
    await log.flush();
    expect(errors).toHaveLength(1);
    await log.close();
  });
});
