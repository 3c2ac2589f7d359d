// The search engine over a stored index: lexical BM25F and, where a model is loaded, dense HNSW retrieval,
// fused by reciprocal rank. Knows nothing of Telegram or the command line.
import { LexicalIndex, type Hit } from '../index/lexical.ts';
import { IndexError, readChunks, readManifest, verifiedReader, verifyBuild } from '../index/store.ts';
import { FileIndexStore } from '../index/file-store.ts';
import type { Chunk, Embedder, IndexedDoc, IndexManifest, IndexStore, VectorSearch } from '../index/types.ts';
import { VectorIndex } from '../index/vectors.ts';
import { Glossary } from '../text/glossary.ts';
import type { Lang } from '../text/lang.ts';
import { QueryAnalyzer, type Query, type Vocabulary } from '../text/query.ts';
import { Speller } from '../text/spelling.ts';
import { isPrefixTerm } from '../text/analyzer.ts';
import { TranslationTable } from '../translate/table.ts';
import { searchWithFeedback } from './feedback.ts';
import { reciprocalRankFusion } from './fusion.ts';

export interface SearchResult {
  chunk: Chunk;
  doc: IndexedDoc & { docId: string };
  /** BM25F score in lexical mode, cosine similarity in dense mode, the fused RRF score in hybrid mode */
  score: number;
  /** the question's cosine similarity to the chunk, when dense retrieval ran and found it among its candidates */
  similarity?: number;
}

export type SearchMode = 'hybrid' | 'lexical' | 'dense';

export interface SearchOptions {
  k?: number;
  mode?: SearchMode;
  /** pseudo-relevance feedback from the top lexical hit (default on; see feedback.ts) */
  feedback?: boolean;
}

/** Build files the engine reads whole itself (each checked as it is read); the vector files are checked first. */
const READ_HERE: ReadonlySet<string> = new Set(['chunks.jsonl', 'lexical.json', 'postings.bin']);

/** How many candidates each side contributes to the fusion. */
const CANDIDATES = 100;

/** how many of the index's words beginning with a stem docHolds looks at (a place's forms and adjectives are few) */
const WORDS_BEGINNING = 16;

export class SearchEngine {
  private constructor(
    readonly dir: string,
    /** what the build says of itself: callers ask through the methods below */
    private readonly manifest: IndexManifest,
    readonly chunks: Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorSearch | null,
    private readonly embedder: Embedder | null,
    /** turns questions into weighted terms (glossary and translation table included) */
    readonly queries: QueryAnalyzer,
    /** why dense retrieval is off, when it is */
    readonly denseOff: string | null,
  ) {}

  /**
   * Opens the store's live build (a folder path: the file store in that folder); throws IndexError with one line
   * when there is none or it is corrupt.
   */
  static async open(store: IndexStore | string, embedder: Embedder | null, queries = defaultQueryAnalyzer()): Promise<SearchEngine> {
    const from = typeof store === 'string' ? new FileIndexStore(store) : store;
    const dir = await from.current();
    if (!dir) throw new IndexError(`no index in ${from.where}: run \`govqa index\``);
    const manifest = await readManifest(dir);
    // a damaged file never reaches a query: the files read here are checked on the bytes read, the rest first
    const read = verifiedReader(dir, manifest);
    await verifyBuild(dir, manifest, READ_HERE);
    const chunks = await readChunks(dir, manifest.chunks, read);
    let lexical: LexicalIndex;
    try {
      lexical = await LexicalIndex.load(dir, read);
    } catch (err) {
      if (err instanceof IndexError) throw err;
      throw new IndexError(`index at ${dir} is corrupt: ${(err as Error).message}`);
    }
    if (lexical.size !== chunks.length) throw new IndexError(`index at ${dir} is corrupt: lexical index and chunks differ`);
    let vectors: VectorSearch | null = null;
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
    return new SearchEngine(dir, manifest, chunks, lexical, vectors, vectors ? embedder : null, queries, denseOff);
  }

  chunk(id: string): Chunk | undefined {
    this.byId ??= new Map(this.chunks.map((c) => [c.id, c]));
    return this.byId.get(id);
  }

  private byId?: Map<string, Chunk>;

  get dense(): boolean {
    return this.vectors !== null;
  }

  /** Every indexed document, in index order. */
  documents(): (IndexedDoc & { docId: string })[] {
    return Object.entries(this.manifest.docs).map(([docId, d]) => ({ ...d, docId }));
  }

  /** When the live build was made (ISO 8601), and with which embedding model (null: lexical only). */
  get builtAt(): string {
    return this.manifest.createdAt;
  }

  get modelName(): string | null {
    return this.manifest.model?.name ?? null;
  }

  doc(docId: string): (IndexedDoc & { docId: string }) | undefined {
    const d = this.manifest.docs[docId];
    return d && { ...d, docId };
  }

  /** The question analysed once: language, concepts and weighted terms (pass it to `search`). */
  query(question: string, langHint?: Lang): Query {
    return this.queries.analyze(question, langHint, this.vocabulary);
  }

  /** The index's terms, for spelling correction; the speller is built on the first word that needs it. */
  private readonly vocabulary: Vocabulary = {
    has: (term) => this.lexical.has(term),
    frequency: (term) => this.lexical.df(term),
    speller: () => (this.speller ??= new Speller(this.lexical.terms.filter((t) => !isPrefixTerm(t)))),
  };

  private speller?: Speller;

  lexicalHits(query: Query, k: number, feedback = true): Hit[] {
    if (!feedback) {
      const scores = this.lexical.accumulator();
      scores.addGroups(query.groups);
      return scores.top(k);
    }
    return searchWithFeedback(this.lexical, query, k, (position) => ({ text: this.chunks[position].text, lang: this.manifest.docs[this.chunks[position].docId].lang }));
  }

  /** A few of the passages holding a term, for reading how the texts write it (answer/names.ts). */
  passagesWith(term: string, limit: number): Pick<SearchResult, 'chunk' | 'doc'>[] {
    return this.lexical.holding(term, limit).map((position) => {
      const chunk = this.chunks[position];
      return { chunk, doc: this.doc(chunk.docId)! };
    });
  }

  /**
   * Whether some passage of a document (or its title: the index counts a title's terms in each of its passages)
   * holds one of the terms, or a word beginning with one of `stems` (a place's adjective: «костромск» for «костром»).
   */
  docHolds(docId: string, terms: Iterable<string>, stems: readonly string[] = []): boolean {
    const d = this.manifest.docs[docId];
    if (!d) return false;
    const within = (t: string) => this.lexical.holdsWithin(t, d.first, d.first + d.count);
    for (const t of terms) if (within(t)) return true;
    return stems.some((s) => this.lexical.withPrefix(s, WORDS_BEGINNING).some(within));
  }

  /** Whether the index holds a term at all. */
  knows(term: string): boolean {
    return this.lexical.has(term);
  }

  /** Whether some term of the index begins with `prefix` (a name held only in another form: «медеуск» for «Медеу»). */
  knowsPrefix(prefix: string): boolean {
    return this.lexical.hasPrefix(prefix);
  }

  /** How informative a term is in this corpus (BM25's idf). */
  idf(term: string): number {
    return this.lexical.idf(term);
  }

  async search(question: string | Query, options: SearchOptions = {}): Promise<SearchResult[]> {
    const query = typeof question === 'string' ? this.query(question) : question;
    const k = options.k ?? 10;
    const mode = options.mode ?? 'hybrid';
    // Without vectors every mode is lexical. Fusion wants a deep candidate list from each side.
    const dense = mode !== 'lexical' && this.vectors && this.embedder ? { vectors: this.vectors, embedder: this.embedder } : null;
    let hits: Hit[];
    const similarity = new Map<number, number>();
    if (!dense) hits = this.lexicalHits(query, k, options.feedback ?? true);
    else {
      const denseHits = dense.vectors.search(await dense.embedder.embedQueryVector(query.text), Math.max(k, CANDIDATES));
      for (const h of denseHits) similarity.set(h.position, h.score);
      hits = mode === 'dense'
        ? denseHits
        : reciprocalRankFusion([
            { hits: this.lexicalHits(query, Math.max(k, CANDIDATES), options.feedback ?? true), weight: 1 },
            { hits: denseHits, weight: 1 },
          ]);
    }
    return hits.slice(0, k).map((h) => {
      const chunk = this.chunks[h.position];
      const cosine = similarity.get(h.position);
      return { chunk, doc: this.doc(chunk.docId)!, score: h.score, ...(cosine !== undefined && { similarity: cosine }) };
    });
  }
}

/** The shipped glossary and translation table, read at each open so that an edited glossary needs no reindex. */
export function defaultQueryAnalyzer(): QueryAnalyzer {
  return new QueryAnalyzer({ glossary: Glossary.load(), translation: TranslationTable.load() });
}
