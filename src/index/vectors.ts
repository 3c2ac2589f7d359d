// Approximate nearest neighbours over chunk embeddings: an HNSW graph (hnswlib-node), cosine space, where a
// point's label is its chunk's position. The graph is rebuilt from stored vectors on every index build, which
// costs little next to embedding and keeps labels dense.
import hnswlib from 'hnswlib-node';
import path from 'node:path';
import type { Hit } from './lexical.ts';

const FILE = 'hnsw.bin';
const M = 16;
const EF_CONSTRUCTION = 200;
/** ef is not saved with the graph: it is set on every load */
const EF_SEARCH = 64;

export class VectorIndex {
  private constructor(private readonly hnsw: hnswlib.HierarchicalNSW, readonly dims: number) {}

  /** `vectors[i]` is chunk i's vector; a null (waiting for the model) is left out of the graph. */
  static build(vectors: readonly (Float32Array | null)[], dims: number): VectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dims);
    hnsw.initIndex(Math.max(vectors.length, 1), M, EF_CONSTRUCTION, 100);
    vectors.forEach((v, i) => v && hnsw.addPoint(Array.from(v), i));
    hnsw.setEf(EF_SEARCH);
    return new VectorIndex(hnsw, dims);
  }

  static async load(dir: string, dims: number): Promise<VectorIndex> {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dims);
    await hnsw.readIndex(path.join(dir, FILE));
    hnsw.setEf(EF_SEARCH);
    return new VectorIndex(hnsw, dims);
  }

  async save(dir: string): Promise<void> {
    await this.hnsw.writeIndex(path.join(dir, FILE));
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Nearest chunks to `query`, best first; score is cosine similarity. */
  search(query: Float32Array | number[], k: number): Hit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), n);
    return neighbors.map((position, i) => ({ position, score: 1 - distances[i] }));
  }
}
