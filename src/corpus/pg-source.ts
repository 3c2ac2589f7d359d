// The corpus of replicas: PostgreSQL holds every file of the corpus folder (documents as the admin gave them, and
// manifest.json with their titles and URLs), and each replica mirrors it into a local folder that the readers
// read as the embedded default reads its corpus. A change (an upload, `govqa add`, `govqa index --corpus DIR`) is
// made on the mirror under a lock shared by all replicas and written back in one transaction.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { inTransaction, LOCKS, schemaReady, withAdvisoryLock } from '../db/postgres.ts';
import type { DocumentSource } from '../index/types.ts';
import { CorpusError, readCorpus, type Corpus } from './ingest.ts';
import { writeAtomic } from './manifest.ts';
import { snapshot } from './copy.ts';

export class PgDocumentSource implements DocumentSource {
  constructor(
    private readonly pool: pg.Pool,
    /** this replica's mirror of the corpus */
    readonly mirror: string,
  ) {}

  readonly where = 'PostgreSQL';

  async read(cacheDir: string): Promise<Corpus> {
    return this.alone(async () => {
      const files = await this.pull();
      if (!files.size) throw new CorpusError('the corpus in PostgreSQL is empty: load a folder with `govqa index --corpus DIR`, or add documents with `govqa add`');
      return readCorpus(this.mirror, { cacheDir });
    });
  }

  async edit<T>(change: (dir: string) => Promise<T>): Promise<T> {
    await schemaReady(this.pool);
    return this.alone(async () => (await withAdvisoryLock(this.pool, LOCKS.corpus, true, async () => {
      const before = await this.pull();
      const result = await change(this.mirror);
      await this.push(before, await snapshot(this.mirror));
      return result;
    })) as T);
  }

  /** one use of the mirror at a time in this process (a build reading it while an upload changes it) */
  private turn: Promise<unknown> = Promise.resolve();

  private alone<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => {});
    return run;
  }

  /** Makes the mirror what the database holds; returns the mirror's files by name with their SHA-256. */
  private async pull(): Promise<Map<string, string>> {
    await schemaReady(this.pool);
    const { rows } = await this.pool.query<{ name: string; sha256: string }>('SELECT name, sha256 FROM govqa_documents');
    const local = await snapshot(this.mirror);
    const stale = rows.filter((r) => local.get(r.name) !== r.sha256).map((r) => r.name);
    for (let i = 0; i < stale.length; i += PULL_BATCH) {
      const batch = await this.pool.query<{ name: string; bytes: Buffer }>('SELECT name, bytes FROM govqa_documents WHERE name = ANY($1)', [stale.slice(i, i + PULL_BATCH)]);
      for (const { name, bytes } of batch.rows) {
        const file = inside(this.mirror, name);
        await mkdir(path.dirname(file), { recursive: true });
        await writeAtomic(file, bytes);
      }
    }
    const wanted = new Set(rows.map((r) => r.name));
    for (const name of local.keys()) if (!wanted.has(name)) await rm(inside(this.mirror, name), { force: true });
    return new Map(rows.map((r) => [r.name, r.sha256]));
  }

  /** Writes what a change did to the mirror back, in one transaction. */
  private push(before: Map<string, string>, after: Map<string, string>): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      for (const [name, sha256] of after) {
        if (before.get(name) === sha256) continue;
        await client.query(
          'INSERT INTO govqa_documents (name, bytes, sha256) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET bytes = $2, sha256 = $3, updated_at = now()',
          [name, await readFile(inside(this.mirror, name)), sha256],
        );
      }
      const gone = [...before.keys()].filter((name) => !after.has(name));
      if (gone.length) await client.query('DELETE FROM govqa_documents WHERE name = ANY($1)', [gone]);
    });
  }
}

/** documents fetched per query while mirroring (bounded memory for a large corpus) */
const PULL_BATCH = 64;

/** A name from the database as a path inside the mirror: never outside it. */
function inside(root: string, name: string): string {
  const file = path.resolve(root, name);
  if (!file.startsWith(path.resolve(root) + path.sep)) throw new Error(`document name «${name}» leads out of the corpus`);
  return file;
}
