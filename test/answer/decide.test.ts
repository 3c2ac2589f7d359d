import { beforeAll, describe, expect, it } from 'vitest';
import { QueryAnalyzer, type Query } from '../../src/text/query.ts';
import { askedBy, askedKind, categoryBy, countedBy, givesLifeSpan, holdsKind, lifeAsked, namesMoney } from '../../src/answer/question.ts';
import { analyze } from '../../src/text/analyzer.ts';
import { foldKazakhLetters } from '../../src/text/normalize.ts';
import { isFocus } from '../../src/answer/quotes.ts';
import { candidates, MAX_EXCERPT, type Asking } from '../../src/answer/quotes.ts';
import { confidence, decide, FEATURES, fitLogistic, loadDeclineModel, type Features } from '../../src/answer/decline.ts';
import { buildIndex } from '../../src/index/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { Answerer } from '../../src/answer/compose.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';
import type { AnswerKind } from '../../src/lang/index.ts';

const queries = new QueryAnalyzer();
const kind = (q: string) => askedKind(queries.analyze(q));

describe('question kinds', () => {
  it.each([
    ['Сколько школ построили в Шымкенте?', 'quantity'],
    ['Шымкентте неше мектеп салынды?', 'quantity'],
    ['Түркістан облысында қанша халық тұрады?', 'quantity'],
    ['Когда открыли метро в Алматы?', 'date'],
    ['Парасат Жаңабергенов қашан туған?', 'date'],
    ['Кто аким Алматы?', 'person'],
    ['Алматы әкімі кім?', 'person'],
    ['Где построят новую школу?', 'place'],
    ['Жаңа мектеп қайда салынады?', 'place'],
    ['Какие поручения дал аким?', 'other'],
    ['Әкім қандай тапсырма берді?', 'other'],
    ['Шымкентте канша мектеп салынды?', 'quantity'],
    ['Какова численность населения Шымкента?', 'quantity'],
    ['Какой уровень безработицы в области?', 'quantity'],
    ['Облыста жұмыссыздық деңгейі қандай?', 'quantity'],
    ['Какой процент обращений решён положительно?', 'quantity'],
    ['Өтініштердің пайызы қандай?', 'quantity'],
    ['Какой бюджет программы «Ауыл аманаты»?', 'quantity'],
    ['Какая площадь парка?', 'quantity'],
    ['Бұл мектептер қай жылдары салынды?', 'date'],
    ['2019 жылы Шымкентте қанша мектеп салынды?', 'quantity'], // «жылы» after a year is not a question word
    ['В каком веке основан Туркестан?', 'date'],
    ['Как зовут акима Алматы?', 'person'],
    ['В каком районе построят школу?', 'place'],
    ['Какой город стал центром области?', 'place'],
    ['Облыс орталығы қай қала?', 'place'],
    ['Какая средняя зарплата в Алатауском районе?', 'quantity'], // pay is an amount
    ['Ауданда орташа жалақысы қандай?', 'quantity'],
    ['Какой год объявлен Годом рабочих профессий?', 'date'],
    ['2012 жыл Алматыда қандай жыл болып белгіленді?', 'other'], // «what year» asks its name, «which year» its date
    ['Бұл бағдарлама қай елде қолданылады?', 'place'],
  ])('«%s» asks for %s', (q, k) => expect(kind(q)).toBe(k));

  it('tells whether a sentence holds an answer of the kind', () => {
    expect(holdsKind('Построено 12 школ.', 'quantity')).toBe(true);
    expect(holdsKind('Школы построены.', 'quantity')).toBe(false);
    expect(holdsKind('Метро открыли в 2011 году.', 'date')).toBe(true);
    expect(holdsKind('Акимом назначен Ерболат Досаев.', 'person')).toBe(true);
    // amounts in words, old years, centuries and months
    expect(holdsKind('На данный момент вышло шесть фильмов.', 'quantity')).toBe(true);
    expect(holdsKind('«AMANAT» жиырмаға жуық партиялық жобаны үйлестіреді.', 'quantity')).toBe(true); // a ten with a case ending
    expect(holdsKind('Олар үшін бұл онда маңызды.', 'quantity')).toBe(false); // «үшін», «онда» are no numbers
    expect(holdsKind('Ауданда алты мектеп бар.', 'quantity')).toBe(true);
    expect(holdsKind('Оны бәрі көрді.', 'quantity')).toBe(false);
    expect(holdsKind('Метроны миллионнан астам жолаушы пайдаланды.', 'quantity')).toBe(true); // a round number with a case ending
    expect(holdsKind('Оның ішінде онда бір мектеп бар.', 'quantity')).toBe(false); // «оның», «онда» are not «он», ten
    expect(holdsKind('Святослав Игоревич (942 — март 972) — князь.', 'date')).toBe(true);
    expect(holdsKind('Қала ХІХ ғасырда салынды.', 'date')).toBe(true);
    expect(holdsKind('Жиын наурызда өтті.', 'date')).toBe(true);
    expect(holdsKind('Пришли 200 человек, рост 12,5%.', 'date')).toBe(false);
    // «one» before a unit of time is a duration, not an article: it answers «how long»
    expect(holdsKind('Бөлімге басшы болып келгеніңізге бір жыл бір ай болыпты.', 'quantity')).toBe(true);
    expect(holdsKind('Стройка заняла один год.', 'quantity')).toBe(true);
    expect(holdsKind('Бұл бір мәселе ғана.', 'quantity')).toBe(false);
  });

  it('knows what a «how many» question counts, or that it asks a price', () => {
    const counted = (q: string) => {
      const query = queries.analyze(q);
      const c = countedBy(query, query.concepts);
      return c && 'concepts' in c ? c.concepts.map((i) => query.concepts[i].stem) : c;
    };
    const stems = (text: string, lang: 'kk' | 'ru') => analyze(text, lang).filter((t) => !t.startsWith('~'));
    expect(counted('Сколько станций метро в Алматы?')).toEqual(stems('станций', 'ru'));
    // «how long» counts no named thing: a duration says «жыл», «год», never «уақыт», «время»
    expect(counted('Бөлімді басқарғанына қанша уақыт болды?')).toBeNull();
    expect(counted('Сколько времени займёт стройка?')).toBeNull();
    expect(counted('Сколько анимационных фильмов вышло?')).toEqual(stems('анимационных фильмов', 'ru'));
    expect(counted('Сколько жителей Алматы написали комментарии?')).toEqual(stems('жителей Алматы', 'ru')); // «алматинцев» will do
    // in lower case, the name is known as one from the passages (truecased concepts)
    const lower = queries.analyze('сколько жителей алматы написали комментарии?');
    const named = lower.concepts.map((c) => (c.stem === stems('Алматы', 'ru')[0] ? { ...c, name: true } : c));
    const found = countedBy(lower, named);
    expect(found && 'concepts' in found ? found.concepts.map((i) => named[i].stem) : found).toEqual(stems('жителей Алматы', 'ru'));
    expect(counted('сколько жителей алматы написали комментарии?')).toEqual(stems('жителей', 'ru')); // not known as a name: only the counted word
    expect(counted('Қызылорда қаласында қанша мектеп бар?')).toEqual(stems('мектеп', 'kk'));
    expect(counted('Қызылордада неше діни бірлестік бар?')).toEqual(stems('діни бірлестік', 'kk')); // a describing word, then the noun
    expect(counted('Мектепте канша мугалим бар?')).toEqual(stems('мұғалім', 'kk')); // typed without Kazakh letters
    expect(counted('Мектептин багасы канша?')).toEqual({ money: true });
    expect(counted('Кызылордада канша ауылдык округ бар?')).toEqual(stems('ауылдық округ', 'kk').map(foldKazakhLetters));
    // a level, share or rate: what it measures
    expect(counted('Какой уровень безработицы в области?')).toEqual(stems('безработицы', 'ru'));
    expect(counted('Облыста жұмыссыздық деңгейі қандай?')).toEqual(stems('жұмыссыздық', 'kk'));
    expect(counted('Под какой процент акимат даст кредит?')).toBeNull(); // «акимат» is the subject, not what is measured
    // pay measures itself
    expect(counted('Какая средняя зарплата в районе?')).toEqual(stems('зарплата', 'ru'));
    expect(counted('Ауданда орташа жалақы қанша?')).toEqual(stems('жалақы', 'kk'));
    // Kazakh asks the amount last, after what it measures
    expect(counted('Алматы метросының ұзындығы қанша?')).toEqual(stems('метросының', 'kk'));
    expect(counted('Қалада мектептер саны қанша?')).toEqual(stems('мектептер', 'kk'));
    expect(counted('Сколько стоит проезд в метро?')).toEqual({ money: true });
    expect(counted('Мектептің бағасы қанша?')).toEqual({ money: true });
    expect(counted('Оған қанша ақша жұмсалды?')).toEqual({ money: true }); // a sum: texts name its currency, not «ақша»
    expect(counted('Сколько денег выделили на ремонт?')).toEqual({ money: true });
    expect(counted('Сколько налогов поступило в бюджет?')).toEqual({ money: true }); // taxes, investments: a sum
    expect(counted('Бюджетке қанша салық түсті?')).toEqual({ money: true });
    expect(counted('Какой бюджет у программы?')).toEqual({ money: true });
    expect(counted('Сколько школ построят за счёт бюджета?')).toEqual(stems('школ', 'ru')); // a budget named, not asked
    expect(counted('Сколько получают учителя?')).toBeNull(); // a verb: nothing named is counted
    expect(counted('Сколько раз он был чемпионом?')).toBeNull(); // answered «дважды»
    expect(namesMoney('Проезд стоит 80 тенге.')).toBe(true);
    expect(namesMoney('Жол ақысы – 80 теңге.')).toBe(true);
    expect(namesMoney('Метро ашылғалы бері миллионнан астам жолаушы.')).toBe(false);
  });

  it('takes words for now (сегодня, завтра, ертең, биыл) as saying when, not what is asked', () => {
    const focus = (q: string) => queries.analyze(q).concepts.filter(isFocus).map((c) => c.stem);
    expect(focus('Какая погода будет завтра?')).toEqual(analyze('погода', 'ru').filter((t) => !t.startsWith('~')));
    expect(focus('Ертең ауа райы қандай?')).toEqual(analyze('ауа райы', 'kk').filter((t) => !t.startsWith('~')));
    expect(focus('Биыл қанша мектеп салынады?')).not.toContain(analyze('биыл', 'kk')[0]);
    expect(focus('Что будет завтра?')).toEqual([]); // nothing asked but when
  });

  it('knows a question about being born or dying, and a life span in brackets that answers it', () => {
    const life = (q: string) => {
      const query = queries.analyze(q);
      return lifeAsked(query.concepts, isFocus, askedBy(query).kind, query.lang).concepts.length > 0;
    };
    expect(life('Когда родился Джеймс Стюарт?')).toBe(true);
    expect(life('Когда умер Владимир Арсеньев?')).toBe(true);
    expect(life('Абай қашан туған?')).toBe(true);
    expect(life('Когда открыли метро в Алматы?')).toBe(false);
    expect(life('Когда родился первый ребёнок в семье Стюарт?')).toBe(false); // asks about more than a birth
    expect(life('Когда жил Аристотель?')).toBe(true);
    expect(life('Ұйғыр қағанаты қай жылдары өмір сүрді?')).toBe(false); // asks of the khaganate too…
    const dates = (q: string) => {
      const query = queries.analyze(q);
      return lifeAsked(query.concepts, isFocus, askedBy(query).kind, query.lang).dates;
    };
    expect(dates('Ұйғыр қағанаты қай жылдары өмір сүрді?')).toBe(true); // …but its years are a life span's
    expect(dates('Когда Прокудин-Горский сделал первую цветную фотографию?')).toBe(false);
    expect(dates('Где родился Прокудин-Горский?')).toBe(true); // not a «когда»
    expect(givesLifeSpan('Джеймс Стюарт (English: James Stuart; 6 февраля 1833, округ Патрик — 12 мая 1864, Ричмонд) — генерал.', 'ru')).toBe(true);
    expect(givesLifeSpan('Сергей Прокудин-Горский (18 (30) августа 1863, Фуникова Гора — 27 сентября 1944, Париж) — фотограф.', 'ru')).toBe(true);
    expect(givesLifeSpan('Владимир Арсеньев (Санкт-Петербург — 4 сентября 1930, Владивосток) — путешественник.', 'ru')).toBe(true);
    expect(givesLifeSpan('Бакытжан Сагинтаев (род. 1963) — аким Алматы.', 'ru')).toBe(true);
    expect(givesLifeSpan('Абай Құнанбайұлы (1845 — 1904) — ақын.', 'kk')).toBe(true);
    expect(givesLifeSpan('Город основан в 1854 году (см. ниже) — крупный центр.', 'ru')).toBe(false);
    expect(givesLifeSpan('Қала 1854 жылы (кейбір деректер бойынша) салынды.', 'kk')).toBe(false);
  });
});

describe('sentence selection', () => {
  /** the quote candidates of one passage, best first */
  const one = (question: string, text: string, title = 't') => {
    const q = queries.analyze(question);
    const weighted = { concepts: q.concepts, weights: q.concepts.map(() => 1) };
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title, lang: 'ru' as const, meta: {}, hash: '', chunks: [] };
    return candidates(weighted, [{ chunk, doc, score: 1 } as never], 'ru', kind(question), { life: lifeAsked(q.concepts, isFocus, kind(question), q.lang) });
  };
  /** the quote candidates of one Russian passage for a question of the given kind, with what `asking` reads from the question */
  const scored = (question: string, text: string, asked: AnswerKind, asking: (q: Query) => Asking = () => ({})) => {
    const q = queries.analyze(question);
    const weighted = { concepts: q.concepts, weights: q.concepts.map(() => 1) };
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title: 't', lang: 'ru' as const, meta: {}, hash: '', chunks: [] };
    return candidates(weighted, [{ chunk, doc, score: 1 } as never], 'ru', asked, asking(q));
  };
  const counting = (q: Query) => ({ counted: countedBy(q, q.concepts) });

  it('prefers, within a passage, the sentence holding the asked-for number', () => {
    const text = 'В районе построили новые школы, и родители довольны. В районе построили 12 школ за год. Дороги ремонтируют.';
    const [best] = one('Сколько школ построили в районе?', text);
    expect(best.holdsKind).toBe(true);
    expect(text.slice(best.span.start, best.span.end)).toContain('12 школ');
  });

  it('does not take a number that counts something else it names as a count of the asked thing', () => {
    const counts = (question: string, text: string) => scored(question, text, 'quantity', counting)[0].counted;
    const question = 'Сколько школ в городе?';
    expect(counts(question, 'В спортивных школах города прошло 37 встреч с жителями.')).toBe(0); // meetings
    expect(counts(question, 'В 2019 году в городе открыли новые школы.')).toBe(0); // a year
    expect(counts(question, 'Дефицит мест в школах города существенный - 70 тысяч.')).toBe(1); // counts nothing named
    expect(counts(question, 'В городе 120 новых школ.')).toBe(1);
    expect(counts(question, 'В спортивных школах города прошло шесть встреч.')).toBe(0); // a number in words, of meetings
    expect(counts(question, 'В городе шесть новых школ.')).toBe(1);
    expect(counts('Сколько членов партии в городе?', 'В городе более 800 тысяч человек, членов партии.')).toBe(1); // a counter of people
    expect(counts('Сколько библиотек в районе?', 'Библиотечная система района (библиотеки - 15 ед.).')).toBe(1); // «ед.», as documents write it
    expect(counts('Сколько безработных в районе?', 'За год признано безработными 484 чел. (годом ранее 516 чел.).')).toBe(1); // «чел.» too
    // people are counted by any word naming people
    expect(counts('Сколько человек ждут жильё в очереди?', 'В очереди на жильё стоят более 10 тысяч граждан.')).toBe(1);
    expect(counts('Сколько человек ждут жильё в очереди?', 'В очереди на жильё стоят 120 семей.')).toBe(0); // families
    expect(counts('Сколько мигрантов в районе?', 'Доля жителей района, не испытывающих негативного отношения к мигрантам, составит 63%.')).toBe(0); // a share
    // another kind of the counted thing, as the question describes it
    expect(counts('Сколько частных школ в городе?', 'Из них государственных школ в городе 301.')).toBe(0);
    expect(counts('Сколько частных школ в городе?', 'Частных школ в городе 12.')).toBe(1);
    expect(counts('Сколько частных школ в городе?', 'В городе 12 школ.')).toBe(1); // the number right before: it may count them all
  });

  it('knows the kind of thing a «какой / қандай» question asks, past a describing word, and prefers a sentence naming it', () => {
    const category = (question: string) => {
      const q = queries.analyze(question);
      const i = categoryBy(q, q.concepts);
      return i === null ? null : q.concepts[i].stem;
    };
    expect(category('Какой клуб есть при управлении?')).toBe(analyze('клуб', 'ru')[0]);
    expect(category('Какие партийные проекты вышли на общенациональный уровень?')).toBe(analyze('проекты', 'ru')[0]);
    expect(category('Какое значение слова «карбюрация»?')).toBe(analyze('значение', 'ru')[0]); // a noun in -ие
    expect(category('Алматыда қандай кешен салынбақ?')).toBe(analyze('кешен', 'kk')[0]);
    expect(category('Алматының бюджеті қандай?')).toBeNull(); // nothing after it
    const question = 'Какой клуб есть при управлении политики?';
    const text = 'Управление политики проводит встречи с партиями и управление политики ведёт работу. При управлении есть клуб «Саяси партиялар».';
    const q = queries.analyze(question);
    const weighted = { concepts: q.concepts, weights: q.concepts.map(() => 1) };
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title: 't', lang: 'ru' as const, meta: {}, hash: '', chunks: [] };
    const pick = (c: number | null) => {
      const [best] = candidates(weighted, [{ chunk, doc, score: 1 } as never], 'ru', 'other', { category: c });
      return text.slice(best.sentence.start, best.sentence.end);
    };
    expect(pick(categoryBy(q, q.concepts))).toContain('клуб');
    expect(pick(null)).not.toContain('клуб'); // without it, the sentence meeting more of the question's words wins
  });

  it('sets in bold, for «which X», the sentence naming an X by a title in quotes the question lacks', () => {
    const text = 'Клуб при управлении политики работает второй год, и в клуб приходят многие. При управлении есть клуб «Саяси партиялар».';
    const [best] = scored('Какой клуб работает при управлении политики?', text, 'other', (q) => ({ category: categoryBy(q, q.concepts) }));
    expect(text.slice(best.span.start, best.span.end)).toBe(text); // one quote holds both sentences
    expect(text.slice(best.sentence.start, best.sentence.end)).toContain('«Саяси партиялар»');
  });

  it('takes a question in the text (an interviewer\'s) for no answer of the asked kind', () => {
    const text = 'Сколько школ построили в районе за 2019 год? В районе за год построили 12 школ.';
    const [best] = scored('Сколько школ построили в районе?', text, 'quantity', counting);
    expect(text.slice(best.sentence.start, best.sentence.end)).toContain('12 школ');
    // its only number is in the interviewer's question
    const asked = 'Сколько школ построили в районе за 2019 год? Об этом рассказали в районе.';
    expect(scored('Сколько школ построили в районе?', asked, 'quantity').some((c) => c.holdsKind)).toBe(false);
  });

  it('quotes, for «which X» where X is a thing titles name, the sentence naming one by its title', () => {
    const filler = ' Встречи проходят каждую неделю, на них обсуждают работу районов и планы на год.'.repeat(10);
    const text = `Клуб при управлении политики работает второй год, и в клуб приходят многие.${filler} При управлении политики работает клуб «Саяси партиялар».`;
    const quoted = (question: string) => {
      const [best] = scored(question, text, 'other', (q) => ({ category: categoryBy(q, q.concepts) }));
      return text.slice(best.span.start, best.span.end);
    };
    expect(quoted('Какой клуб работает при управлении политики?')).toContain('«Саяси партиялар»');
  });

  it('meets a quoted title whole or not at all, and a title no passage writes whole not at all', () => {
    const titleOf = (question: string) => queries.analyze(question).concepts.map((c) => c.title);
    expect(titleOf('Сколько стоит проект «Жер аманаты»?').filter((t) => t !== undefined)).toEqual([0, 0]);
    expect(titleOf('Что такое «Казахизация»?').every((t) => t === undefined)).toBe(true); // one word: a name like any other
    // a word said outside the title too is the question's own word
    expect(titleOf('Какой проект, кроме «Новый проект», финансируют?').filter((t) => t !== undefined)).toEqual([0]);
    const met = (question: string, text: string, typed = false) => Math.max(...scored(question, text, 'quantity', (q) => ({ ...counting(q), typed })).map((c) => c.namesCoverage));
    const question = 'Сколько денег получил проект «Жер аманаты»?';
    const both = 'Проект «Жер аманаты» вернул земли. По проекту «Ауыл аманаты» выдано 2,3 млрд тенге.';
    expect(met(question, both)).toBe(1); // the first sentence writes it whole
    // «Ауыл аманаты» is another project: it meets nothing of the title, and so no name of the question
    expect(met(question, 'По проекту «Ауыл аманаты» выдано 2,3 млрд тенге.')).toBe(0);
    // typed, a question may spell the title otherwise than the texts: a title no passage writes whole is left alone
    expect(met(question, 'По проекту «Ауыл аманаты» выдано 2,3 млрд тенге.', true)).toBeGreaterThan(0);
    // a number of the counted thing stands with the title, or it does not count for it
    const counts = (text: string) => scored('Сколько человек обучили по проекту «Жер аманаты»?', text, 'quantity', counting).filter((c) => c.counted > 0 && c.kindNear).map((c) => c.countsTitled);
    expect(counts('По проекту «Жер аманаты» обучили 120 человек.')).toContain(true);
    expect(counts('По проекту «Ауыл аманаты» обучили 120 человек. Проект «Жер аманаты» вернул земли.')).not.toContain(true);
  });

  it('does not carry the number of the sentence before into one that only adds a detail («Кроме того…»)', () => {
    // one candidate per sentence: the first holds the number, the second leans on the first
    const near = (text: string) => scored('Сколько школ открыли в городе?', text, 'quantity', counting).map((c) => c.kindNear).sort();
    expect(near('Бюджет вырос на 7 процентов. Кроме того, в городе открыли школы.')).toEqual([false, true]);
    expect(near('В городе 12 новых школ. Их открыли в городе за год.')).toEqual([true, true]); // refers back: the number is theirs
  });

  it('takes a number or date in a sentence that continues the one before («Причём…») as said of it', () => {
    const text = 'Акимы районов должны предоставить главе города четкий план действий. Причём срок указан конкретный - до 1 августа. Контроль строгий.';
    const first = one('До какого числа акимы районов должны представить план действий?', text).find((c) => c.span.start === 0)!;
    expect(first.holdsKind).toBe(false);
    expect(first.kindNear).toBe(true);
  });

  it('sets in bold the quote\'s sentence holding the asked kind, one pointing back taking the names before it', () => {
    const text = 'Ұлы Карл және оның империясы туралы. Ол 768-814 жылдары билік құрды. Карл ұзын бойлы болған.';
    const [best] = one('Ұлы Карл франктарды қай жылдары билеген?', text);
    expect(text.slice(best.span.start, best.span.end)).toContain('768-814');
    expect(text.slice(best.sentence.start, best.sentence.end)).toBe('Ол 768-814 жылдары билік құрды.');
  });

  it('sets in bold, for «who», the sentence naming the person a sentence pointing back speaks of', () => {
    const text = 'Автор романа — Габит Мусрепов. Он написал пьесу «Амангельды» в 1939 году и оперу «Кыз Жибек».';
    const [best] = one('Кто написал пьесу «Амангельды»?', text);
    expect(text.slice(best.span.start, best.span.end)).toContain('Мусрепов');
    expect(text.slice(best.sentence.start, best.sentence.end)).toBe('Автор романа — Габит Мусрепов.');
  });

  it('takes «who» and «where» as answered by a name the question does not hold', () => {
    const text = 'Строительство курорта Кокжайляу в горах запретили. Курорт в горах построит компания Bayterek.';
    const cands = one('Кто построит курорт Кокжайляу?', text);
    expect(cands.map((c) => c.holdsKind).sort()).toEqual([false, true]); // «Кокжайляу» is the question's own name
    expect(text.slice(cands[0].sentence.start, cands[0].sentence.end)).toContain('Bayterek');
  });

  it('takes a life span in brackets as saying when someone was born', () => {
    const text = 'В 1854 году Стюарт окончил Вест-Пойнт и служил в кавалерии. Джеймс Стюарт (6 февраля 1833, Патрик — 12 мая 1864, Ричмонд) — американский генерал.';
    const [best, other] = one('Когда родился Джеймс Стюарт?', text);
    expect(best.focusCoverage).toBe(1);
    expect(other.focusCoverage).toBe(0); // «окончил» in 1854 says nothing of his birth
  });

  it('does not take the years of a life span as answering another «когда»', () => {
    const text = 'Сергей Прокудин-Горский (18 (30) августа 1863, Фуникова Гора — 27 сентября 1944, Париж) — пионер цветной фотографии в России. Первую цветную фотографию он сделал в 1902 году.';
    const asked = one('Когда Прокудин-Горский сделал первую цветную фотографию?', text);
    expect(asked.filter((c) => c.holdsKind)).toHaveLength(1); // the sentence saying 1902
    expect(one('Когда родился Прокудин-Горский?', text).every((c) => c.holdsKind)).toBe(true);
    const alone = one('Когда Прокудин-Горский сделал первую цветную фотографию?', text.slice(0, text.indexOf(' Первую')));
    expect(alone[0].holdsKind).toBe(false);
  });

  it('measures what a sentence cut at the excerpt\'s length meets in its shown part', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `пункт ${i + 1}`).join(', ');
    const text = `Америго Веспуччи в 1499 году отплыл к берегам Америки, ${filler}, и вернулся в Кадис.`;
    expect(text.length).toBeGreaterThan(MAX_EXCERPT);
    const [shown] = one('Когда Веспуччи отплыл в Америку?', text);
    expect(shown.quoteCoverage).toBe(1); // it had counted nothing of a sentence it cut
    const [hidden] = one('Когда Веспуччи вернулся в Кадис?', text);
    expect(hidden.quoteCoverage).toBeLessThan(hidden.sentenceCoverage); // «Кадис» is past the cut
  });

  it('measures what the whole quote meets, not only its sentence', () => {
    // the name is in one sentence, the asked fact («построили») in the next: the quote holds both
    const [best] = one('Когда построили мост через Ишим?', 'Мост через Ишим соединяет два района. Его построили в 2015 году.');
    expect(best.quoteCoverage).toBeGreaterThan(best.sentenceCoverage);
    expect(best.quoteFocus).toBe(1);
  });

  it('counts the document\'s title as met by each of its sentences', () => {
    const text = 'В 1978 году окончил филологический факультет. Работал журналистом.';
    const [under] = one('Что окончил Киселёв?', text, 'Киселёв, Дмитрий');
    const [elsewhere] = one('Что окончил Киселёв?', text, 'Журналисты');
    expect(under.sentenceCoverage).toBe(1);
    expect(elsewhere.sentenceCoverage).toBeLessThan(1);
  });

  it('counts the question\'s neighbouring words that stand together in a sentence («главная площадь»)', () => {
    const question = 'Как называется главная площадь Липецка?';
    const together = one(question, 'Главная площадь Липецка называется Соборной.')[0];
    const apart = one(question, 'Площадь парка в Липецке велика, а главная улица длинная.')[0];
    expect(together.pairs).toBe(1);
    expect(apart.pairs).toBeLessThan(together.pairs);
  });
});

describe('the decline model', () => {
  const model = loadDeclineModel();

  it('ships a weight for every feature, a threshold in 0..1 and how it was fitted', () => {
    for (const f of FEATURES) expect(typeof model.weights[f]).toBe('number');
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.about?.heldOut).toBeDefined();
  });

  it('is more confident when the question is met than when it is not', () => {
    const none = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
    // every measure of how well the question is met at its best (for a question that asks for no number or date)
    const metWell: Features = { ...none, passage: 1, sentence: 1, focus: 1, bestSentence: 1, bestFocus: 1, strictSentence: 1, rarest: 1, quote: 1, quoteFocus: 1, joint: 1, pairs: 1, kindSentence: 1, kindNames: 1, says: 1, margin: 0.5 };
    const unknownWords: Features = { ...none, unknown: 1 };
    expect(confidence(model, metWell)).toBeGreaterThan(model.threshold);
    expect(confidence(model, unknownWords)).toBeLessThan(model.threshold);
  });

  it('keeps its floors whatever the confidence: focus words met, for amounts and dates a number beside the subject, for a post its holder', () => {
    const none = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
    const met: Features = { ...none, bestFocus: 1, kindSentence: 1, kindNames: 1, counted: 1, yearFocus: 1, holder: 1 };
    expect(decide(model, met, 'quantity', 0).answer).toBe(true);
    expect(decide(model, { ...met, bestFocus: 0.1 }, 'other', 0).answer).toBe(false);
    expect(decide(model, { ...met, kindSentence: 0.1 }, 'quantity', 0).answer).toBe(false);
    expect(decide(model, { ...met, kindNames: 0 }, 'date', 0).answer).toBe(false);
    expect(decide(model, { ...met, counted: 0 }, 'quantity', 0).answer).toBe(false); // a number of something else
    expect(decide(model, { ...met, yearFocus: 0.2 }, 'quantity', 0).answer).toBe(false); // the asked year's number is of something else
    expect(decide(model, { ...met, kindNames: 0 }, 'person', 0).answer).toBe(true); // «holds a name» is too loose to floor
    expect(decide(model, met, 'quantity', 0, true).answer).toBe(false); // a place the index has never seen
    expect(decide(model, { ...met, holder: 0 }, 'person', 0).answer).toBe(false); // a post asked, and nobody named beside it
  });

  it('fits a logistic regression that separates separable cases', () => {
    const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
    const rows = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9].map((x) => ({ f: { ...zero, passage: x }, y: x > 0.5 ? 1 : 0 }));
    const fitted = fitLogistic(rows);
    expect(confidence({ ...fitted, threshold: 0.5 }, { ...zero, passage: 0.9 })).toBeGreaterThan(0.5);
    expect(confidence({ ...fitted, threshold: 0.5 }, { ...zero, passage: 0.1 })).toBeLessThan(0.5);
  });

  describe('on the fixture corpus', () => {
    let answerer: Answerer;
    beforeAll(async () => {
      const dir = await tempDir();
      await buildIndex({ corpus: CORPUS, indexDir: dir, embedder: null });
      answerer = new Answerer(await SearchEngine.open(dir, null));
    });

    it.each([
      'Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?',
      'Сколько жителей Алматы написали комментарии на страницах акима в соцсетях?',
      'сколько нко в кызылорде', // the glossary: НКО, НПО are «үкіметтік емес ұйым»
    ])('answers «%s»', async (q) => expect((await answerer.ask(q)).answered).toBe(true));

    it.each([
      'Какой курс доллара сегодня?',
      'Ертең Алматыда ауа райы қандай болады?',
      'Какая погода в Туркестане?',
      'Какая погода в Алматы?', // «ауа» of «ауа райы» (weather) alone is air: «ауаның сапасы»
    ])('declines «%s»: its focus words are not met, only names at most', async (q) => {
      const a = await answerer.ask(q);
      expect(a.answered).toBe(false);
      expect(a.citations).toEqual([]);
    });

    it.each([
      'Сколько станций метро в Алматы?',
      'Парасат Жаңабергенов қай жылы туған?',
      'Сколько получают в Алатауском районе?', // the salaries quoted are other districts'
      'Сколько стоит проезд в метро Алматы?', // numbers of passengers, no price
      'Алматыда қанша полиция қызметкері жұмыс істейді?', // numbers of other things
      'Сколько денег выделено на проект «Таза бейсенбі»?', // the sum quoted went to other projects
      'Какой бюджет у филиала партии AMANAT в Туркестанской области?', // a number of letters, no sum
      'Қызылорда қаласында қанша мектеп бар?', // «спорттық мектептерде 37 кездесу» counts meetings
    ])('declines «%s»: no sentence about it holds a number or a year', async (q) => {
      const a = await answerer.ask(q);
      expect(a.answered).toBe(false);
    });

    it('answers «how many» from the sentence that counts the asked thing, a number in words with a case ending too', async () => {
      const a = await answerer.ask('Сколько пассажиров воспользовались метро Алматы с момента открытия?');
      expect(a.answered).toBe(true);
      expect(a.citations.some((c) => c.excerpt.includes('миллионнан астам жолаушы'))).toBe(true);
    });

    it('sets in bold the sentence whose number counts the asked thing, not one with a number beside its word', async () => {
      const a = await answerer.ask('Сколько школ построят в Алматы?');
      const [first] = a.citations;
      expect(first.excerpt.slice(first.highlight!.start, first.highlight!.end)).toContain('500 школ'); // not «дефицит мест в школах … 70 тысяч»
    });

    it('answers «how much money» from the sentence naming a sum in its currency for the asked thing', async () => {
      const a = await answerer.ask('Үкіметтік емес ұйымдардың жобаларына қалалық бюджеттен қанша ақша бөлінді?');
      expect(a.answered).toBe(true);
      expect(a.citations[0].excerpt).toContain('теңге');
    });

    it('answers whatever it finds when ANSWER_MIN_CONFIDENCE is 0, and nothing at 1', async () => {
      expect((await answerer.ask('Какой курс доллара сегодня?', { minConfidence: 0 })).answered).toBe(true);
      expect((await answerer.ask('Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?', { minConfidence: 1 })).answered).toBe(false);
    });
  });
});
