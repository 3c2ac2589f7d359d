// The question log in PostgreSQL (DATABASE_URL), for replicas: every replica writes to and reads from one log.
// The schema is created and migrated by the program (numbered steps, one transaction each, under an advisory
// lock so that replicas starting together do not race); the user-hash key lives in the database, shared by all.
// Writes leave the answer's path as in the file log; a database that cannot be reached costs the entries of the
// outage (one warning), never an answer.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FeedbackReason, FeedbackRecord, FeedbackValue, LogRecord, QuestionLog, QuestionRecord } from './questions.ts';
import { DAY_MS, DEFAULT_RETENTION_DAYS, userHash } from './questions.ts';

/** Schema steps, in order; a database records how many it has had. Never edit one: add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE govqa_settings (name text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE govqa_questions (id text PRIMARY KEY, at timestamptz NOT NULL, question text NOT NULL, lang text NOT NULL,
     channel text NOT NULL, outcome text NOT NULL, docs text[] NOT NULL, ms integer NOT NULL, follow_up boolean, user_hash text);
   CREATE INDEX govqa_questions_at ON govqa_questions (at);
   CREATE TABLE govqa_feedback (id text NOT NULL, at timestamptz NOT NULL, value text NOT NULL, reason text);
   CREATE INDEX govqa_feedback_at ON govqa_feedback (at);`,
];
/** an arbitrary constant: the advisory lock that serializes migrations across replicas */
const MIGRATION_LOCK = 7_356_001;

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS govqa_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM govqa_schema');
    let version = rows[0]?.version ?? 0;
    if (!rows.length) await client.query('INSERT INTO govqa_schema VALUES (0)');
    for (; version < MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      await client.query(MIGRATIONS[version]);
      await client.query('UPDATE govqa_schema SET version = $1', [version + 1]);
      await client.query('COMMIT');
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

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
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
    pool.on('error', () => {}); // an idle connection dropped: the next query reconnects
    return new PgQuestionLog(pool, retentionDays, onError);
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
      await migrate(this.pool);
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
