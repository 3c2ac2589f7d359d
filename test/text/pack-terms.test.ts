// A language pack's word lists as index terms: read as a text or word by word, with or without prefix terms, for
// one pack or all, each worked out once.
import { describe, expect, it } from 'vitest';
import { allPacksTerms, listTerms, packTerms } from '../../src/text/pack-terms.ts';
import { analyze, defaultAnalyzer, isPrefixTerm } from '../../src/text/analyzer.ts';

describe('pack word lists as terms', () => {
  it('reads a list as a text or word by word, dropping prefix terms unless kept', () => {
    const whole = listTerms('ru', ['тысяча', 'и', 'зарплата']);
    expect(whole).toEqual([...analyze('тысяча', 'ru'), ...analyze('зарплата', 'ru')].filter((t) => !isPrefixTerm(t)));
    expect(listTerms('ru', ['тысяча'], { prefixes: true }).some(isPrefixTerm)).toBe(true);
    expect(listTerms('ru', ['тысяча'], { byWord: true, prefixes: true })).toEqual(defaultAnalyzer.wordTerms('тысяча', 'ru'));
    expect(listTerms('ru', ['и'])).toEqual([]); // a stopword
  });

  it('gives every pack\'s list as one set, and each pack\'s as its own, worked out once', () => {
    const units = allPacksTerms((p) => p.units.region);
    expect(units()).toBe(units());
    expect(units().has(analyze('облыс', 'kk')[0])).toBe(true);
    expect(units().has(analyze('область', 'ru')[0])).toBe(true);
    const pay = packTerms((p) => p.counting.pay);
    expect(pay('kk')).toBe(pay('kk'));
    expect(pay('kk').has(analyze('жалақы', 'kk')[0])).toBe(true);
    expect(pay('kk').has(analyze('зарплата', 'ru')[0])).toBe(false);
  });
});
