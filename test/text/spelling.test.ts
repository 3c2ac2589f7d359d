import { describe, expect, it } from 'vitest';
import { Speller } from '../../src/text/spelling.ts';

describe('the speller', () => {
  const speller = new Speller(['маслихат', 'маслихаты', 'бюджет', 'бюджетн', 'программ', 'проект', 'акимат', 'аким', 'государствен']);

  it('finds a word one edit away, anywhere in the word', () => {
    expect(speller.suggest('маслихт')).toEqual(['маслихат']);
    expect(speller.suggest('бюжет')).toEqual(['бюджет']);
    expect(speller.suggest('нюджет')).toEqual(['бюджет']);
  });

  it('allows two edits only in long words', () => {
    expect(speller.suggest('гсударствнен')).toEqual(['государствен']);
    expect(speller.suggest('пект')).toEqual([]);
    expect(speller.suggest('праект')).toEqual(['проект']);
    expect(speller.suggest('праекд')).toEqual([]);
  });

  it('keeps only the nearest, the commonest first', () => {
    const s = new Speller(['район', 'раион', 'радон']);
    const freq = new Map([['радон', 1], ['раион', 9]]);
    expect(s.suggest('раеон', (w) => freq.get(w) ?? 0)).toEqual(['раион', 'радон']);
  });

  it('leaves short words alone', () => {
    expect(speller.suggest('аки')).toEqual([]);
  });
});
