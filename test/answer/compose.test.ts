import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Answerer, MAX_EXCERPT, sourceLabel, withAnswerWords } from '../../src/answer/compose.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';
import { analyze } from '../../src/text/analyzer.ts';
import { shownTitle, TITLE_SHOWN } from '../../src/answer/render.ts';
import { MESSAGES, ONLY_OUR_LANGUAGES } from '../../src/answer/messages.ts';
import { buildIndex } from '../../src/index/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

let answerer: Answerer;
const texts = new Map<string, string>();

beforeAll(async () => {
  const index = path.join(await tempDir(), 'index');
  await buildIndex({ corpus: CORPUS, indexDir: index, embedder: null });
  const engine = await SearchEngine.open(index, null);
  answerer = new Answerer(engine);
  for (const { docId } of engine.documents()) texts.set(docId, await readFile(path.join(CORPUS, docId), 'utf8'));
});

describe('answers with cited excerpts', () => {
  const questions = [
    ['Сколько горожан обратились к акиму Алматы в соцсетях?', 'ru'],
    ['Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?', 'kk'],
    ['Түркістан облысында AMANAT партиясының неше филиалы бар?', 'kk'],
  ] as const;

  for (const [question, lang] of questions) {
    it(`quotes its sources verbatim: ${question}`, async () => {
      const a = await answerer.ask(question);
      expect(a.answered).toBe(true);
      expect(a.lang).toBe(lang);
      expect(a.citations.length).toBeGreaterThan(0);
      a.citations.forEach((c, i) => {
        expect(c.n).toBe(i + 1);
        expect(c.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT);
        expect(c.excerpt.length).toBeGreaterThan(20);
        // verbatim and in one piece: exactly the source text at the cited offsets
        expect(texts.get(c.docId)!.slice(c.start, c.end)).toBe(c.excerpt);
        expect(a.answer).toContain(`[${c.n}] «${c.excerpt}»`);
      });
      expect(a.answer.startsWith(MESSAGES[lang].intro)).toBe(true);
    });
  }

  it('finds the number a quantity question asks for', async () => {
    const a = await answerer.ask('Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?');
    expect(a.citations[0].excerpt).toContain('487 үкіметтік емес ұйым тіркелген');
  });

  it('takes a capitalized first word the corpus writes in both languages for a name (across languages)', async () => {
    const a = await answerer.ask('Алматы әкімі кім?');
    expect(a.answered).toBe(true);
    expect(a.lang).toBe('kk');
  });

  it('never quotes the same text twice', async () => {
    const a = await answerer.ask('Аким Алматы встретился с городским активом');
    for (let i = 0; i < a.citations.length; i++) {
      for (let j = i + 1; j < a.citations.length; j++) {
        const [x, y] = [a.citations[i], a.citations[j]];
        expect(x.docId === y.docId && x.start < y.end && y.start < x.end).toBe(false);
      }
    }
  });

  it('labels an excerpt in the other language and keeps it untranslated', async () => {
    const a = await answerer.ask('Сколько партийных филиалов AMANAT в Туркестанской области?');
    if (a.answered) {
      const kk = a.citations.find((c) => c.lang === 'kk');
      if (kk) expect(a.answer).toContain(`[${MESSAGES.ru.sourceLang.kk}]`);
    }
    expect(a.lang).toBe('ru');
  });
});

describe('honest refusals', () => {
  it.each([
    ['Какой курс евро к тенге на завтра?', 'ru'],
    ['Кто выиграл чемпионат мира по футболу?', 'ru'],
    ['Астанада ертең қар жауа ма?', 'kk'],
    ['Какая погода в Туркестане?', 'ru'],
  ] as const)('declines «%s» in one sentence of its language', async (question, lang) => {
    const a = await answerer.ask(question);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.lang).toBe(lang);
    expect(a.answer).toBe(MESSAGES[lang].decline);
  });

  it('marks, inside each excerpt, the sentence it was quoted for: the one with the asked number', async () => {
    const a = await answerer.ask('Қызылордада неше үкіметтік емес ұйым тіркелген?');
    const [first] = a.citations;
    expect(first.highlight).toBeDefined();
    const sentence = first.excerpt.slice(first.highlight!.start, first.highlight!.end);
    expect(sentence).toContain('487');
    expect(sentence.length).toBeLessThan(first.excerpt.length);
    for (const c of a.citations) if (c.highlight) expect(c.highlight.end).toBeLessThanOrEqual(c.excerpt.length);
  });

  it('declines a question about a region when the sources speak only of the city of that name', async () => {
    for (const q of ['Қызылорда облысының әкімі кім?', 'Кто аким Кызылординской области?']) expect((await answerer.ask(q)).answered).toBe(false);
    expect((await answerer.ask('Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?')).answered).toBe(true);
  });

  it('takes a number of districts for one of districts, not of what is named after them', async () => {
    // «Қала бойынша жеті ауданда «Ардагерлер кеңесі» бар»: seven districts have a veterans' council
    expect((await answerer.ask('Сколько ветеранов войны живет в Алматы?')).answered).toBe(false);
    const districts = await answerer.ask('Қала бойынша неше ауданда «Ардагерлер кеңесі» бар?');
    expect(districts.answered).toBe(true);
    expect(districts.citations[0].excerpt).toContain('жеті ауданда');
  });

  it('replies to a question in English that it answers in Kazakh and Russian, in English and in both', async () => {
    const a = await answerer.ask('How many NGOs are registered in Kyzylorda?');
    expect(a.answered).toBe(false);
    expect(a.answer).toBe(ONLY_OUR_LANGUAGES);
    expect(a.answer).toContain(MESSAGES.kk.otherLanguage);
    expect(a.answer).toContain(MESSAGES.ru.otherLanguage);
    expect((await answerer.ask('Qyzylordada qansha ukimettik emes uiym tirkelgen?')).answered).toBe(true); // Kazakh in Latin letters
  });

  it('declines a question about a place the sources never name, however well the rest is met', async () => {
    // the Turkistan region's membership figures meet every word of these but the place
    for (const q of ['Сколько человек вступило в партию AMANAT в Шымкенте?', 'Шымкентте AMANAT партиясына қанша адам қабылданды?', 'Шымкент облысында AMANAT партиясына қанша адам қабылданды?', 'сколько человек вступило в партию amanat в шымкенте?']) {
      const evidence = await answerer.gather(q);
      expect(evidence.unknownPlaces.map((c) => c.stem)).toEqual(['шымкент']);
      expect((await answerer.ask(q)).answered).toBe(false);
    }
    // the same question about a place they name is answered; a name the index lacks that is no place marks nothing
    const known = 'Түркістан облысында AMANAT партиясына қанша адам қабылданды?';
    expect((await answerer.gather(known)).unknownPlaces).toEqual([]);
    expect((await answerer.ask(known)).answered).toBe(true);
    expect((await answerer.gather('Сколько человек вступило в партию AMANAT при Иванове?')).unknownPlaces).toEqual([]);
    // a place the index holds only in another form is known: «Медеу» (stemmed «меде») is «Медеуском» in the Russian text
    const medeu = 'Медеу ауданында орташа жалақы қанша?';
    expect((await answerer.gather(medeu)).unknownPlaces).toEqual([]);
    expect((await answerer.ask(medeu)).citations[0].excerpt).toContain('254 тысячи');
  });

  it('asks for words when there are none', async () => {
    const a = await answerer.ask('🤔🤔 ???');
    expect(a.answered).toBe(false);
    expect(a.answer).toBe(MESSAGES.ru.notAQuestion);
  });

  it.each([
    ['Привет!', 'ru', 'greeting'],
    ['Добрый день', 'ru', 'greeting'],
    ['Сәлеметсіз бе!', 'kk', 'greeting'],
    ['Сәлем!', 'kk', 'greeting'], // folded, the «салем» Russian speakers write too: its letters say Kazakh
    ['Спасибо большое 🙏', 'ru', 'thanks'],
    ['Көп рахмет', 'kk', 'thanks'],
    ['салеметсиз бе', 'kk', 'greeting'], // typed on a Russian keyboard
    ['Salem!', 'kk', 'greeting'],
  ] as const)('answers «%s» with a %s-language %s, not with quotes', async (text, lang, kind) => {
    const a = await answerer.ask(text);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.lang).toBe(lang);
    expect(a.answer).toBe(MESSAGES[lang][kind]);
  });

  it.each([
    ['Здравствуйте! Подскажите, пожалуйста, сколько НПО зарегистрировано в Кызылорде?', 'Сколько НПО зарегистрировано в Кызылорде?'],
    ['Сәлеметсіз бе! Айтыңызшы, Қызылордада неше үкіметтік емес ұйым тіркелген?', 'Қызылордада неше үкіметтік емес ұйым тіркелген?'],
  ])('answers «%s» as it answers the question without the politeness', async (polite, bare) => {
    const [a, b] = [await answerer.ask(polite), await answerer.ask(bare)];
    expect(b.answered).toBe(true);
    expect(a.answered).toBe(true);
    expect(a.citations.map((c) => c.excerpt)).toEqual(b.citations.map((c) => c.excerpt));
  });
});

describe('the same text under two documents', () => {
  it('is quoted once', async () => {
    const dir = await tempDir();
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    const release = 'В Шымкенте построили 12 новых школ. Аким города открыл их в сентябре. Школы рассчитаны на 6 тысяч учеников.';
    await writeFile(path.join(corpus, 'akimat-site.ru.txt'), release);
    await writeFile(path.join(corpus, 'news-site.ru.txt'), `Новости региона.\n\n${release}`);
    await writeFile(path.join(corpus, 'other.ru.txt'), 'В Таразе построили две поликлиники. Аким города открыл их в октябре.');
    await buildIndex({ corpus, indexDir: path.join(dir, 'index'), embedder: null });
    const one = new Answerer(await SearchEngine.open(path.join(dir, 'index'), null));
    const a = await one.ask('Сколько школ построили в Шымкенте?', { minConfidence: 0 });
    const excerpts = a.citations.map((c) => c.excerpt.replace(/\s+/g, ' '));
    expect(excerpts.some((e) => e.includes('12 новых школ'))).toBe(true);
    expect(excerpts.filter((e) => e.includes('12 новых школ'))).toHaveLength(1);
  });
});

describe('a follow-up naming a new place', () => {
  it('is answered from the passages that name it, not from those meeting the carried words', async () => {
    const dir = await tempDir();
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'pavlodar.ru.txt'), 'Итоги года в Павлодаре\n\nМолодым врачам в Павлодаре выдали 25 служебных квартир. Служебные квартиры получили врачи из районов.');
    await writeFile(path.join(corpus, 'taraz.kk.txt'), 'Тараз қаласының жылдық қорытындысы\n\nТаразда жас дәрігерлерге 30 пәтер берілді. Қалада екі жаңа емхана ашылды.');
    await buildIndex({ corpus, indexDir: path.join(dir, 'index'), embedder: null });
    const answerer = new Answerer(await SearchEngine.open(path.join(dir, 'index'), null));
    const first = 'Сколько служебных квартир выдали молодым врачам в Павлодаре?';
    const a = await answerer.ask('А в Таразе?', { minConfidence: 0 }, 'ru', [first]);
    expect(a.followsUp).toBe(true);
    expect(a.citations[0].excerpt).toContain('30 пәтер');
  });
});

describe('regions and cities of one name', () => {
  let places: Answerer;
  beforeAll(async () => {
    const dir = await tempDir();
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'almaty-region.kk.txt'), 'Алматы облысының әкімі Марлен Әлібаев облыс орталығы Қонаев қаласында азаматтарды қабылдады. Облыс әкімі аудандардағы жол жөндеу жұмыстарына тоқталды. Биыл облыста 120 шақырым жол жөнделеді.');
    await writeFile(path.join(corpus, 'almaty-city.ru.txt'), 'Аким города Алматы Ерболат Досаев провел встречу с жителями Медеуского района. Аким города рассказал о строительстве 15 новых школ в мегаполисе. В Алматы в этом году отремонтируют 300 километров дорог.');
    await writeFile(path.join(corpus, 'almaty-region.ru.txt'), 'Аким Алматинской области Марлен Алибаев посетил Талгарский район. По словам главы региона, в области построят 40 школ. Областной бюджет на образование вырос.');
    // a long programme names its district once, at the top; its later passages speak of it bare
    const programme = ['Программа развития Кызылординского района на 2024–2026 годы.', ...Array.from({ length: 40 }, (_, i) => `Раздел ${i + 1}. Мероприятия по благоустройству и содержанию дорог общего пользования, ремонту дворов и освещению улиц, с отчётом исполнителя за каждый квартал.`), 'В районе работают 23 школы и 14 детских садов.'].join('\n\n');
    await writeFile(path.join(corpus, 'kyzylorda-district.ru.txt'), programme);
    await writeFile(path.join(corpus, 'other.ru.txt'), 'В Таразе построили две поликлиники. Аким города открыл их в октябре. Жители довольны.');
    await buildIndex({ corpus, indexDir: path.join(dir, 'index'), embedder: null });
    places = new Answerer(await SearchEngine.open(path.join(dir, 'index'), null));
  });

  it('quotes the city for a city written bare, and the region for the region', async () => {
    for (const q of ['Алматы әкімі кім?', 'Кто аким Алматы?']) expect((await places.ask(q)).citations[0].excerpt).toContain('Досаев');
    expect((await places.ask('Сколько школ построят в Алматы?')).citations[0].excerpt).toContain('15 новых школ');
    expect((await places.ask('Алматы облысының әкімі кім?')).citations[0].excerpt).toContain('Әлібаев');
    expect((await places.ask('Сколько километров дорог отремонтируют в Алматинской области?')).citations[0].excerpt).toContain('120 шақырым');
  });

  it('never quotes the region of its name for a city, asked with its unit or bare', async () => {
    for (const q of ['Алматы қаласында неше шақырым жол жөнделеді?', 'Алматыда неше шақырым жол жөнделеді?']) {
      const a = await places.ask(q, { minConfidence: 0 });
      expect(a.citations.map((c) => c.docId)).not.toContain('almaty-region.kk.txt');
    }
  });

  it('never quotes another region\'s document for a region named with its unit', async () => {
    const a = await places.ask('Қызылорда облысының әкімі кім?', { minConfidence: 0 });
    expect(a.citations.map((c) => c.docId)).not.toContain('almaty-region.kk.txt');
    expect(a.citations.map((c) => c.docId)).not.toContain('almaty-region.ru.txt');
  });

  it('quotes a passage that names its district only in its document', async () => {
    const a = await places.ask('Сколько школ в Кызылординском районе?');
    expect(a.answered).toBe(true);
    expect(a.citations[0].excerpt).toContain('23 школы');
  });
});

describe('a figure for the year asked', () => {
  it('is declined when the year\'s passage gives another figure and the asked one is another year\'s', async () => {
    const dir = await tempDir();
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(path.join(corpus, 'forecast.ru.txt'), [
      'Объем валового регионального продукта Воронежской области на 2019 год прогнозируется в сумме 1027,7 млрд рублей. Инвестиции в основной капитал вырастут на 4 процента.',
      'Объем государственного долга Воронежской области по итогам 2017 года составил 33,5 млрд рублей. Долговая нагрузка остается умеренной.',
    ].join('\n\n'));
    await writeFile(path.join(corpus, 'other.ru.txt'), 'В Таразе построили две поликлиники. Аким города открыл их в октябре.');
    await buildIndex({ corpus, indexDir: path.join(dir, 'index'), embedder: null });
    const forecast = new Answerer(await SearchEngine.open(path.join(dir, 'index'), null));
    // the debt is given for 2017 only, and what the 2019 passage gives is the GRP
    expect((await forecast.ask('Какой государственный долг Воронежской области в 2019 году?')).answered).toBe(false);
    const asked2017 = await forecast.ask('Какой государственный долг Воронежской области в 2017 году?');
    expect(asked2017.answered).toBe(true);
    expect(asked2017.citations[0].excerpt).toContain('33,5 млрд');
    // a question naming no year is answered with the figure there is
    expect((await forecast.ask('Какой государственный долг Воронежской области?')).answered).toBe(true);
  });
});

describe('the words an answer says, in retrieval', () => {
  it('a question asking a sum of money also looks for a currency, and no other question does', () => {
    const queries = new QueryAnalyzer();
    const money = queries.analyze('Сколько денег выделено на программу?');
    const withCurrency = withAnswerWords(money);
    expect(withCurrency.groups.length).toBe(money.groups.length + 1);
    const added = withCurrency.groups.at(-1)!;
    for (const currency of ['рублей', 'тенге']) expect(added.terms.has(analyze(currency, 'ru')[0])).toBe(true);
    expect(added.terms.has(analyze('теңге', 'kk')[0])).toBe(true);
    expect(withCurrency.concepts).toEqual(money.concepts); // the sentences still answer the question as asked
    const count = queries.analyze('Сколько школ построили?');
    expect(withAnswerWords(count)).toBe(count);
  });
});

describe('source labels', () => {
  it('show a long derived title cut at a word, and a short one whole', () => {
    const long = 'Қызылорда қаласы әкімдігінің ішкі саясат бөлімі қоғамдық саяси тұрақтылыққа жауапты бірден бір мемлекеттік мекеме';
    const label = sourceLabel({ title: long, meta: { region: 'Қызылорда', year: 2022 } } as never);
    expect(label).toBe('Қызылорда қаласы әкімдігінің ішкі саясат бөлімі қоғамдық саяси тұрақтылыққа жауапты… (Қызылорда, 2022)');
    expect(shownTitle(long).length).toBeLessThanOrEqual(TITLE_SHOWN);
    expect(sourceLabel({ title: 'Аким Алматы представил свое видение', meta: {} } as never)).toBe('Аким Алматы представил свое видение');
  });
});
