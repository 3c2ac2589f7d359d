// The recent answers that buttons point to: least recently used forgotten first, ids not reused after a restart.
import { describe, expect, it } from 'vitest';
import { AnswerCache, type RecentAnswer } from '../../src/bot/deps.ts';

const answer = (question: string): RecentAnswer => ({ question, lang: 'ru', citations: [], earlier: [], logId: question });

describe('AnswerCache', () => {
  it('forgets the least recently used answer first: one whose buttons are being pressed stays', () => {
    const cache = new AnswerCache(2);
    const a = cache.put(answer('a'));
    const b = cache.put(answer('b'));
    expect(cache.get(a)?.question).toBe('a'); // pressed: now the most recently used
    const c = cache.put(answer('c'));
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)?.question).toBe('a');
    expect(cache.get(c)?.question).toBe('c');
  });

  it('gives ids another process does not: a button from before a restart finds nothing, not another answer', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(new AnswerCache().put(answer('q')));
    expect(ids.size).toBeGreaterThan(1);
    for (const id of ids) expect(id).toMatch(/^\w+$/); // the buttons' callback data matches ids as \w+
  });
});
