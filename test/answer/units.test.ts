// A place named with its administrative unit: the region of Қызылорда is not the city of Қызылорда.
import { describe, expect, it } from 'vitest';
import { namedUnits, otherUnit, placesBesideUnits } from '../../src/answer/units.ts';
import { defaultAnalyzer } from '../../src/text/analyzer.ts';
import { defaultQueryAnalyzer } from '../../src/search/engine.ts';
import type { Lang } from '../../src/text/lang.ts';

const queries = defaultQueryAnalyzer();
const words = (text: string, lang: Lang) => defaultAnalyzer.analyzeTokens(text, lang).filter((w) => w.terms.length).map((w) => new Set(w.terms));

describe('places named with their unit', () => {
  it.each([
    ['Қызылорда облысының әкімі кім?', 'Қызылорда', 'region'],
    ['Кто аким Кызылординской области?', 'Кызылординской', 'region'],
    ['Сколько школ в городе Шымкенте?', 'Шымкенте', 'city'],
    ['Алатау ауданында не салынады?', 'Алатау', 'district'],
  ] as const)('«%s» names %s with its %s', (question, name, unit) => {
    const { concepts, lang } = queries.analyze(question);
    const found = namedUnits(concepts).map((u) => [concepts[u.name].stem, u.unit]);
    expect(found).toContainEqual([defaultAnalyzer.wordTerms(name, lang)[0], unit]);
  });

  it('takes the word beside a unit for a place\'s name in a question written without capitals, unless it is a common word', () => {
    const names = (question: string) => placesBesideUnits(queries.analyze(question).concepts, question).filter((c) => c.name).map((c) => c.stem);
    expect(names('какая средняя зарплата в бостандыкском районе?')).toEqual([defaultAnalyzer.wordTerms('бостандыкском', 'ru')[0]]);
    expect(names('какая площадь ладака, исторической области?')).not.toContain(defaultAnalyzer.wordTerms('исторической', 'ru')[0]); // translated: a common word
    // written with capitals, the capitals tell: «районе» beside a word written small is no sign
    expect(names('Какая средняя зарплата в бостандыкском районе?')).toEqual([]);
  });

  it('finds none where a name stands alone', () => {
    const { concepts } = queries.analyze('Сколько НПО зарегистрировано в Кызылорде?');
    expect(namedUnits(concepts)).toEqual([]);
  });

  it('tells a sentence about another place of the name from one about the asked place, in either language', () => {
    const { concepts } = queries.analyze('Кто аким Кызылординской области?');
    const [{ name, unit }] = namedUnits(concepts);
    const place = concepts[name];
    expect(otherUnit(words('Қызылорда қаласы әкімдігінің ішкі саясат бөлімі', 'kk'), place, unit)).toBe(true);
    expect(otherUnit(words('Қызылорда облысының әкімі жиын өткізді', 'kk'), place, unit)).toBe(false);
    expect(otherUnit(words('Аким Кызылординской области провёл совещание', 'ru'), place, unit)).toBe(false);
    expect(otherUnit(words('Қызылордада жиын өтті', 'kk'), place, unit)).toBe(false); // no unit: nothing to tell
  });
});
