import { describe, expect, it } from 'vitest';
import { defaultAnalyzer, ANALYZER_VERSION } from '../../src/text/analyzer.ts';
import { trainModel1 } from '../../src/translate/model1.ts';
import { DEFAULT_TRAINING, trainTranslation } from '../../src/translate/train.ts';
import { TranslationTable } from '../../src/translate/table.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';

const stem = (w: string, lang: 'kk' | 'ru') => defaultAnalyzer.analyze(w, lang)[0];

// A small parallel sample in the style of ../shared/parallel: each pair shares a word with several others, so
// only EM (not co-occurrence alone) can tell which word translates which.
const PARALLEL = [
  { kk: 'Қала әкімдігі жиын өткізді.', ru: 'Акимат города провёл собрание.' },
  { kk: 'Әкімдік жаңа мектеп салды.', ru: 'Акимат построил новую школу.' },
  { kk: 'Аудан әкімдігі жол жөндеді.', ru: 'Акимат района отремонтировал дорогу.' },
  { kk: 'Жаңа жол салынды.', ru: 'Построена новая дорога.' },
  { kk: 'Қала мектебі жөнделді.', ru: 'Школа города отремонтирована.' },
  { kk: 'Аудан мектебі.', ru: 'Школа района.' },
  { kk: 'Мәслихат бюджетті бекітті.', ru: 'Маслихат утвердил бюджет.' },
  { kk: 'Қала мәслихаты жиын өткізді.', ru: 'Маслихат города провёл собрание.' },
];

describe('IBM Model 1', () => {
  it('prefers the consistent partner of a word over words it merely co-occurs with', () => {
    // source 0 always with target 0; source 1 with target 0 once and target 1 twice
    const t = trainModel1({
      source: [Uint32Array.of(0), Uint32Array.of(0, 1), Uint32Array.of(1), Uint32Array.of(1)],
      target: [Uint32Array.of(0), Uint32Array.of(0, 1), Uint32Array.of(1), Uint32Array.of(1)],
      sourceSize: 2,
      targetSize: 2,
    });
    expect(t.get(0 * 2 + 0)!).toBeGreaterThan(0.9);
    expect(t.get(1 * 2 + 1)!).toBeGreaterThan(t.get(1 * 2 + 0) ?? 0);
  });
});

describe('the translation trainer', () => {
  const entries = trainTranslation(PARALLEL, [], { ...DEFAULT_TRAINING, dictionary: false });
  const table = new TranslationTable(entries);

  it('learns that «әкімдік» goes to «акимат», and back', () => {
    expect(table.translate(stem('әкімдігі', 'kk'), 'kk')[0][0]).toBe(stem('акимат', 'ru'));
    expect(table.translate(stem('акимат', 'ru'), 'ru')[0][0]).toBe(stem('әкімдік', 'kk'));
  });

  it('learns the other words of the sample both ways', () => {
    expect(table.translate(stem('школа', 'ru'), 'ru')[0][0]).toBe(stem('мектеп', 'kk'));
    expect(table.translate(stem('мәслихат', 'kk'), 'kk')[0][0]).toBe(stem('маслихат', 'ru'));
  });

  it('keeps probabilities that add up to 1, likeliest first, within the pruning limits', () => {
    for (const lang of ['kk', 'ru'] as const) {
      for (const list of entries[lang].values()) {
        expect(list.length).toBeLessThanOrEqual(DEFAULT_TRAINING.maxTranslations);
        expect(list.reduce((a, [, p]) => a + p, 0)).toBeCloseTo(1, 6);
        for (let i = 1; i < list.length; i++) expect(list[i - 1][1]).toBeGreaterThanOrEqual(list[i][1]);
      }
    }
  });

  it('is deterministic and round-trips through its file format', () => {
    const again = new TranslationTable(trainTranslation(PARALLEL, [], { ...DEFAULT_TRAINING, dictionary: false }));
    expect(again.serialize()).toBe(table.serialize());
    const parsed = TranslationTable.parse(table.serialize(['test']));
    expect(parsed.translate(stem('акимат', 'ru'), 'ru')[0][0]).toBe(stem('әкімдік', 'kk'));
  });

  it('learns from dictionary entries alone', () => {
    const dict = new TranslationTable(trainTranslation([], [{ kk: 'аудан', ru: 'район' }], { ...DEFAULT_TRAINING, parallel: false }));
    expect(dict.translate(stem('район', 'ru'), 'ru')).toEqual([[stem('аудан', 'kk'), 1]]);
  });
});

describe('the shipped table', () => {
  const shipped = TranslationTable.load();

  it('was trained over this analyzer version (retrain with `npm run train:translation` after analyzer changes)', () => {
    expect(shipped.analyzerVersion).toBe(ANALYZER_VERSION);
  });

  it('translates governance vocabulary both ways', () => {
    expect(shipped.translate(stem('область', 'ru'), 'ru').map(([t]) => t)).toContain(stem('облыс', 'kk'));
    expect(shipped.translate(stem('аудан', 'kk'), 'kk').map(([t]) => t)).toContain(stem('район', 'ru'));
  });
});

describe('query expansion', () => {
  const table = new TranslationTable({
    ru: new Map([[stem('школа', 'ru'), [[stem('мектеп', 'kk'), 0.75], [stem('оқу', 'kk'), 0.25]]]]),
    kk: new Map(),
  });
  const queries = new QueryAnalyzer({ translation: table });

  it('weights each translation by its probability, in one scoring group with the word itself', () => {
    const q = queries.analyze('Сколько школ построили в 2024 году?');
    const school = q.concepts.find((c) => c.stem === stem('школ', 'ru'))!;
    expect(school.terms.get(stem('мектеп', 'kk'))).toBeCloseTo(0.75);
    expect(school.terms.get(stem('оқу', 'kk'))).toBeCloseTo(0.25);
    expect(school.learned).toBe(true);
    const group = q.groups.find((g) => g.terms.has(stem('школ', 'ru')))!;
    expect(group.terms.get(stem('мектеп', 'kk'))).toBeCloseTo(0.75);
  });

  it('counts a translation for the one concept it weighs most in (a collocation\'s neighbour is not the word\'s)', () => {
    const collocations = new TranslationTable({
      ru: new Map([
        [stem('общественный', 'ru'), [[stem('қоғамдық', 'kk'), 0.9], [stem('қор', 'kk'), 0.1]]],
        [stem('фонд', 'ru'), [[stem('қор', 'kk'), 0.6], [stem('қоғамдық', 'kk'), 0.4]]],
      ]),
      kk: new Map(),
    });
    const q = new QueryAnalyzer({ translation: collocations }).analyze('Сколько общественных фондов?');
    const social = q.concepts.find((c) => c.stem === stem('общественных', 'ru'))!;
    const fund = q.concepts.find((c) => c.stem === stem('фондов', 'ru'))!;
    expect(social.terms.has(stem('қоғамдық', 'kk'))).toBe(true);
    expect(social.terms.has(stem('қор', 'kk'))).toBe(false);
    expect(fund.terms.has(stem('қор', 'kk'))).toBe(true);
    expect(fund.terms.has(stem('қоғамдық', 'kk'))).toBe(false);
    expect(fund.terms.get(stem('фондов', 'ru'))).toBe(1); // its own stem always stays
  });

  it('takes a longer form\'s translations, at half weight, for a form the table has none of', () => {
    // «объявлен» stems to «обявл», the dictionary's «объявлять» to «обявля»: one word the stemmer leaves apart
    const forms = new TranslationTable({ ru: new Map([[stem('объявлять', 'ru'), [[stem('жариялау', 'kk'), 0.8]]]]), kk: new Map() });
    expect(forms.family(stem('объявлен', 'ru'), 'ru')).toEqual([stem('объявлять', 'ru')]);
    const q = new QueryAnalyzer({ translation: forms }).analyze('Когда объявлен конкурс?');
    const announced = q.concepts.find((c) => c.stem === stem('объявлен', 'ru'))!;
    expect(announced.terms.get(stem('жариялау', 'kk'))).toBeCloseTo(0.4);
    // a short stem's longer words are as often other words: none
    const short = new TranslationTable({ ru: new Map([[stem('бока', 'ru'), [['бүйір', 1]]]]), kk: new Map() });
    expect(short.family('бо', 'ru')).toEqual([]);
  });

  it('never translates numbers', () => {
    const q = queries.analyze('Сколько школ построили в 2024 году?');
    expect(q.concepts.find((c) => c.stem === '2024')!.terms.size).toBe(1);
  });
});
