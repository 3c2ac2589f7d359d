// Names in questions typed in lower case, read from how the retrieved passages write them (src/answer/names.ts).
import { describe, expect, it } from 'vitest';
import { truecased, NAME_EVIDENCE } from '../../src/answer/names.ts';
import { analysedPassage } from '../../src/answer/passages.ts';
import { namedUnits } from '../../src/answer/units.ts';
import { isFocus } from '../../src/answer/quotes.ts';
import { defaultQueryAnalyzer } from '../../src/search/engine.ts';

const queries = defaultQueryAnalyzer();
const passage = (text: string) => analysedPassage({ text }, 'ru', '');
const named = (question: string, texts: string[]) => {
  const { concepts } = queries.analyze(question);
  return truecased(concepts, texts.map(passage)).filter((c) => c.name).map((c) => c.stem);
};

describe('names in a question typed in lower case', () => {
  const aboutAlmaty = [
    'Аким Алматы встретился с жителями. Жители Алматы спросили о дорогах.',
    'В прошлом году в Алматы открыли две школы, и зарплата учителей выросла.',
  ];

  it('counts how a passage writes each word inside its sentences, the first word aside', () => {
    const p = passage('Алматы растёт. Жители Алматы и гости города довольны, сказал аким Алматы.');
    expect(p.cased.get('алмат')).toEqual({ upper: 2, lower: 0 });
    expect(p.cased.get('город')).toEqual({ upper: 0, lower: 1 });
  });

  it('takes a word the passages write capitalized for a name, and so not for a focus word', () => {
    expect(named('какая зарплата у акима алматы?', aboutAlmaty)).toEqual(['алмат']);
    const { concepts } = queries.analyze('какая зарплата у акима алматы?');
    expect(concepts.find((c) => c.stem === 'алмат')!.name).toBe(false);
    expect(truecased(concepts, aboutAlmaty.map(passage)).filter(isFocus).map((c) => c.stem)).toEqual(['зарплат', 'аким']);
  });

  it('wants the capital nearly every time, and more than once or twice', () => {
    expect(named('какая зарплата у акима алматы?', [aboutAlmaty[1]])).toEqual([]); // once: a title's, a heading's
    expect(NAME_EVIDENCE.min).toBeGreaterThan(1);
    const mixed = ['Зарплата растёт. Средняя Зарплата, Зарплата и Зарплата выросли, зарплата и зарплата тоже.'];
    expect(named('какая зарплата у акима алматы?', mixed)).toEqual([]);
  });

  it('reads the first word beside a unit as the place, whatever its case', () => {
    const { concepts } = queries.analyze('қызылорда облысының әкімі кім?');
    expect(concepts[0].firstWord).toBe(true);
    expect(namedUnits(concepts).map((u) => [concepts[u.name].stem, u.unit])).toEqual([[concepts[0].stem, 'region']]);
  });

  it('reads other passages holding a word when the retrieved ones do not show it (they may be on something else)', () => {
    const elsewhere = ['Школы открыли в прошлом году, и зарплата учителей выросла.'];
    const holding = (stem: string) => (stem === 'алмат' ? aboutAlmaty.map(passage) : []);
    const { concepts } = queries.analyze('какая зарплата у акима алматы?');
    expect(truecased(concepts, elsewhere.map(passage)).filter((c) => c.name)).toEqual([]);
    expect(truecased(concepts, elsewhere.map(passage), holding).filter((c) => c.name).map((c) => c.stem)).toEqual(['алмат']);
  });

  it('leaves a question that names nothing as it was', () => {
    expect(named('сколько школ открыли?', aboutAlmaty)).toEqual([]);
  });
});
