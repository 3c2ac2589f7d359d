import { describe, expect, it } from 'vitest';
import { topK } from '../../src/index/lexical.ts';
import { reciprocalRankFusion } from '../../src/search/fusion.ts';

describe('reciprocal rank fusion', () => {
  it('favours items both lists rank well, whatever their raw scores', () => {
    const lexical = [{ position: 1, score: 30 }, { position: 2, score: 20 }, { position: 3, score: 10 }];
    const dense = [{ position: 3, score: 0.9 }, { position: 2, score: 0.8 }, { position: 4, score: 0.7 }];
    const fused = reciprocalRankFusion([{ hits: lexical, weight: 1 }, { hits: dense, weight: 1 }]);
    // 3 (ranks 3 and 1) edges out 2 (ranks 2 and 2); both beat items found by one list only
    expect(fused.map((h) => h.position)).toEqual([3, 2, 1, 4]);
    expect(fused[1].score).toBeCloseTo(1 / 62 + 1 / 62);
  });
});

describe('topK', () => {
  it('returns the k best, best first, ties by position', () => {
    const scores = [0.5, 3, 1, 3, 0, 2];
    expect(topK([0, 1, 2, 3, 4, 5], scores, 3)).toEqual([{ position: 1, score: 3 }, { position: 3, score: 3 }, { position: 5, score: 2 }]);
    expect(topK([0, 1], scores, 0)).toEqual([]);
    expect(topK([2], scores, 5)).toEqual([{ position: 2, score: 1 }]);
  });
});

describe('topK at depth', () => {
  it('agrees with a full sort for any k', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const scores = Array.from({ length: 500 }, () => Math.round(rand() * 50));
    const all = scores.map((_, i) => i);
    const sorted = [...all].sort((a, b) => scores[b] - scores[a] || a - b).map((position) => ({ position, score: scores[position] }));
    for (const k of [1, 10, 100, 500, 600]) expect(topK(all, scores, k)).toEqual(sorted.slice(0, k));
  });
});
