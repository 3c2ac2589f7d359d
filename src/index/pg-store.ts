// The index store of replicas: PostgreSQL holds every build (the files of a build folder, written in one
// transaction with the pointer to the live build, announced by NOTIFY), and each replica keeps a local copy in its
// index folder (a FileIndexStore), which it loads from as the embedded default does. A replica that cannot reach
// the database serves the copy it has, and a replica starting while the database is down serves its last copy.
import { readdir, readFile, rename, rm, mkdir, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BUILD_CHANNEL, inTransaction, LOCKS, schemaReady, withAdvisoryLock } from '../db/postgres.ts';
import { FileIndexStore } from './file-store.ts';
import { IndexError, readManifest } from './store.ts';
import type { IndexStore } from './types.ts';

/** Pauses between attempts to listen again after the connection dropped: doubling from the first to the last. */
const RELISTEN_MS = { first: 500, last: 30_000 };

export class PgIndexStore implements IndexStore {
  private readonly local: FileIndexStore;
  private up = true;
  /** builds being copied here, by id */
  private readonly copying = new Map<string, Promise<void>>();

  constructor(
    private readonly pool: pg.Pool,
    /** for the listening connection, which must be a client of its own */
    private readonly url: string,
    /** this replica's copy of the builds */
    localDir: string,
    private readonly onWarning: (line: string) => void = () => {},
  ) {
    this.local = new FileIndexStore(localDir);
  }

  readonly where = 'PostgreSQL';

  get cacheDir(): string {
    return this.local.cacheDir;
  }

  health(): 'up' | 'down' {
    return this.up ? 'up' : 'down';
  }

  /** The live build, copied here first when this replica does not have it yet. */
  async current(): Promise<string | null> {
    let id: string | undefined;
    try {
      await schemaReady(this.pool);
      ({ rows: [{ build_id: id } = { build_id: undefined }] } = await this.pool.query<{ build_id: string }>('SELECT build_id FROM govqa_current_build'));
      this.seen(true);
    } catch (err) {
      this.seen(false, err);
      const copy = await this.local.current();
      if (copy) return copy; // serve what this replica has; the next notification or query tries again
      throw new IndexError(`PostgreSQL cannot be reached (${oneLine(err)}) and this replica has no copy of the index yet`);
    }
    if (!id) return null;
    const dir = path.join(this.local.dir, id);
    if ((await this.local.current()) === dir) return dir;
    // one copy of a build at a time, however many callers ask for it at once
    let copying = this.copying.get(id);
    if (!copying) {
      copying = (async () => {
        if (!(await exists(path.join(dir, 'manifest.json')))) await this.download(id, dir);
        await this.local.publish(dir);
      })().finally(() => this.copying.delete(id));
      this.copying.set(id, copying);
    }
    await copying;
    return dir;
  }

  create(): Promise<string> {
    return this.local.create();
  }

  /** The build's files and the new pointer in one transaction; NOTIFY reaches the replicas when it commits. */
  async publish(dir: string): Promise<void> {
    await schemaReady(this.pool);
    const id = path.basename(dir);
    const names = (await readdir(dir)).sort();
    const manifest = await readManifest(dir);
    await inTransaction(this.pool, async (client) => {
      const previous = (await client.query<{ build_id: string }>('SELECT build_id FROM govqa_current_build')).rows[0]?.build_id ?? null;
      await client.query('INSERT INTO govqa_builds (id, manifest) VALUES ($1, $2)', [id, JSON.stringify({ createdAt: manifest.createdAt, chunks: manifest.chunks, files: names })]);
      for (const name of names) await client.query('INSERT INTO govqa_build_files (build_id, name, bytes) VALUES ($1, $2, $3)', [id, name, await readFile(path.join(dir, name))]);
      await client.query('INSERT INTO govqa_current_build (one, build_id) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET build_id = $1', [id]);
      // the live build and the one before it stay (a replica may still be copying that one); older ones go
      await client.query('DELETE FROM govqa_builds WHERE id <> $1 AND id IS DISTINCT FROM $2', [id, previous]);
      await client.query('SELECT pg_notify($1, $2)', [BUILD_CHANNEL, id]);
    });
    await this.local.publish(dir);
  }

  discard(dir: string): Promise<void> {
    return this.local.discard(dir);
  }

  /** One builder across all replicas: an advisory lock, released by the server if the builder's connection ends. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await schemaReady(this.pool);
    let ran = false;
    const result = await withAdvisoryLock(this.pool, LOCKS.build, false, async () => {
      ran = true;
      return fn();
    });
    if (!ran) throw new IndexError('another build is running (on another replica, or `govqa index`)');
    return result as T;
  }

  /**
   * LISTEN on a connection of its own; when it drops, listens again with doubling pauses and, once back, calls
   * `onPublished` in case a build was published meanwhile.
   */
  watch(onPublished: () => void): () => void {
    let stopped = false;
    let client: pg.Client | null = null;
    let timer: NodeJS.Timeout | null = null;
    let pause = RELISTEN_MS.first;
    const listen = async (again: boolean) => {
      if (stopped) return;
      const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
      client = c;
      c.on('error', () => {}); // 'end' follows
      c.on('notification', (n) => n.channel === BUILD_CHANNEL && onPublished());
      c.on('end', () => {
        if (stopped || client !== c) return;
        this.seen(false, new Error('the listening connection ended'));
        retry();
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${BUILD_CHANNEL}`);
        pause = RELISTEN_MS.first;
        this.seen(true);
        if (again) onPublished();
      } catch (err) {
        this.seen(false, err);
        c.end().catch(() => {});
        if (client === c) retry();
      }
    };
    const retry = () => {
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void listen(true);
      }, pause);
      timer.unref();
      pause = Math.min(pause * 2, RELISTEN_MS.last);
    };
    void listen(false);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      client?.end().catch(() => {});
    };
  }

  /** Says once when the database goes away and once when it is back. */
  private seen(up: boolean, err?: unknown): void {
    if (up && !this.up) this.onWarning('PostgreSQL can be reached again');
    if (!up && this.up) this.onWarning(`PostgreSQL cannot be reached (${oneLine(err)}): serving the index copy this replica has, trying again`);
    this.up = up;
  }

  /** Copies a build into a hidden folder, then renames it into place: a copy is whole or absent. */
  private async download(id: string, dir: string): Promise<void> {
    const tmp = path.join(this.local.dir, `.${id}.${process.pid}.download`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    try {
      // base64, which Node decodes natively, rather than bytea's hex text (twice the size, decoded in JavaScript);
      // binary results would be quicker still, but their buffers share memory the connection goes on reusing
      // one query per file, side by side on the pool's connections: the server and this process share the work
      const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM govqa_build_files WHERE build_id = $1', [id]);
      if (!rows.some((r) => r.name === 'manifest.json')) throw new IndexError(`build ${id} in PostgreSQL has no manifest`);
      await Promise.all(rows.map(async ({ name }) => {
        const file = await this.pool.query<{ b64: string }>("SELECT encode(bytes, 'base64') AS b64 FROM govqa_build_files WHERE build_id = $1 AND name = $2", [id, name]);
        await writeFile(path.join(tmp, path.basename(name)), Buffer.from(file.rows[0].b64, 'base64'));
      }));
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
  }
}

function oneLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
