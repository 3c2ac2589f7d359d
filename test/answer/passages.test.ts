// The answer layer's analysed passages: each chunk analysed once while it is asked about, a new build's chunk
// (a new object, perhaps new text) analysed afresh, and the least recently used forgotten past the bound.
import { describe, expect, it } from 'vitest';
import { analysedPassage, CACHED, passageOf } from '../../src/answer/passages.ts';

describe('analysed passages', () => {
  it('takes the document\'s heading, region and year as what each of its passages is about', () => {
    const doc = { lang: 'kk' as const, title: 'Сұхбат', meta: { region: 'Алматы', year: 2013 } };
    const passage = passageOf({ chunk: { text: 'Қала әкімі Ахметжан Есімов міндеттер қойды.' }, doc });
    expect(passage.title.has('2013')).toBe(true); // an interview of 2013 speaks of 2013 without writing it
    expect(passage.title.has('алмат')).toBe(true);
    expect(passageOf({ chunk: { text: 'Қала әкімі міндеттер қойды.' }, doc: { ...doc, meta: { region: 'Алматы' } } }).title.has('2013')).toBe(false);
  });

  it('analyses a chunk once, and a chunk of another build (another object) again', () => {
    const chunk = { text: 'Аким Алматы встретился с активом. Он рассказал о новых планах.' };
    const first = analysedPassage(chunk, 'ru', '');
    expect(first.spans).toHaveLength(2);
    expect(first.terms.has('алмат')).toBe(true);
    expect(first.sentences[1].has('рассказа')).toBe(true);
    expect(first.sentences[0].has('рассказа')).toBe(false);
    expect(analysedPassage(chunk, 'ru', '')).toBe(first);
    const edited = { text: 'Аким Шымкента открыл школу.' };
    const other = analysedPassage(edited, 'ru', '');
    expect(other).not.toBe(first);
    expect(other.terms.has('алмат')).toBe(false);
  });

  it('reads a line broken inside a sentence as leaning on the line before it, and not a heading\'s next line', () => {
    // a scan's or a PDF's lines: the sentence goes on in lower case or with a digit after a line with no closing mark
    expect(analysedPassage({ text: 'Шиелі ауданында\n64 көпқабатты үй салынды.' }, 'kk', '').pointsBack).toEqual([false, true]);
    expect(analysedPassage({ text: 'Аудандық мәслихат жаңа\nжол салуға қаржы бөлді.' }, 'kk', '').pointsBack).toEqual([false, true]);
    expect(analysedPassage({ text: 'Мәслихат сессиясы өтті\nАудандық мәслихат жол салуға 5 миллиард теңге бөлді.' }, 'kk', '').pointsBack).toEqual([false, false]);
    expect(analysedPassage({ text: 'Сессия өтті.\n64 үй салынды.' }, 'kk', '').pointsBack).toEqual([false, false]);
  });

  it('forgets the least recently used beyond its bound, keeping what is asked about', () => {
    const kept = { text: 'Часто спрашивают об этом.' };
    const first = analysedPassage(kept, 'ru', '');
    const gone = { text: 'Один раз спросили об этом.' };
    const once = analysedPassage(gone, 'ru', '');
    for (let i = 0; i < CACHED; i++) {
      analysedPassage({ text: `Фрагмент номер ${i}.` }, 'ru', '');
      if (i % 100 === 0) analysedPassage(kept, 'ru', ''); // asked about all along
    }
    expect(analysedPassage(kept, 'ru', '')).toBe(first);
    expect(analysedPassage(gone, 'ru', '')).not.toBe(once);
  });
});
