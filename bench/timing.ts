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

/** Runs `fn` on the first `warmup` questions (20 unless told) to warm up, then times it on each question. */
export async function latency(questions: string[], fn: (q: string) => unknown, warmup = 20): Promise<Latency> {
  for (const q of questions.slice(0, warmup)) await fn(q);
  const times: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    await fn(q);
    times.push(performance.now() - t);
  }
  return percentiles(times);
}

export const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;
