// The search engine over a stored index: lexical BM25F and, where a model is loaded, dense HNSW retrieval,
// fused by reciprocal rank. Knows nothing of Telegram or the command line.
import type { TransformersEmbedder } from '../index/embedder.ts';
import { LexicalIndex, type Hit } from '../index/lexical.ts';
import { currentBuild, IndexError, readChunks, readManifest } from '../index/store.ts';
import type { Chunk, IndexedDoc, IndexManifest } from '../index/types.ts';
import { VectorIndex } from '../index/vectors.ts';
import { Glossary } from '../text/glossary.ts';
import { queryTerms } from '../text/query.ts';
import { analyze, isPrefixTerm } from '../text/analyzer.ts';
import { reciprocalRankFusion } from './fusion.ts';

export interface SearchResult {
  chunk: Chunk;
  doc: IndexedDoc & { docId: string };
  score: number;
  /** BM25F score of the chunk for the question; 0 when only the dense side found it */
  lexicalScore: number;
}

export type SearchMode = 'hybrid' | 'lexical' | 'dense';

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  /** pseudo-relevance feedback from the top lexical hit (default on) */
  feedback?: boolean;
}

/**
 * Pseudo-relevance feedback (RM3-style, one document): the best chunk's most characteristic stems (tf·idf) join
 * the question at a low weight. It pulls in the vocabulary the question lacks, and is measured in `npm run eval`:
 * on KazQAD +0.008 nDCG@10, on both halves of the set; on TyDi it changes nothing.
 */
export const FEEDBACK = { terms: 10, weight: 0.3 };

/** How many candidates each side contributes to the fusion. */
const CANDIDATES = 100;

export class SearchEngine {
  private constructor(
    readonly dir: string,
    readonly manifest: IndexManifest,
    readonly chunks: Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorIndex | null,
    private readonly embedder: TransformersEmbedder | null,
    readonly glossary: Glossary,
    /** why dense retrieval is off, when it is */
    readonly denseOff: string | null,
  ) {}

  /** Opens the live build in `indexDir`; throws IndexError with one line when there is none or it is corrupt. */
  static async open(indexDir: string, embedder: TransformersEmbedder | null, glossary = Glossary.load()): Promise<SearchEngine> {
    const dir = await currentBuild(indexDir);
    if (!dir) throw new IndexError(`no index in ${indexDir}: run \`govqa index\``);
    const manifest = await readManifest(dir);
    const chunks = await readChunks(dir, manifest.chunks);
    let lexical: LexicalIndex;
    try {
      lexical = await LexicalIndex.load(dir);
    } catch (err) {
      throw new IndexError(`index at ${dir} is corrupt: ${(err as Error).message}`);
    }
    if (lexical.size !== chunks.length) throw new IndexError(`index at ${dir} is corrupt: lexical index and chunks differ`);
    let vectors: VectorIndex | null = null;
    let denseOff: string | null = null;
    if (!embedder) denseOff = 'no embedding model';
    else if (!manifest.model) denseOff = 'the index was built without embeddings';
    else if (manifest.model.name !== embedder.info.name || manifest.model.dims !== embedder.info.dims) {
      denseOff = `the index was built with ${manifest.model.name}, not ${embedder.info.name}: run \`govqa index\``;
    } else {
      try {
        vectors = await VectorIndex.load(dir, manifest.model.dims);
      } catch (err) {
        throw new IndexError(`index at ${dir} is corrupt: hnsw.bin: ${(err as Error).message}`);
      }
    }
    return new SearchEngine(dir, manifest, chunks, lexical, vectors, vectors ? embedder : null, glossary, denseOff);
  }

  chunk(id: string): Chunk | undefined {
    this.byId ??= new Map(this.chunks.map((c) => [c.id, c]));
    return this.byId.get(id);
  }

  private byId?: Map<string, Chunk>;

  get dense(): boolean {
    return this.vectors !== null;
  }

  doc(docId: string): (IndexedDoc & { docId: string }) | undefined {
    const d = this.manifest.docs[docId];
    return d && { ...d, docId };
  }

  lexicalHits(question: string, k: number, feedback = true): Hit[] {
    const terms = queryTerms(question, this.glossary);
    const scores = this.lexical.accumulator();
    scores.add(terms);
    if (!feedback) return scores.top(k);
    const [best] = scores.top(1);
    if (best) scores.add(this.feedbackTerms(best.doc, terms));
    return scores.top(k);
  }

  private feedbackTerms(doc: number, query: ReadonlyMap<string, number>): Map<string, number> {
    const chunk = this.chunks[doc];
    const { lang } = this.manifest.docs[chunk.docId];
    const tf = new Map<string, number>();
    for (const t of analyze(chunk.text, lang)) if (!isPrefixTerm(t) && !query.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const scored = [...tf].map(([t, f]) => [t, f * this.lexical.idf(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, FEEDBACK.terms);
    const top = scored[0]?.[1] ?? 1;
    return new Map(scored.map(([t, v]) => [t, (FEEDBACK.weight * v) / top]));
  }

  /** How informative a term is in this corpus (BM25's idf). */
  idf(term: string): number {
    return this.lexical.idf(term);
  }

  async search(question: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const k = options.k ?? 10;
    const mode = options.mode ?? 'hybrid';
    // Fusion wants a deep candidate list from each side; lexical alone needs only k.
    const fused = mode !== 'lexical' && this.vectors !== null;
    const lexicalHits = mode === 'dense' ? [] : this.lexicalHits(question, fused ? Math.max(k, CANDIDATES) : k, options.feedback ?? true);
    let hits = lexicalHits;
    if (mode !== 'lexical' && this.vectors && this.embedder) {
      const denseHits = this.vectors.search(await this.embedder.embedQueryVector(question), Math.max(k, CANDIDATES));
      hits = mode === 'dense' ? denseHits : reciprocalRankFusion([{ hits: lexicalHits, weight: 1 }, { hits: denseHits, weight: 1 }]);
    }
    const lexicalScore = new Map(lexicalHits.map((h) => [h.doc, h.score]));
    return hits.slice(0, k).map((h) => {
      const chunk = this.chunks[h.doc];
      return { chunk, doc: this.doc(chunk.docId)!, score: h.score, lexicalScore: lexicalScore.get(h.doc) ?? 0 };
    });
  }
}
