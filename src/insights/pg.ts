// The question log in PostgreSQL (DATABASE_URL), for replicas: every replica writes to and reads from one log.
// The schema is created and migrated by the program (db/postgres.ts); the user-hash key lives in the database,
// shared by all.
// Writes leave the answer's path as in the file log; a database that cannot be reached costs the entries of the
// outage (one warning), never an answer.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { openPool, schemaReady } from '../db/postgres.ts';
import type { FeedbackReason, FeedbackRecord, FeedbackValue, LogRecord, QuestionLog, QuestionRecord } from './questions.ts';
import { DAY_MS, DEFAULT_RETENTION_DAYS, userHash } from './questions.ts';

export { migrate, MIGRATIONS } from '../db/postgres.ts';

export class PgQuestionLog implements QuestionLog {
  private writing: Promise<void> = Promise.resolve();
  private ready: Promise<Buffer> | null = null;
  private prunedDay = '';
  private failing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  static open(url: string, retentionDays?: number, onError?: (err: unknown) => void): PgQuestionLog {
    return new PgQuestionLog(openPool(url), retentionDays, onError);
  }

  record(entry: Omit<QuestionRecord, 'kind' | 'id' | 'at' | 'user'> & { userId?: number }): string {
    const id = randomBytes(6).toString('base64url');
    const at = this.now();
    this.enqueue(async (key) => {
      const user = entry.userId === undefined ? null : userHash(key, entry.userId);
      await this.pool.query(
        'INSERT INTO govqa_questions (id, at, question, lang, channel, outcome, docs, ms, follow_up, user_hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
        [id, at, entry.question, entry.lang, entry.channel, entry.outcome, entry.docs, entry.ms, entry.followUp ?? null, user],
      );
    });
    return id;
  }

  feedback(id: string, value: FeedbackValue, reason?: FeedbackReason): void {
    const at = this.now();
    this.enqueue(() => this.pool.query('INSERT INTO govqa_feedback (id, at, value, reason) VALUES ($1,$2,$3,$4)', [id, at, value, reason ?? null]).then(() => {}));
  }

  flush(): Promise<void> {
    return this.writing;
  }

  async read(since: Date): Promise<LogRecord[]> {
    await this.writing;
    await this.start();
    const [q, f] = await Promise.all([
      this.pool.query('SELECT * FROM govqa_questions WHERE at >= $1 ORDER BY at, id', [since]),
      this.pool.query('SELECT * FROM govqa_feedback WHERE at >= $1 ORDER BY at', [since]),
    ]);
    const questions: QuestionRecord[] = q.rows.map((r) => ({
      kind: 'question', id: r.id, at: new Date(r.at).toISOString(), question: r.question, lang: r.lang, channel: r.channel, outcome: r.outcome,
      docs: r.docs, ms: r.ms, ...(r.follow_up !== null && { followUp: r.follow_up }), ...(r.user_hash && { user: r.user_hash }),
    }));
    const feedback: FeedbackRecord[] = f.rows.map((r) => ({ kind: 'feedback', id: r.id, at: new Date(r.at).toISOString(), value: r.value, ...(r.reason && { reason: r.reason }) }));
    return [...questions, ...feedback].sort((a, b) => a.at.localeCompare(b.at));
  }

  async close(): Promise<void> {
    await this.writing;
    await this.pool.end();
  }

  /** The schema, and the user-hash key all replicas share (made by the first). */
  private start(): Promise<Buffer> {
    this.ready ??= (async () => {
      await schemaReady(this.pool);
      await this.pool.query("INSERT INTO govqa_settings VALUES ('log-key', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(32).toString('hex')]);
      const { rows } = await this.pool.query("SELECT value FROM govqa_settings WHERE name = 'log-key'");
      return Buffer.from(rows[0].value, 'hex');
    })().catch((err) => {
      this.ready = null; // try again with the next entry
      throw err;
    });
    return this.ready;
  }

  private enqueue(write: (key: Buffer) => Promise<void>): void {
    this.writing = this.writing.then(async () => {
      try {
        const key = await this.start();
        const day = this.now().toISOString().slice(0, 10);
        if (day !== this.prunedDay) {
          this.prunedDay = day;
          const cutoff = new Date(this.now().getTime() - this.retentionDays * DAY_MS);
          await this.pool.query('DELETE FROM govqa_questions WHERE at < $1', [cutoff]);
          await this.pool.query('DELETE FROM govqa_feedback WHERE at < $1', [cutoff]);
        }
        await write(key);
        this.failing = false;
      } catch (err) {
        if (!this.failing) this.onError(err); // once per outage
        this.failing = true;
      }
    });
  }
}
