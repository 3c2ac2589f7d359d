// A place named with its administrative unit: the region of Қызылорда is not the city of Қызылорда.
import { describe, expect, it } from 'vitest';
import { namedUnits, otherUnit, placesBesideUnits, placesIn } from '../../src/answer/units.ts';
import { candidates } from '../../src/answer/quotes.ts';
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
    // … but a first word is capitalized anyway: before a unit it is the place («Қарағанды қаласында…»)
    expect(names('Қарағанды қаласында неше сайлау учаскесі жұмысын бастады?')).toEqual([defaultAnalyzer.wordTerms('Қарағанды', 'kk')[0]]);
    expect(names('Облыс әкімі кім?')).toEqual([]); // the unit itself
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

  it('reads a sentence naming the place bare as the place its passage names', () => {
    const { concepts } = queries.analyze('Сколько километров дорог отремонтируют в Алматинской области?');
    const [{ name, unit }] = namedUnits(concepts);
    const bare = words('В Алматы в этом году отремонтируют 300 километров дорог.', 'ru');
    expect(otherUnit(bare, concepts[name], unit)).toBe(false); // alone, a bare name tells nothing
    expect(otherUnit(bare, concepts[name], unit, new Set(['city']))).toBe(true); // in a passage on the city
    expect(otherUnit(bare, concepts[name], unit, new Set(['region', 'city']))).toBe(false);
  });

  it('takes a city written bare for the city, when the passages name it as one, and not a region so named', () => {
    const passage = (text: string, lang: Lang) => ({ titleWords: [], words: [words(text, lang)] });
    const city = passage('Аким города Алматы Ерболат Досаев провел встречу с жителями.', 'ru');
    const region = passage('Алматы облысының әкімі Марлен Әлібаев азаматтарды қабылдады.', 'kk');
    const other = passage('Шығыс Қазақстан облысында 40 мектеп салынады.', 'kk');
    const read = (question: string, ...passages: ReturnType<typeof passage>[]) => {
      const { concepts } = queries.analyze(question);
      const places = placesIn(concepts, passages);
      return { named: places.named.map((u) => [concepts[u.name].stem, u.unit]), elsewhere: places.elsewhere };
    };
    // «Алматы» bare, named a city by one passage: the region's passage speaks of another place
    expect(read('Алматы әкімі кім?', region, city)).toEqual({ named: [[defaultAnalyzer.wordTerms('Алматы', 'kk')[0], 'city']], elsewhere: [true, false] });
    // no passage on the city: nothing to prefer it to
    expect(read('Алматы әкімі кім?', region).elsewhere).toEqual([false]);
    // a region written bare that no passage calls a city stays as written
    expect(read('Шығыс Қазақстанда қанша мектеп салынады?', other).named).toEqual([]);
    // and the region asked by its unit: the city's passage is the other place
    expect(read('Алматы облысының әкімі кім?', city, region).elsewhere).toEqual([true, false]);
    // the passages found do not say «Жаңаөзен» is a city: more of the index's passages holding it are read for it
    const town = queries.analyze('Жаңаөзенде неше мектеп салынады?').concepts;
    const district = passage('Жаңаөзен ауданында 4 мектеп салынады.', 'kk');
    const readFor: string[] = [];
    const reads = (stem: string) => (readFor.push(stem), [passage('Жаңаөзен қаласының әкімі тұрғындармен кездесті.', 'kk')]);
    expect(placesIn(town, [district], reads).named.map((u) => u.unit)).toEqual(['city']);
    expect(readFor).toEqual([town[0].stem]);
    expect(placesIn(town, [district], () => [district]).named).toEqual([]);
    // Kazakhstan's cities that name regions are cities written bare, whatever the passages say (the packs' table)
    const kyzylorda = queries.analyze('Қызылордада неше мектеп салынады?').concepts;
    expect(placesIn(kyzylorda, [passage('Қызылорда облысында 40 мектеп салынады.', 'kk')]).named.map((u) => u.unit)).toEqual(['city']);
    // … also typed without capitals
    const lower = queries.analyze('сколько школ построят в караганде?').concepts;
    expect(placesIn(lower, [passage('В Карагандинской области построят 40 школ.', 'ru')]).named.map((u) => u.unit)).toEqual(['city']);
    const lowerWithUnit = queries.analyze('сколько денег выделили городу актобе?');
    expect(namedUnits(placesBesideUnits(lowerWithUnit.concepts, 'сколько денег выделили городу актобе?')).map((u) => u.unit)).toEqual(['city']);
    const karaganda = queries.analyze('Сколько школ построят в Караганде?').concepts;
    expect(placesIn(karaganda, [passage('В Карагандинской области построят 40 школ.', 'ru')]).named.map((u) => u.unit)).toEqual(['city']);
    // a common word beside a city's unit, written small, names no city: «қалалық мәслихат»
    const council = queries.analyze('Мәслихат жол салуға қанша бөлді?').concepts;
    const cityCouncil = { titleWords: [], words: [words('Қалалық мәслихат сессиясы өтті, қалалық мәслихат бюджетті бекітті.', 'kk')], cased: new Map([[council[0].stem, { upper: 0, lower: 1 }]]) };
    expect(placesIn(council, [cityCouncil]).named).toEqual([]);
    expect(placesIn(council, [{ ...cityCouncil, cased: undefined }]).named.map((u) => u.unit)).toEqual(['city']); // without casing to tell
  });

  it('quotes the passage on the city for a city written bare, above a better-ranked one on the region of its name', () => {
    const doc = (id: string, lang: Lang) => ({ docId: id, title: '', lang, meta: {}, hash: '', chunks: [] });
    const result = (id: string, text: string, lang: Lang, score: number) => ({ chunk: { id, docId: id, start: 0, end: text.length, text }, doc: doc(id, lang), score });
    const { concepts } = queries.analyze('Сколько школ построят в Алматы?');
    const weighted = { concepts, weights: concepts.map(() => 1) };
    const results = [
      result('r', 'Аким Алматинской области посетил Талгарский район. В области построят 40 школ.', 'ru', 2),
      result('c', 'Аким города Алматы провел встречу с жителями. В Алматы построят 15 новых школ.', 'ru', 1),
    ];
    const [best] = candidates(weighted, results as never, 'ru', 'quantity');
    expect(best.result.chunk.docId).toBe('c');
  });

  it('takes a place asked as a first word for one of the names the answering sentence must meet', () => {
    const doc = (id: string) => ({ docId: id, title: '', lang: 'kk' as const, meta: {}, hash: '', chunks: [] });
    const result = (id: string, text: string, score: number) => ({ chunk: { id, docId: id, start: 0, end: text.length, text }, doc: doc(id), score });
    const { concepts } = queries.analyze('Алматыда неше мектеп салынады?');
    const weighted = { concepts, weights: concepts.map(() => 1) };
    const results = [result('r', 'Алматы облысында 40 мектеп салынады.', 2), result('c', 'Алматы қаласында 15 мектеп салынады.', 1)];
    const names = Object.fromEntries(candidates(weighted, results as never, 'kk', 'quantity').map((c) => [c.result.chunk.docId, c.namesCoverage]));
    expect(names).toEqual({ r: 0, c: 1 }); // the region's sentence does not name the city asked
    // a sentence leaning on the line before it takes that line's names («Шиелі ауданында⏎64 көпқабатты үй салынды»)
    const asked = queries.analyze('Шиелі ауданында неше көпқабатты үй салынды?').concepts;
    const scan = result('s', 'Шиелі ауданында\n64 көпқабатты үй салынды.', 1);
    const numberSentence = candidates({ concepts: asked, weights: asked.map(() => 1) }, [scan] as never, 'kk', 'quantity').find((c) => c.holdsKind)!;
    expect(numberSentence.namesCoverage).toBe(1);
  });
});
