// IBM Model 1 (Brown et al. 1993): word-translation probabilities t(f|e) learned by EM from sentence pairs alone,
// every target word f explained by some source word e of its pair (or by NULL). No library does this for
// JavaScript; it is a few dozen lines. Sentences are arrays of word ids; tables are keyed by e * F + f.

export interface Model1Options {
  iterations: number;
  /** add a NULL source word to every pair, so function-like target words need not be forced onto content words */
  nullWord: boolean;
}

export const DEFAULT_MODEL1: Model1Options = { iterations: 8, nullWord: true };

export interface Bitext {
  /** source sentences (word ids below `sourceSize`) */
  source: Uint32Array[];
  /** target sentences (word ids below `targetSize`), aligned with `source` */
  target: Uint32Array[];
  sourceSize: number;
  targetSize: number;
  /** how much each pair counts (a dictionary entry may count more than a paragraph); default 1 */
  weight?: Float64Array;
}

/** t(f|e) for every (e, f) that ever co-occur; e === sourceSize stands for NULL. Deterministic. */
export function trainModel1(bitext: Bitext, options: Model1Options = DEFAULT_MODEL1): Map<number, number> {
  const F = bitext.targetSize;
  const NULL = bitext.sourceSize;
  const sources = bitext.source.map((s) => (options.nullWord ? Uint32Array.from([...s, NULL]) : s));
  // Uniform start over the pairs that co-occur: the first iteration is then co-occurrence counting.
  let t = new Map<number, number>();
  for (let i = 0; i < sources.length; i++) for (const e of sources[i]) for (const f of bitext.target[i]) t.set(e * F + f, 1);
  for (let iter = 0; iter < options.iterations; iter++) {
    const counts = new Map<number, number>();
    const totals = new Float64Array(NULL + 1);
    for (let i = 0; i < sources.length; i++) {
      const src = sources[i];
      const w = bitext.weight?.[i] ?? 1;
      for (const f of bitext.target[i]) {
        let z = 0;
        for (const e of src) z += t.get(e * F + f)!;
        if (z === 0) continue;
        for (const e of src) {
          const key = e * F + f;
          const c = (w * t.get(key)!) / z;
          counts.set(key, (counts.get(key) ?? 0) + c);
          totals[e] += c;
        }
      }
    }
    for (const [key, c] of counts) counts.set(key, c / totals[Math.floor(key / F)]);
    t = counts;
  }
  return t;
}
