// The quality gate: `npm run eval -- --check` compares this run's figures with the ones recorded in
// eval/baseline.json and fails when one falls. The figures are deterministic (no model, no sampling), so any drop is
// a change's doing; a change that means to trade one figure for others lowers the baseline on purpose with
// `--write-baseline`, and the diff of eval/baseline.json shows the trade in review. Until this gate, a fall printed
// among a few hundred figures went unnoticed for sessions (targets.ts).

/** Figures are compared as printed (three decimals): a smaller difference is rounding, not a question lost. */
const PRINTED = 1000;

export interface Comparison {
  /** «set · row · metric: was → now», for each figure below the baseline */
  fallen: string[];
  /** the same for figures above it (the baseline may be raised) */
  risen: string[];
}

/**
 * The rows a baseline keeps: govqa's own, not the reference systems measured beside it (plain BM25, quoting the
 * first characters of results), which only change with the eval itself.
 */
export function kept(figures: ReadonlyMap<string, Record<string, number>>): Map<string, Record<string, number>> {
  return new Map([...figures].filter(([row]) => !/ · (?:baseline|BM25)/.test(row)));
}

/** This run's figures against the baseline's, for the rows and metrics both hold (sets not run are not compared). */
export function compare(now: ReadonlyMap<string, Record<string, number>>, baseline: Readonly<Record<string, Record<string, number>>>): Comparison {
  const fallen: string[] = [];
  const risen: string[] = [];
  for (const [row, figures] of kept(now)) {
    const was = baseline[row];
    if (!was) continue;
    for (const [metric, figure] of Object.entries(figures)) {
      if (!(metric in was)) continue;
      const a = Math.round(was[metric] * PRINTED);
      const b = Math.round(figure * PRINTED);
      const line = `${row} · ${metric}: ${(a / PRINTED).toFixed(3)} → ${(b / PRINTED).toFixed(3)}`;
      if (b < a) fallen.push(line);
      else if (b > a) risen.push(line);
    }
  }
  return { fallen, risen };
}

/** The baseline with this run's figures in place of the rows it measured (rows of sets not run stay). */
export function updated(baseline: Readonly<Record<string, Record<string, number>>>, now: ReadonlyMap<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = { ...baseline };
  for (const [row, figures] of kept(now)) out[row] = Object.fromEntries(Object.entries(figures).map(([m, f]) => [m, Math.round(f * PRINTED) / PRINTED]));
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
