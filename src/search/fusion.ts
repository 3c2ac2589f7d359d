// Reciprocal rank fusion (Cormack et al. 2009): each list adds weight / (k + rank) to an item's score. It needs
// no calibration between BM25 scores and cosine similarities, which live on unrelated scales.
import type { Hit } from '../index/lexical.ts';

export const RRF_K = 60;

export function reciprocalRankFusion(lists: { hits: Hit[]; weight: number }[], k = RRF_K): Hit[] {
  const scores = new Map<number, number>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, rank) => scores.set(hit.position, (scores.get(hit.position) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores].map(([position, score]) => ({ position, score })).sort((a, b) => b.score - a.score || a.position - b.position);
}
