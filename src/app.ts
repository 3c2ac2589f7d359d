// The application assembled in one place: the embedding model (or its honest absence), the summarizer, and which
// document source and index store serve this process: files by default (the embedded product: a corpus folder, an
// index folder), PostgreSQL when DATABASE_URL is set (replicas share one corpus and one index, each serving a local
// copy from memory). The bot's shared state (state/index.ts) and the question log (insights/index.ts) are chosen by
// REDIS_URL and DATABASE_URL in their own one place each, called from the bot's start.
import path from 'node:path';
import type { Config } from './config.ts';
import type { BuildReport, DocumentSource, IndexStore } from './index/types.ts';
import { buildIndex, type BuildProgress } from './index/build.ts';
import { EmbedderError, TransformersEmbedder } from './index/embedder.ts';
import { SearchEngine } from './search/engine.ts';
import { Summarizer } from './answer/summary.ts';
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

export type Say = (line: string) => void;

/** The configured embedding model, or null (said in one line) when it is off or cannot be loaded. */
export async function openEmbedder(config: Config, say: Say, onDownload?: (file: string, loaded: number, total: number) => void): Promise<TransformersEmbedder | null> {
  if (!config.embeddingModel) return null;
  try {
    return await TransformersEmbedder.load({
      model: config.embeddingModel,
      dtype: config.embeddingDtype,
      cacheDir: config.modelCacheDir,
      modelsDir: config.modelsDir ?? undefined,
      onProgress: onDownload,
    });
  } catch (err) {
    if (!(err instanceof EmbedderError)) throw err;
    say(`${err.message}; continuing with lexical search only (EMBEDDING_MODEL=none silences this)`);
    return null;
  }
}

/** The summarizer when LLM_BASE_URL is set; its refusals go to `say` (debugging what the model wrote). */
export function openSummarizer(config: Config, say: Say): Summarizer | null {
  return config.llm ? new Summarizer(config.llm, (why) => say(`summary left out: ${why}`)) : null;
}

/** Opens the stored index; builds it first when there is none. */
export async function openEngine(
  config: Config,
  { source, store }: { source: DocumentSource; store: IndexStore },
  embedder: TransformersEmbedder | null,
  onBuild?: (report: BuildReport) => void,
  onProgress?: BuildProgress,
): Promise<SearchEngine> {
  if (!(await store.current())) {
    const report = await buildIndex({ source, store, embedder, wantedModel: config.embeddingModel, onProgress });
    onBuild?.(report);
  }
  return SearchEngine.open(store, embedder);
}
