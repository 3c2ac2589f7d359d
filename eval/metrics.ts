// The evaluation metrics of ../shared/eval/README.md, computed as the judges compute them.

/** Recall@1, Recall@5, MRR@10 and nDCG@10 (binary gains) over the first 10 distinct docIds. */
export function rankingMetrics(docIds: string[], relevant: string[]) {
  const top: string[] = [];
  for (const id of docIds) if (!top.includes(id) && top.length < 10) top.push(id);
  const rel = new Set(relevant);
  const firstHit = top.findIndex((id) => rel.has(id));
  const hitsAt = (k: number) => top.slice(0, k).filter((id) => rel.has(id)).length / rel.size;
  let dcg = 0;
  top.forEach((id, i) => (dcg += rel.has(id) ? 1 / Math.log2(i + 2) : 0));
  let ideal = 0;
  for (let i = 0; i < Math.min(rel.size, 10); i++) ideal += 1 / Math.log2(i + 2);
  return { r1: hitsAt(1), r5: hitsAt(5), mrr: firstHit >= 0 ? 1 / (firstHit + 1) : 0, ndcg: ideal ? dcg / ideal : 0 };
}

/** Case, whitespace and «»/"" quotes folded, as the judges do before looking for an evidence string. */
export function normEvidence(s: string): string {
  return s.toLowerCase().replace(/[«»“”„"]/g, '"').replace(/\s+/g, ' ').trim();
}

export function containsEvidence(text: string, evidence: string): boolean {
  return normEvidence(text).includes(normEvidence(evidence));
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
