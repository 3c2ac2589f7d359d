import { describe, expect, it } from 'vitest';
import { compare, kept, updated } from '../../eval/baseline.ts';

describe('the eval\'s quality gate', () => {
  const now = new Map<string, Record<string, number>>([
    ['answers-tydi-ru answers · govqa ask', { 'answer in first 3 excerpts': 0.864, 'unanswerable declined': 0.7901 }],
    ['answers-tydi-ru answers · baseline: top-3 BM25 chunk starts', { 'answer in first 3 excerpts': 0.5 }],
    ['tydi-ru · BM25 baseline (plain tokens)', { 'nDCG@10': 0.7 }],
    ['kazqad · govqa lexical', { 'nDCG@10': 0.8074 }],
  ]);

  it('keeps govqa\'s rows, not the reference systems beside them', () => {
    expect([...kept(now).keys()]).toEqual(['answers-tydi-ru answers · govqa ask', 'kazqad · govqa lexical']);
  });

  it('names each figure that fell or rose as printed, and leaves out rows and metrics the baseline lacks', () => {
    const { fallen, risen } = compare(now, {
      'answers-tydi-ru answers · govqa ask': { 'answer in first 3 excerpts': 0.867, 'unanswerable declined': 0.774 },
      'kazqad · govqa lexical': { 'nDCG@10': 0.807 }, // 0.8074 prints as 0.807: rounding, not a change
      'tydi-ru · govqa lexical': { 'nDCG@10': 0.945 }, // not run this time
    });
    expect(fallen).toEqual(['answers-tydi-ru answers · govqa ask · answer in first 3 excerpts: 0.867 → 0.864']);
    expect(risen).toEqual(['answers-tydi-ru answers · govqa ask · unanswerable declined: 0.774 → 0.790']);
  });

  it('writes this run\'s rows over the baseline\'s, keeping rows of sets not run', () => {
    const next = updated({ 'tydi-ru · govqa lexical': { 'nDCG@10': 0.945 } }, now);
    expect(Object.keys(next)).toEqual(['answers-tydi-ru answers · govqa ask', 'kazqad · govqa lexical', 'tydi-ru · govqa lexical']);
    expect(next['kazqad · govqa lexical']).toEqual({ 'nDCG@10': 0.807 });
  });
});
