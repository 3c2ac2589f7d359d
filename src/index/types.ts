import type { Corpus } from '../corpus/ingest.ts';
import type { DocMeta, Skipped } from '../corpus/types.ts';
import type { Lang } from '../text/lang.ts';

/** A stored chunk: a verbatim slice [start, end) of its document's text. */
export interface Chunk {
  /** `${docId}#${n}` */
  id: string;
  docId: string;
  start: number;
  end: number;
  text: string;
}

/** What the index remembers of a document. */
export interface IndexedDoc {
  hash: string;
  title: string;
  lang: Lang;
  meta: DocMeta;
  /** offsets where the document's pages start (PDF) */
  pages?: number[];
  /** the document's chunks are chunks[first .. first + count) */
  first: number;
  count: number;
}

/** Turns text into vectors: the transformers.js model today (index/embedder.ts); any other model behind this. */
export interface Embedder {
  info: ModelInfo;
  /** `kind`: e5-style models embed questions and passages with different prefixes */
  embedBatch(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
  embedQueryVector(text: string): Promise<Float32Array>;
}

/** Nearest chunks by vector: HNSW in memory today (index/vectors.ts); a shared engine (pgvector …) behind this. */
export interface VectorSearch {
  readonly size: number;
  /** best first; `position` is the chunk's place in the index, `score` the cosine similarity */
  search(query: Float32Array | number[], k: number): { position: number; score: number }[];
}

export interface ModelInfo {
  name: string;
  dims: number;
  dtype: string;
}

/** A file of a build as it was written. */
export interface BuildFile {
  bytes: number;
  sha256: string;
}

export interface IndexManifest {
  format: number;
  analyzerVersion: number;
  chunkerVersion: number;
  model: ModelInfo | null;
  createdAt: string;
  chunks: number;
  docs: Record<string, IndexedDoc>;
  /** every other file of the build, checked before it is used (absent in builds written before this was kept) */
  files?: Record<string, BuildFile>;
}

export interface BuildReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: Skipped[];
  chunks: number;
  embedded: number;
  /** chunks without a vector yet: the model could not be loaded for this build */
  pending: number;
  /** why everything was rebuilt, when it was (a new analyzer, chunker or model) */
  rebuilt?: string;
  /** false when nothing changed and the live index was kept as it was */
  written: boolean;
  dir: string;
}

/**
 * Where builds live and who may write one: a folder of build folders with a CURRENT pointer (index/file-store.ts),
 * or PostgreSQL with a local copy on each replica (index/pg-store.ts). A build is always written and read as a
 * local folder; a shared store publishes it to the others.
 */
export interface IndexStore {
  /** for messages: the index folder, or the database */
  readonly where: string;
  /** a local folder for what builds keep between runs (extracted PDF and DOCX text) */
  readonly cacheDir: string;
  /** the live build as a local folder to read, or null when there is none yet */
  current(): Promise<string | null>;
  /** a new, empty local folder to write a build into */
  create(): Promise<string>;
  /** makes a complete build folder the live build, atomically: readers see the old build or the new, whole */
  publish(dir: string): Promise<void>;
  /** forgets an unfinished build folder */
  discard(dir: string): Promise<void>;
  /** runs `fn` as the only builder; throws IndexError naming the holder when another build runs */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  /** a shared store: calls `onPublished` when any process publishes a build; returns how to stop */
  watch?(onPublished: () => void): () => void;
  /** a shared store: whether it can be reached now (for /healthz) */
  health?(): 'up' | 'down';
}

/** Where the documents come from: a corpus folder (corpus/file-source.ts), or PostgreSQL (corpus/pg-source.ts). */
export interface DocumentSource {
  readonly where: string;
  /** every document, read and extracted; `cacheDir` keeps costly extractions between builds */
  read(cacheDir: string): Promise<Corpus>;
  /**
   * Changes the corpus through a local folder (a file added, the manifest rewritten) and keeps the change: in
   * place for a folder, copied back for a database. One change at a time across processes.
   */
  edit<T>(change: (dir: string) => Promise<T>): Promise<T>;
}
