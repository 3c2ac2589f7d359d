// The PostgreSQL schema govqa keeps (DATABASE_URL), created and migrated by the program itself: numbered steps,
// one transaction each, under an advisory lock so that replicas starting together do not race. The question log
// (insights/pg.ts), the documents (corpus/pg-source.ts) and the builds (index/pg-store.ts) live here.
import pg from 'pg';

/** Schema steps, in order; a database records how many it has had. Never edit one: add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE govqa_settings (name text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE govqa_questions (id text PRIMARY KEY, at timestamptz NOT NULL, question text NOT NULL, lang text NOT NULL,
     channel text NOT NULL, outcome text NOT NULL, docs text[] NOT NULL, ms integer NOT NULL, follow_up boolean, user_hash text);
   CREATE INDEX govqa_questions_at ON govqa_questions (at);
   CREATE TABLE govqa_feedback (id text NOT NULL, at timestamptz NOT NULL, value text NOT NULL, reason text);
   CREATE INDEX govqa_feedback_at ON govqa_feedback (at);`,
  // the corpus as files (a document's bytes as the admin gave them, and the corpus's manifest.json) and the
  // builds as the files of a build folder, with one pointer to the live build
  `CREATE TABLE govqa_documents (name text PRIMARY KEY, bytes bytea NOT NULL, sha256 text NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE govqa_builds (id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), manifest jsonb NOT NULL);
   CREATE TABLE govqa_build_files (build_id text NOT NULL REFERENCES govqa_builds (id) ON DELETE CASCADE, name text NOT NULL,
     bytes bytea NOT NULL, PRIMARY KEY (build_id, name));
   CREATE TABLE govqa_current_build (one boolean PRIMARY KEY DEFAULT true CHECK (one), build_id text NOT NULL REFERENCES govqa_builds (id));`,
];

/** Advisory lock keys (arbitrary constants, one per purpose). */
export const LOCKS = { migration: 7_356_001, build: 7_356_002, corpus: 7_356_003 } as const;

/** The channel a published build is announced on (its payload: the build id). */
export const BUILD_CHANNEL = 'govqa_build';

/** A pool for one of govqa's parts; a dropped idle connection is reconnected by the next query. */
export function openPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {});
  return pool;
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migration]);
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
    await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migration]).catch(() => {});
    client.release();
  }
}

/** The schema, brought up to date once per pool however many parts share it; tried again after a failure. */
const schemas = new WeakMap<pg.Pool, Promise<void>>();

export function schemaReady(pool: pg.Pool): Promise<void> {
  let ready = schemas.get(pool);
  if (!ready) {
    ready = migrate(pool).catch((err) => {
      schemas.delete(pool);
      throw err;
    });
    schemas.set(pool, ready);
  }
  return ready;
}

/** Runs `fn` on one connection inside a transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` holding an advisory lock on a connection of its own: the server releases it when that connection
 * ends, so a process that dies holding it never blocks the others. `wait` false: null at once when it is held.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: number, wait: boolean, fn: () => Promise<T>): Promise<T | null> {
  const client = await pool.connect();
  try {
    if (wait) await client.query('SELECT pg_advisory_lock($1)', [key]);
    else {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (!rows[0].ok) return null;
    }
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
