// Latency measurement shared by the benchmarks.

export interface Latency {
  p50: number;
  p95: number;
  mean: number;
}

export function percentiles(times: number[]): Latency {
  const s = [...times].sort((a, b) => a - b);
  return {
    p50: s[Math.floor(s.length * 0.5)],
    p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/**
 * Runs `fn` on the first `warmup` questions (20 unless told) to warm up, then times it on each question, `passes`
 * times over the whole list (one pass after another, so a question's runs are far apart in time), and keeps each
 * question's median. With more than one pass a question's figure is what it costs, not whether a garbage collection
 * or another process on this 2-core machine happened to land on it: one pass's p95 over a few hundred ~1 ms answers
 * is set by a handful of such stalls and swung 2.6–5.9 ms between full runs of the same code.
 */
export async function latency(questions: string[], fn: (q: string) => unknown, warmup = 20, passes = 1): Promise<Latency> {
  for (const q of questions.slice(0, warmup)) await fn(q);
  const runs: number[][] = questions.map(() => []);
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, q] of questions.entries()) {
      const t = performance.now();
      await fn(q);
      runs[i].push(performance.now() - t);
    }
  }
  return percentiles(runs.map(median));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
