import { describe, expect, it } from 'vitest';
import { askedYears, namesOtherYear } from '../../src/answer/years.ts';
import { candidates } from '../../src/answer/quotes.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';

describe('the year a question asks about', () => {
  it('reads the years a question asks about, not the date its figure holds at', () => {
    expect(askedYears('Какой уровень безработицы в районе в 2018 году?', 'ru')).toEqual(['2018']);
    expect(askedYears('Сколько детей у него по данным на 2019 год?', 'ru')).toEqual([]);
    expect(askedYears('Сколько факультетов в университете на март 2019?', 'ru')).toEqual([]);
    expect(askedYears('Ауданда 2016 жылы жұмыссыздық деңгейі қандай болды?', 'kk')).toEqual(['2016']);
    expect(askedYears('Сколько безработных в районе?', 'ru')).toEqual([]);
    expect(askedYears('Сколько школ построено в 1340 году?', 'ru')).toEqual([]); // not a year as texts write them here
  });

  it('takes a sentence naming only other years for another year\'s figure', () => {
    expect(namesOtherYear('Уровень безработицы в районе в 2017 году составляет 0,47%.', '2018')).toBe(true);
    expect(namesOtherYear('Количество безработных на 01.01.2018 года составило 91 человек.', '2018')).toBe(false);
    expect(namesOtherYear('Количество безработных на 01.01.2018 года составило 91 человек.', '2019')).toBe(true);
    expect(namesOtherYear('Общий объем финансирования в 2015-2021 годах составляет 49,4 млн. рублей.', '2019')).toBe(false); // a span holding it
    expect(namesOtherYear('Задачи на 2018 - 2035 годы.', '2019')).toBe(false);
    expect(namesOtherYear('Реформа 1867–68 годов.', '1868')).toBe(false);
    expect(namesOtherYear('Численность населения составляет около 21 тыс. человек.', '2018')).toBe(false); // no year: its context may give it
    expect(namesOtherYear('В 2017 году работало 1343 человека.', '2017')).toBe(false);
    expect(namesOtherYear('В районе работает 2000 человек.', '2018')).toBe(false); // a count, not a year
    expect(namesOtherYear('Грант получен в 2017 г.', '2019')).toBe(true);
    expect(namesOtherYear('Прирост составил 2,1% за 2016.', '2019')).toBe(true);
  });
});

describe('a figure for the year asked', () => {
  const queries = new QueryAnalyzer();
  const holds = (question: string, text: string) => {
    const q = queries.analyze(question);
    const weighted = { concepts: q.concepts, weights: q.concepts.map(() => 1) };
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title: 't', lang: 'ru' as const, meta: {}, hash: '', chunks: [] };
    return candidates(weighted, [{ chunk, doc, score: 1 } as never], 'ru', 'quantity', { years: askedYears(question, 'ru') }).some((c) => c.kindNear);
  };

  it('is not in a sentence giving another year\'s figure', () => {
    const text = 'Уровень безработицы в районе в 2017 году составляет 0,47%.';
    expect(holds('Какой уровень безработицы в районе в 2017 году?', text)).toBe(true);
    expect(holds('Какой уровень безработицы в районе в 2018 году?', text)).toBe(false);
    expect(holds('Какой уровень безработицы в районе?', text)).toBe(true);
  });
});
