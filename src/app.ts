// The application assembled in one place: which document source and index store serve this process. Files by
// default (the embedded product: a corpus folder, an index folder); PostgreSQL when DATABASE_URL is set (replicas
// share one corpus and one index, each serving a local copy from memory). The bot's shared state (state/index.ts)
// and the question log (insights/index.ts) are chosen by the same variables, in their own one place each.
import path from 'node:path';
import type { Config } from './config.ts';
import type { DocumentSource, IndexStore } from './index/types.ts';
import { FileDocumentSource } from './corpus/file-source.ts';
import { FileIndexStore } from './index/file-store.ts';

export interface Stores {
  source: DocumentSource;
  store: IndexStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `--corpus DIR`: with files, the corpus to read; with PostgreSQL, a folder to load into the database */
  corpus?: string;
  /** `--index DIR`: the index folder (with PostgreSQL, this replica's local copy) */
  indexDir?: string;
  /** one line for the admin: the database went away or came back */
  say?: (line: string) => void;
}

/** The database's corpus mirror and build copies live in the index folder, apart from the builds' files. */
const MIRROR = 'corpus';

export async function openStores(config: Pick<Config, 'databaseUrl' | 'corpusDir' | 'indexDir'>, options: StoreOptions = {}): Promise<Stores> {
  const indexDir = options.indexDir ?? config.indexDir;
  if (!config.databaseUrl) {
    return { source: new FileDocumentSource(options.corpus ?? config.corpusDir), store: new FileIndexStore(indexDir), close: async () => {} };
  }
  // pg and the database code load only where PostgreSQL is used
  const [{ openPool }, { PgDocumentSource }, { PgIndexStore }] = await Promise.all([
    import('./db/postgres.ts'),
    import('./corpus/pg-source.ts'),
    import('./index/pg-store.ts'),
  ]);
  const pool = openPool(config.databaseUrl, 6);
  const source = new PgDocumentSource(pool, path.join(indexDir, MIRROR));
  const store = new PgIndexStore(pool, config.databaseUrl, indexDir, options.say);
  return { source, store, close: () => pool.end() };
}
