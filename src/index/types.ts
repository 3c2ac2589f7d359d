import type { DocMeta } from '../corpus/types.ts';
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
  skipped: { path: string; reason: string }[];
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
