import { describe, expect, it } from 'vitest';
import { followUp, inConversation, isFollowUp, namedAnew } from '../../src/text/followup.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';

const queries = new QueryAnalyzer();
const q = (text: string, hint?: 'kk' | 'ru') => queries.analyze(text, hint);
const weights = (query: ReturnType<typeof q>) => Object.fromEntries(query.concepts.map((c) => [c.stem, c.weight ?? 1]));

describe('follow-up questions', () => {
  it('knows a question that leans on the one before, in either language', () => {
    for (const t of ['Ал Таразда ше?', 'А в Таразе?', 'Подробнее', 'Толығырақ', 'Сколько на это потратили?', 'Оған қанша ақша жұмсалды?', 'А больниц?', '2023?']) {
      expect([t, isFollowUp(q(t))]).toEqual([t, true]);
    }
    for (const t of ['Сколько школ построили в Шымкенте в 2024 году?', 'Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?', 'Кто аким Алматы?']) {
      expect([t, isFollowUp(q(t))]).toEqual([t, false]);
    }
  });

  it('carries the earlier concepts at a lower weight, a new place replacing the old one', () => {
    const merged = followUp(q('Шымкентте неше мектеп салынды?'), q('Ал Таразда ше?', 'kk'));
    const w = weights(merged);
    expect(Object.keys(w)).not.toContain('шымкент');
    expect(w.тараз).toBe(1);
    expect(Object.values(w).filter((x) => x === 0.5).length).toBeGreaterThanOrEqual(2); // мектеп, салынды
    expect(merged.follows).toBe('Шымкентте неше мектеп салынды?');
  });

  it('knows the names a follow-up brings of its own, and none for a question standing alone', () => {
    const merged = followUp(q('Шымкентте неше мектеп салынды?'), q('Ал Таразда ше?', 'kk'));
    expect(namedAnew(merged).map((c) => c.stem)).toEqual(['тараз']);
    expect(namedAnew(q('Сколько школ в Таразе?'))).toEqual([]);
  });

  it('a new number replaces the old ones; «подробнее» repeats the question in full', () => {
    const years = weights(followUp(q('Сколько школ построили в 2023 году?'), q('А в 2024?')));
    expect(years['2024']).toBe(1);
    expect(years['2023']).toBeUndefined();
    const more = weights(inConversation('Подробнее', ['Сколько школ построили в Актобе?'], (t, h) => q(t, h)));
    expect(Object.values(more).every((x) => x === 1)).toBe(true);
    expect(Object.keys(more)).not.toContain('подробн');
  });

  it('a question that stands on its own ends the conversation; each turn further back weighs half again', () => {
    const alone = inConversation('Кто аким Алматы?', ['Сколько школ построили в Актобе?'], (t, h) => q(t, h));
    expect(alone.follows).toBeUndefined();
    const third = weights(inConversation('А в 2024?', ['Сколько школ построили в Актобе в 2022 году?', 'А больниц?'], (t, h) => q(t, h)));
    expect(Math.min(...Object.values(third))).toBe(0.25);
  });
});
