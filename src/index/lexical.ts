// BM25F inverted index over chunks, held in typed arrays and persisted as one JSON term list plus one binary
// postings file. Hand-written rather than MiniSearch because the budget (query no slower, build with persistence
// within 2x of MiniSearch's in-memory build, over a heavier kk/ru analyzer) needs flat arrays and a binary
// load; bench/ measures both side by side.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyze, isPrefixTerm } from '../text/analyzer.ts';

/** Terms of the text of chunk `doc` (the index passes the chunk's position so callers can supply its language). */
export type Analyze = (text: string, doc: number) => string[];

export interface LexicalParams {
  k1: number;
  b: number;
  /** a title term counts this many times a body term */
  titleBoost: number;
}

export const DEFAULT_LEXICAL: LexicalParams = { k1: 1.2, b: 0.75, titleBoost: 3 };

/**
 * Terms that stand for one concept (a word, its translations, its glossary equivalents), each with the share it
 * has of the concept, scored as one pseudo-term: tf = Σ share·tf(term), df = Σ share·df(term). This is Darwish and
 * Oard's probabilistic structured query: a rare, unlikely translation adds little, where summing separate BM25
 * scores would let its high idf outweigh the likely ones.
 */
export interface TermGroup {
  weight: number;
  terms: ReadonlyMap<string, number>;
}

export interface Hit {
  /** the chunk's position in the index (not a document: a document has many chunks) */
  position: number;
  score: number;
}

const FORMAT = 1;

export class LexicalIndex {
  private readonly termIds: Map<string, number>;
  private readonly avgLength: number;

  private constructor(
    readonly terms: string[],
    /** postings of term t are [offsets[t], offsets[t+1]) */
    private readonly offsets: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly tfs: Float32Array,
    private readonly lengths: Float32Array,
    readonly params: LexicalParams,
    /** term → position in `terms`, when the caller already has it (a fresh build does) */
    termIds?: Map<string, number>,
  ) {
    this.termIds = termIds ?? new Map(terms.map((t, i) => [t, i]));
    let sum = 0;
    for (const len of lengths) sum += len;
    this.avgLength = lengths.length ? sum / lengths.length : 1;
  }

  get size(): number {
    return this.lengths.length;
  }

  /**
   * Builds the index; `titles[i]` and `texts[i]` are the fields of chunk i. Gives the event loop a turn every
   * YIELD_EVERY_MS, so that a bot reindexing a large corpus goes on answering meanwhile.
   */
  static async build(
    texts: readonly string[],
    titles: readonly string[],
    params = DEFAULT_LEXICAL,
    analyzeText: Analyze = (t) => analyze(t),
    onProgress?: (done: number, total: number) => void,
  ): Promise<LexicalIndex> {
    // Terms get ids as they come; (term, doc, tf) triples go into growable typed arrays, then a counting sort
    // by term lays the postings out contiguously. Far fewer small objects than a Map of arrays.
    const ids = new Map<string, number>();
    const terms: string[] = [];
    let tripleTerm = new Uint32Array(1 << 16);
    let tripleDoc = new Uint32Array(1 << 16);
    let tripleTf = new Float32Array(1 << 16);
    let n = 0;
    const push = (term: number, doc: number, tf: number) => {
      if (n === tripleTerm.length) {
        const grow = <T extends Uint32Array | Float32Array>(a: T): T => {
          const b = new (a.constructor as new (len: number) => T)(a.length * 2);
          b.set(a);
          return b;
        };
        tripleTerm = grow(tripleTerm);
        tripleDoc = grow(tripleDoc);
        tripleTf = grow(tripleTf);
      }
      tripleTerm[n] = term;
      tripleDoc[n] = doc;
      tripleTf[n++] = tf;
    };
    const idOf = (t: string) => {
      let id = ids.get(t);
      if (id === undefined) {
        ids.set(t, (id = terms.length));
        terms.push(t);
      }
      return id;
    };
    let turn = performance.now();
    const lengths = new Float32Array(texts.length);
    const titleTerms = new Map<string, number[]>(); // chunks of one document share its title
    let tf = new Float32Array(1024); // per-term counts of the current chunk, indexed by term id
    const seen: number[] = [];
    const count = (id: number, by: number) => {
      if (id >= tf.length) {
        const bigger = new Float32Array(Math.max(tf.length * 2, id + 1));
        bigger.set(tf);
        tf = bigger;
      }
      if (tf[id] === 0) seen.push(id);
      tf[id] += by;
    };
    for (let doc = 0; doc < texts.length; doc++) {
      const body = analyzeText(texts[doc], doc);
      for (const t of body) count(idOf(t), 1);
      let title = titleTerms.get(titles[doc]);
      if (!title) titleTerms.set(titles[doc], (title = analyzeText(titles[doc] ?? '', doc).map(idOf)));
      for (const id of title) count(id, params.titleBoost);
      lengths[doc] = body.length + params.titleBoost * title.length;
      for (const id of seen) {
        push(id, doc, tf[id]);
        tf[id] = 0;
      }
      seen.length = 0;
      if (onProgress && (doc + 1) % 500 === 0) onProgress(doc + 1, texts.length);
      if ((doc & 63) === 63 && performance.now() - turn > YIELD_EVERY_MS) turn = await yieldTurn();
    }
    const offsets = new Uint32Array(terms.length + 1);
    for (let i = 0; i < n; i++) offsets[tripleTerm[i] + 1]++;
    for (let t = 0; t < terms.length; t++) offsets[t + 1] += offsets[t];
    const docs = new Uint32Array(n);
    const tfs = new Float32Array(n);
    const cursor = offsets.slice(0, terms.length);
    for (let i = 0; i < n; i++) {
      const at = cursor[tripleTerm[i]]++;
      docs[at] = tripleDoc[i]; // triples come in doc order, so each posting list stays sorted by doc
      tfs[at] = tripleTf[i];
    }
    return new LexicalIndex(terms, offsets, docs, tfs, lengths, params, ids);
  }

  /** How many chunks hold the term. */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1] - this.offsets[id];
  }

  /** Up to `limit` of the chunks (positions) holding the term, spread over its postings rather than the first ones. */
  holding(term: string, limit: number): number[] {
    const id = this.termIds.get(term);
    if (id === undefined) return [];
    const from = this.offsets[id];
    const count = this.offsets[id + 1] - from;
    const take = Math.min(limit, count);
    return Array.from({ length: take }, (_, i) => this.docs[from + Math.floor((i * count) / take)]);
  }

  /** Whether some chunk at a position in [from, to) holds the term (a binary search: postings are in chunk order). */
  holdsWithin(term: string, from: number, to: number): boolean {
    const id = this.termIds.get(term);
    if (id === undefined) return false;
    let lo = this.offsets[id];
    let hi = this.offsets[id + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.docs[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.offsets[id + 1] && this.docs[lo] < to;
  }

  /** Whether some term of the index (not a prefix term) begins with `prefix`. */
  hasPrefix(prefix: string): boolean {
    return this.withPrefix(prefix, 1).length > 0;
  }

  /** Up to `limit` of the index's terms (not prefix terms) that begin with `prefix`, in order. */
  withPrefix(prefix: string, limit: number): string[] {
    // sorted once, when first asked (some 0.2 s for 300,000 terms on this machine, then a binary search each time):
    // only a question naming a place the index does not know, or one with its unit, asks (answer/places.ts, compose.ts)
    const sorted = (this.sortedTerms ??= this.terms.filter((t) => !isPrefixTerm(t)).sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < limit && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }

  private sortedTerms?: string[];

  /** Whether any chunk holds the term. */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** Inverse document frequency of a term; a term the index has never seen gets the highest possible value. */
  idf(term: string): number {
    const id = this.termIds.get(term);
    const df = id === undefined ? 0 : this.offsets[id + 1] - this.offsets[id];
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Scores every chunk that shares a term with the query; returns the best `k`, best first. */
  search(query: ReadonlyMap<string, number>, k: number): Hit[] {
    const acc = this.accumulator();
    acc.add(query);
    return acc.top(k);
  }

  /**
   * BM25F scores that can be added to in steps: a second set of terms (query expansion) costs only its own
   * postings, not a second pass over the first.
   */
  accumulator(): { add(query: ReadonlyMap<string, number>): void; addGroups(groups: readonly TermGroup[]): void; top(k: number): Hit[] } {
    const n = this.size;
    const { k1, b } = this.params;
    const avg = this.avgLength;
    const scores = new Float32Array(n);
    const touched: number[] = [];
    let groupTf: Float32Array | undefined; // scratch for one group's weighted term frequencies
    return {
      addGroups: (groups) => {
        groupTf ??= new Float32Array(n);
        const tfOf = groupTf;
        const docs: number[] = [];
        for (const group of groups) {
          let df = 0;
          for (const [term, share] of group.terms) {
            const id = this.termIds.get(term);
            if (id === undefined) continue;
            df += share * (this.offsets[id + 1] - this.offsets[id]);
            for (let at = this.offsets[id]; at < this.offsets[id + 1]; at++) {
              const doc = this.docs[at];
              if (tfOf[doc] === 0) docs.push(doc);
              tfOf[doc] += share * this.tfs[at];
            }
          }
          if (!docs.length) continue;
          const idf = group.weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
          for (const doc of docs) {
            const tf = tfOf[doc];
            tfOf[doc] = 0;
            if (scores[doc] === 0) touched.push(doc);
            scores[doc] += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.lengths[doc]) / avg));
          }
          docs.length = 0;
        }
      },
      add: (query) => {
        for (const [term, weight] of query) {
          const id = this.termIds.get(term);
          if (id === undefined) continue;
          const from = this.offsets[id];
          const to = this.offsets[id + 1];
          const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
          for (let at = from; at < to; at++) {
            const doc = this.docs[at];
            const tf = this.tfs[at];
            if (scores[doc] === 0) touched.push(doc);
            scores[doc] += (weight * idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.lengths[doc]) / avg));
          }
        }
      },
      top: (k) => topK(touched, scores, k),
    };
  }

  async save(dir: string): Promise<void> {
    const meta = { format: FORMAT, params: this.params, terms: this.terms, postings: this.docs.length, chunks: this.size };
    const bin = Buffer.concat([
      Buffer.from(this.offsets.buffer, this.offsets.byteOffset, this.offsets.byteLength),
      Buffer.from(this.docs.buffer, this.docs.byteOffset, this.docs.byteLength),
      Buffer.from(this.tfs.buffer, this.tfs.byteOffset, this.tfs.byteLength),
      Buffer.from(this.lengths.buffer, this.lengths.byteOffset, this.lengths.byteLength),
    ]);
    await writeFile(path.join(dir, 'lexical.json'), JSON.stringify(meta));
    await writeFile(path.join(dir, 'postings.bin'), bin);
  }

  /** `read`: how to read a build file (the engine passes one that checks each file's checksum as it reads it). */
  static async load(dir: string, read: (name: string) => Promise<Buffer> = (name) => readFile(path.join(dir, name))): Promise<LexicalIndex> {
    const meta = JSON.parse((await read('lexical.json')).toString('utf8'));
    if (meta.format !== FORMAT) throw new Error(`lexical index format ${meta.format}, expected ${FORMAT}`);
    const bin = await read('postings.bin');
    const nTerms = meta.terms.length;
    const expected = 4 * (nTerms + 1 + 2 * meta.postings + meta.chunks);
    if (bin.byteLength !== expected) throw new Error(`postings.bin is ${bin.byteLength} bytes, expected ${expected}`);
    // Copy into an aligned buffer: a Buffer from readFile may start at any offset of a shared pool.
    const buf = new ArrayBuffer(bin.byteLength);
    new Uint8Array(buf).set(bin);
    let at = 0;
    const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, n: number): T => {
      const view = make(buf, at, n);
      at += 4 * n;
      return view;
    };
    const offsets = take((b, o, n) => new Uint32Array(b, o, n), nTerms + 1);
    const docs = take((b, o, n) => new Uint32Array(b, o, n), meta.postings);
    const tfs = take((b, o, n) => new Float32Array(b, o, n), meta.postings);
    const lengths = take((b, o, n) => new Float32Array(b, o, n), meta.chunks);
    const damage = postingsProblem(offsets, docs, tfs, lengths);
    if (damage) throw new Error(`postings.bin ${damage}`);
    return new LexicalIndex(meta.terms, offsets, docs, tfs, lengths, meta.params);
  }
}

/** What makes stored postings unusable, or null: offsets that run backwards or past the end, a posting for a
 * chunk that does not exist, a weight that is not a number. Checked once at load, so a query can never run away. */
function postingsProblem(offsets: Uint32Array, docs: Uint32Array, tfs: Float32Array, lengths: Float32Array): string | null {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== docs.length) return 'has offsets that do not span the postings';
  for (let t = 1; t < offsets.length; t++) if (offsets[t] < offsets[t - 1]) return 'has offsets that run backwards';
  const n = lengths.length;
  for (let i = 0; i < docs.length; i++) if (docs[i] >= n || !Number.isFinite(tfs[i])) return 'has a posting out of range';
  for (let i = 0; i < n; i++) if (!Number.isFinite(lengths[i])) return 'has a chunk length that is not a number';
  return null;
}

/** Work done without a break is at most about this long: the event loop gets a turn after it. */
export const YIELD_EVERY_MS = 25;

/** Lets queued events (a bot's updates, timers, a signal) run; resolves with the time it resumed. */
export const yieldTurn = (): Promise<number> => new Promise((resolve) => setImmediate(() => resolve(performance.now())));

/** The k best of the touched docs, best first; ties keep index order so results are stable. A min-heap of
 * size k keeps this O(n log k), so asking for 100 candidates costs little more than asking for 10. */
export function topK(candidates: Iterable<number>, scores: ArrayLike<number>, k: number): Hit[] {
  if (k <= 0) return [];
  // heap[0] is the worst kept hit: lower score, or equal score and later position
  const heap: Hit[] = [];
  const worse = (a: Hit, b: Hit) => a.score < b.score || (a.score === b.score && a.position > b.position);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const position of candidates) {
    const hit = { position, score: scores[position] };
    if (heap.length < k) {
      heap.push(hit);
      up(heap.length - 1);
    } else if (worse(heap[0], hit)) {
      heap[0] = hit;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
