// Builds the index incrementally: documents whose content hash is unchanged keep their chunks and vectors;
// new and changed ones are chunked and embedded; removed ones drop out. The lexical index and the HNSW graph
// are rebuilt from the result (cheap), written into a fresh folder and swapped in atomically.
import type { Corpus } from '../corpus/ingest.ts';
import { FileDocumentSource } from '../corpus/file-source.ts';
import { FileIndexStore } from './file-store.ts';
import type { SourceDoc } from '../corpus/types.ts';
import { analyze, ANALYZER_VERSION } from '../text/analyzer.ts';
import { heading } from '../corpus/title.ts';
import { chunkText, CHUNKER_VERSION, DEFAULT_CHUNKING } from './chunker.ts';
import { sentenceSpansYielding, type Span } from '../text/sentences.ts';
import { LexicalIndex, YIELD_EVERY_MS, yieldTurn } from './lexical.ts';
import { fingerprint, INDEX_FORMAT, readChunks, readManifest, readVectors, verifyBuild, writeChunks, writeManifest, writeVectors } from './store.ts';
import type { BuildReport, Chunk, DocumentSource, Embedder, IndexManifest, IndexedDoc, IndexStore } from './types.ts';
import { VectorIndex } from './vectors.ts';

export type Stage = 'chunk' | 'embed' | 'index';
export type BuildProgress = (stage: Stage, done: number, total: number) => void;

/**
 * Where to read documents and write the build. The application passes its source and store (app.ts); a folder
 * pair (`corpus`, `indexDir`) is shorthand for the file implementations, for scripts and tests.
 */
export type BuildWhere = { source: DocumentSource; store: IndexStore } | { corpus: string; indexDir: string };

export type BuildOptions = BuildWhere & {
  /** null: dense retrieval off, or the model could not be loaded */
  embedder: Embedder | null;
  /**
   * The model the configuration asks for. When it could not be loaded (embedder null) and the live index was
   * built with it, its vectors are kept: new and changed chunks wait for the next build that has the model,
   * instead of the whole corpus being re-embedded later.
   */
  wantedModel?: string | null;
  onProgress?: BuildProgress;
};

export function resolveWhere(where: BuildWhere): { source: DocumentSource; store: IndexStore } {
  return 'store' in where ? where : { source: new FileDocumentSource(where.corpus), store: new FileIndexStore(where.indexDir) };
}

interface Previous {
  manifest: IndexManifest;
  chunks: Chunk[];
  /** in chunk order; null rows are chunks still waiting for a vector */
  vectors: (Float32Array | null)[] | null;
}

/** Characters beyond which a document's sentences are found in turns of the event loop. */
const LONG_DOCUMENT = 256 * 1024;

export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const { source, store } = resolveWhere(options);
  const corpus = await source.read(store.cacheDir);
  return store.withLock(() => buildFrom(corpus, store, options));
}

/** The live build to start from, checked whole; a damaged one is rebuilt, and the report says why. */
async function loadPrevious(store: IndexStore, model: string | null): Promise<{ prev: Previous | null; damaged?: string }> {
  try {
    const dir = await store.current();
    if (!dir) return { prev: null };
    const manifest = await readManifest(dir);
    await verifyBuild(dir, manifest);
    const chunks = await readChunks(dir, manifest.chunks);
    // a build from before checksums were kept is checked by loading its postings (LexicalIndex.load checks them)
    if (!manifest.files) await LexicalIndex.load(dir);
    const vectors = manifest.model && manifest.model.name === model ? await readVectors(dir, manifest.chunks, manifest.model.dims) : null;
    return { prev: { manifest, chunks, vectors } };
  } catch (err) {
    const why = String((err as Error)?.message ?? err).replace(/^index at \S+ is corrupt: /, '').replace(/; run `govqa index`$/, '');
    return { prev: null, damaged: `the index was damaged (${why})` };
  }
}

async function buildFrom(corpus: Corpus, store: IndexStore, options: BuildOptions): Promise<BuildReport> {
  const { embedder, onProgress } = options;
  const live = embedder ? null : await loadPrevious(store, options.wantedModel ?? null);
  const kept = live?.prev?.manifest.model && live.prev.manifest.model.name === options.wantedModel ? live.prev.manifest.model : null;
  const model = embedder?.info ?? kept;
  const modelName = model?.name ?? null;
  const loaded = live ?? (await loadPrevious(store, modelName));
  const prev = loaded.prev;
  const rebuilt = !prev ? loaded.damaged
    : prev.manifest.chunkerVersion !== CHUNKER_VERSION ? 'the chunker changed'
    : prev.manifest.analyzerVersion !== ANALYZER_VERSION ? 'the analyzer changed'
    : (prev.manifest.model?.name ?? null) !== modelName ? `the embedding model changed to ${modelName ?? 'none'}`
    : undefined;
  const reuseChunks = prev && prev.manifest.chunkerVersion === CHUNKER_VERSION;

  const report: BuildReport = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: corpus.skipped, chunks: 0, embedded: 0, pending: 0, written: false, dir: '' };
  const chunks: Chunk[] = [];
  const vectors: (Float32Array | null)[] = [];
  const docs: Record<string, IndexedDoc> = {};
  const present = new Set<string>();

  let turn = performance.now();
  for (const [i, doc] of corpus.docs.entries()) {
    if (performance.now() - turn > YIELD_EVERY_MS) turn = await yieldTurn(); // a bot answers between documents
    present.add(doc.docId);
    const old = prev?.manifest.docs[doc.docId];
    if (!old) report.added++;
    else if (old.hash !== doc.hash) report.updated++;
    else report.unchanged++;
    const first = chunks.length;
    if (old && old.hash === doc.hash && reuseChunks) {
      for (let j = 0; j < old.count; j++) {
        chunks.push(prev!.chunks[old.first + j]);
        vectors.push(prev!.vectors?.[old.first + j] ?? null);
      }
    } else {
      // a long document's sentences are found in turns, so that a bot reindexing it goes on answering
      const sentences = doc.text.length > LONG_DOCUMENT ? await sentenceSpansYielding(doc.text, yieldTurn) : undefined;
      for (const chunk of chunkDoc(doc, sentences)) {
        chunks.push(chunk);
        vectors.push(null);
      }
    }
    docs[doc.docId] = { hash: doc.hash, title: doc.title, lang: doc.lang, meta: doc.meta, ...(doc.pages && { pages: doc.pages }), first, count: chunks.length - first };
    onProgress?.('chunk', i + 1, corpus.docs.length);
  }
  for (const id of Object.keys(prev?.manifest.docs ?? {})) if (!present.has(id)) report.removed++;
  report.chunks = chunks.length;

  report.pending = model && !embedder ? vectors.filter((v) => !v).length : 0;
  const pendingBefore = prev?.vectors?.some((v) => !v) ?? false;
  const unchangedIndex = prev && !rebuilt && report.added + report.updated + report.removed === 0 && !(embedder && pendingBefore);
  if (unchangedIndex) {
    report.dir = (await store.current())!;
    return report;
  }
  report.rebuilt = rebuilt;

  const dir = await store.create();
  try {
    if (embedder) {
      const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
      for (let i = 0; i < missing.length; i += 64) {
        const batch = missing.slice(i, i + 64);
        const embedded = await embedder.embedBatch(batch.map((c) => chunks[c].text), 'passage');
        batch.forEach((c, j) => (vectors[c] = embedded[j]));
        report.embedded += batch.length;
        onProgress?.('embed', Math.min(i + 64, missing.length), missing.length);
      }
    }
    onProgress?.('index', 0, chunks.length);
    // A chunk is analyzed in its document's language (detected once per document, not per chunk).
    const langs = chunks.map((c) => docs[c.docId].lang);
    const lexical = await LexicalIndex.build(
      chunks.map((c) => c.text),
      chunks.map((c) => heading(docs[c.docId])),
      undefined,
      (text, i) => analyze(text, langs[i]),
      (done, total) => onProgress?.('index', done, total),
    );
    await lexical.save(dir);
    await writeChunks(dir, chunks);
    if (model) {
      await writeVectors(dir, vectors, model.dims);
      await VectorIndex.build(vectors, model.dims).save(dir);
    }
    const files = ['lexical.json', 'postings.bin', 'chunks.jsonl', ...(model ? ['vectors.f32', 'hnsw.bin'] : [])];
    const manifest: IndexManifest = {
      files: await fingerprint(dir, files),
      format: INDEX_FORMAT,
      analyzerVersion: ANALYZER_VERSION,
      chunkerVersion: CHUNKER_VERSION,
      model,
      createdAt: new Date().toISOString(),
      chunks: chunks.length,
      docs,
    };
    await writeManifest(dir, manifest); // written last: a folder without it is an unfinished build
    onProgress?.('index', chunks.length, chunks.length);
    await store.publish(dir);
  } catch (err) {
    await store.discard(dir);
    throw err;
  }
  report.written = true;
  report.dir = dir;
  return report;
}

export function chunkDoc(doc: SourceDoc, sentences?: readonly Span[]): Chunk[] {
  return chunkText(doc.text, DEFAULT_CHUNKING, sentences).map((span, n) => ({
    id: `${doc.docId}#${n}`,
    docId: doc.docId,
    start: span.start,
    end: span.end,
    text: doc.text.slice(span.start, span.end),
  }));
}
