import { describe, expect, it } from 'vitest';
import { record, targetLines } from '../../eval/targets.ts';

describe('the eval\'s targets', () => {
  it('says for each recorded figure whether it meets its target, and skips sets not run', () => {
    record('followups', 'second turn after its first', { 'evidence in the first excerpt': 0.875 });
    record('kazqad', '  govqa lexical', { 'nDCG@10': 0.8 });
    const lines = targetLines([
      { set: 'followups', row: 'second turn after its first', metric: 'evidence in the first excerpt', min: 0.9 },
      { set: 'kazqad', row: 'govqa lexical', metric: 'nDCG@10', min: 0.8 },
      { set: 'tydi-ru', row: 'govqa lexical', metric: 'nDCG@10', min: 0.94 },
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/NOT MET .*0\.875 \(target ≥ 0\.9\)/);
    expect(lines[1]).toMatch(/^ {2}met .*0\.800/);
  });
});
