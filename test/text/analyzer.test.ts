import { describe, expect, it } from 'vitest';
import { analyze, Analyzer, DEFAULT_ANALYZER, isPrefixTerm } from '../../src/text/analyzer.ts';
import { Glossary } from '../../src/text/glossary.ts';
import { detectLang } from '../../src/text/lang.ts';
import { fold, foldKazakhLetters, normalize } from '../../src/text/normalize.ts';
import { stemKazakh, stemKazakhFolded } from '../../src/text/stem-kk.ts';
import { stemRussian } from '../../src/text/stem-ru.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';
import { Speller } from '../../src/text/spelling.ts';
import { met, metAcross } from '../../src/answer/quotes.ts';

const queryTerms = (q: string, glossary?: Glossary) => new QueryAnalyzer({ glossary }).analyze(q).terms;
const queryConcepts = (q: string, glossary?: Glossary) => new QueryAnalyzer({ glossary }).analyze(q).concepts;

const stems = (text: string, lang?: 'kk' | 'ru') => analyze(text, lang).filter((t) => !isPrefixTerm(t));

describe('Kazakh stemmer on real word forms', () => {
  // Forms taken from the corpus texts: each group must meet at one stem.
  const groups: string[][] = [
    ['қала', 'қаласы', 'қалада', 'қаласындағы', 'қалалар', 'қаланың'],
    ['жұмыс', 'жұмыстары', 'жұмыстарының', 'жұмысы', 'жұмыста'],
    ['саясат', 'саясаты', 'саясатының', 'саясатқа'],
    ['әкімдік', 'әкімдігі', 'әкімдігінің'],
    ['мектеп', 'мектебі', 'мектептерде', 'мектепке'],
    ['ұйым', 'ұйымдар', 'ұйымдарын', 'ұйымы'],
    ['облыс', 'облысы', 'облысының', 'облыстың'],
    ['ауыл', 'ауылдарда', 'ауылы'],
    ['партия', 'партиясына', 'партиялардың'],
    ['президент', 'президенттің', 'президентке'],
    ['тау', 'тауы', 'таулар'],
    ['биік', 'биіктік'],
    ['клуб', 'клубы', 'клубының'], // a loanword keeps its voiced final
    ['бала', 'балаға', 'балалар', 'баласы'],
    ['қара', 'қарасы'],
    // two-letter roots
    ['үй', 'үйден', 'үйге', 'үйлер', 'үйлерді', 'үйі'],
    ['ел', 'елде', 'елдің', 'елге', 'елі'],
    ['су', 'суға', 'суы'],
    ['өт', 'өтеді', 'өтетін', 'өтті', 'өткен'], // to pass, to take place
  ];
  it('keeps words that only begin like a two-letter root whole: елу (fifty), ақша (money), ойын (a game)', () => {
    expect(stemKazakh('елу')).not.toBe(stemKazakh('ел'));
    expect(stemKazakh('ақша')).toBe('ақша');
    expect(stemKazakh('ойын')).not.toBe('ой');
    expect(stemKazakh('өте')).not.toBe(stemKazakh('өтеді')); // very; takes place
  });
  it('gives a two-letter root only suffixes of its own vowel harmony, typed without Kazakh letters too', () => {
    expect(stemKazakhFolded('уйден')).toBe('уй'); // үйден
    expect(stemKazakhFolded('уйымнын')).toBe('уйым'); // ұйымның, an organisation: not үй + ым
    expect(stemKazakhFolded('анда')).toBe('анда'); // there: not ән + да
  });
  it('stems a word typed without Kazakh letters as the proper word folds («тургын» is тұрғын, not тұрғ + ың)', () => {
    for (const w of ['тұрғын', 'тұрғындары', 'үйлерді', 'ұйымдары', 'елдің']) expect(fold(stemKazakhFolded(foldKazakhLetters(w)))).toBe(fold(stemKazakh(w)));
  });
  for (const group of groups) {
    it(`«${group[0]}» and its forms share a stem`, () => {
      const set = new Set(group.map(stemKazakh));
      expect([...set], group.map((w) => `${w}→${stemKazakh(w)}`).join(' ')).toHaveLength(1);
    });
  }

  it('does not cut roots that only look like suffixes', () => {
    expect(stemKazakh('кәсіп')).toBe('кәсіп'); // not кәс + іп
    expect(stemKazakh('саясаты')).toBe('саясат'); // not саяса + ты
    expect(stemKazakh('облысы')).toBe('облыс'); // not облы + сы
    expect(stemKazakh('үй')).toBe('үй'); // too short to cut
  });

  it('gives a privative stem no prefix term, which would meet the word it negates (жұмыссыздық is not жұмыс)', () => {
    expect(analyze('жұмыссыздық', 'kk').filter(isPrefixTerm)).toEqual([]);
    expect(analyze('тәуелсіздігі', 'kk').filter(isPrefixTerm)).toEqual([]);
    expect(analyze('жұмысы', 'kk').filter(isPrefixTerm)).toHaveLength(1);
    expect(analyze('сызығы', 'kk').filter(isPrefixTerm)).toHaveLength(1); // a line: the root itself begins so
  });

  it('keeps an institution apart from its head: әкімдік (akimat) is not әкім (akim)', () => {
    expect(stemKazakh('әкімдігінің')).toBe('әкімдік');
    expect(stemKazakh('әкімдіктері')).toBe('әкімдік');
    expect(stemKazakh('әкімшілігі')).toBe('әкімшілік');
    expect(stemKazakh('министрлігі')).toBe('министрлік');
    expect(stemKazakh('әкімі')).toBe('әкім');
    expect(stemKazakh('министрінің')).toBe('министр');
    expect(stemKazakhFolded('акимдигинин')).toBe(stemKazakhFolded(foldKazakhLetters('әкімдік')));
  });

  it('keeps distinct words apart', () => {
    expect(stemKazakh('мектеп')).not.toBe(stemKazakh('мекен'));
    expect(stemKazakh('партия')).not.toBe(stemKazakh('парламент'));
    // a final а/е is the root's own unless a possessive stands before it (қала-м-а)
    expect(stemKazakh('қара')).not.toBe(stemKazakh('қар')); // black, snow
    expect(stemKazakh('бала')).not.toBe(stemKazakh('бал')); // child, honey
    expect(stemKazakh('қаламға')).toBe(stemKazakh('қаламы'));
  });

  it('keeps the privative «-сыз/-сіз», which makes a word of the opposite meaning', () => {
    expect(stemKazakh('жұмыссыздық')).not.toBe(stemKazakh('жұмыс')); // unemployment, work
    expect(stemKazakh('жұмыссыздық')).toBe(stemKazakh('жұмыссыздар'));
    expect(stemKazakh('қауіпсіздігін')).not.toBe(stemKazakh('қауіп')); // safety, danger
    expect(stemKazakh('заңсыз')).not.toBe(stemKazakh('заң')); // unlawful, law
  });
});

describe('Kazakh place names', () => {
  it('keep one stem in every case form, the Russian stem where the names are spelled alike', () => {
    for (const [forms, russian] of [[['астана', 'астанада', 'астананың'], 'астане'], [['қарағанды', 'қарағандыда'], 'караганде'], [['қызылорда', 'қызылордадағы', 'кызылорда'], 'кызылорде'], [['атырау', 'атырауда'], 'атырау']] as const) {
      const stems = new Set(forms.map((w) => fold(stemKazakh(w))));
      expect(stems).toEqual(new Set([fold(stemRussian(russian))]));
    }
    expect(stemKazakh('өскемен')).toBe(stemKazakh('өскеменде'));
    expect(stemKazakh('қарағанды')).not.toBe(stemKazakh('қар')); // not snow
  });
});

describe('Russian stemming (Snowball)', () => {
  it('conflates inflections', () => {
    expect(stemRussian('акиматами')).toBe(stemRussian('акимата'));
    expect(stemRussian('школы')).toBe(stemRussian('школе'));
  });

  it('never cuts «аким» or «ауыл» to two letters: every form shares one stem', () => {
    for (const w of ['аким', 'акима', 'акимом', 'акимы']) expect(stemRussian(w)).toBe('аким');
    expect(stemRussian('ауыл')).toBe(stemRussian('ауылы'));
    expect(stemRussian('еда')).toBe(stemRussian('еды')); // short words stem as before
  });

  it('stems every Russian form of Kazakh names Snowball splits alike (Астана, Туркестан, Казахстан and the lands in -стан, Костанай, Конаев, Отан, Талдыкорган)', () => {
    for (const forms of [['астана', 'астане', 'астаной'], ['туркестан', 'туркестане'], ['костанай', 'костаная'], ['конаев', 'конаева'], ['отан', 'отане'], ['казахстан', 'казахстане', 'казахстаном'], ['узбекистан', 'узбекистана'], ['талдыкорган', 'талдыкоргане']]) {
      expect(new Set(forms.map(stemRussian)).size).toBe(1);
    }
    expect(stemRussian('астанинский')).not.toBe(stemRussian('астана')); // only a case ending after the name
  });

  it('stems nouns in -сь alike in every case, not as a verb\'s reflexive (Беларусь, Русь)', () => {
    for (const forms of [['беларусь', 'беларуси', 'беларусью'], ['русь', 'руси']]) expect(new Set(forms.map(stemRussian)).size).toBe(1);
    expect(stemRussian('вернусь')).toBe(stemRussian('верну')); // verbs keep Snowball's reflexive
  });
});

describe('Russian surnames in a question', () => {
  const stemsOf = (question: string) => new QueryAnalyzer().analyze(question).concepts.map((c) => [...c.terms.keys()].filter((t) => !isPrefixTerm(t)));
  it('meet every form of the surname: «Токаев» the texts\' «Токаева», «Назарбаевым» their «Назарбаев»', () => {
    const [, tokayev] = stemsOf('Что сказал Токаев?');
    expect(tokayev).toEqual(expect.arrayContaining([stemRussian('токаев'), stemRussian('токаева')]));
    const [, nazarbayev] = stemsOf('Встреча с Назарбаевым');
    expect(nazarbayev).toEqual(expect.arrayContaining([stemRussian('назарбаев'), stemRussian('назарбаевым')]));
    expect(stemsOf('кто такой токаев')[0]).toContain(stemRussian('токаева')); // typed in lower case
  });
  it('leave other words as they were, but for a harmless whole word', () => {
    expect(stemsOf('Какие проблемы у жителей?')).toEqual([[stemRussian('проблемы')], [stemRussian('жителей')]]);
  });
});

describe('Russian place adjectives in a question', () => {
  const termsOf = (question: string, word: string) => [...new QueryAnalyzer().analyze(question).concepts.find((c) => c.stem === stemRussian(word))!.terms.keys()];
  it('meet the place as Kazakh texts write it: «Алатауском районе» the texts\' «Алатау ауданы», «Кызылординской» their «Қызылорда»', () => {
    expect(termsOf('Сколько школ в Алатауском районе?', 'алатауском')).toContain(analyze('Алатау', 'kk')[0]);
    expect(termsOf('Сколько школ в Кызылординской области?', 'кызылординской')).toContain(analyze('Қызылорда', 'kk')[0]);
    expect(termsOf('Какой бюджет Туркестанской области?', 'туркестанской')).toContain(stemRussian('туркестан'));
  });
  it('leave adjectives that are not names alone', () => {
    expect(termsOf('Какие городские программы есть?', 'городские').filter((t) => !isPrefixTerm(t))).toEqual([stemRussian('городские')]);
  });
});

describe('compounds written apart in a question', () => {
  const index = (words: string[]) => {
    const terms = new Set(words.flatMap((w) => analyze(w, 'kk')));
    return { has: (t: string) => terms.has(t), frequency: () => 1, speller: () => new Speller([...terms]) };
  };
  it('meet the joined word where the index holds it: «қан айналым» meets «қанайналым»', () => {
    const query = new QueryAnalyzer().analyze('Қан айналым мүшесі қандай?', 'kk', index(['қанайналым', 'жүйесі']));
    const joined = analyze('қанайналым', 'kk')[0];
    expect(query.concepts.filter((c) => c.terms.get(joined) === 1).map((c) => c.stem)).toEqual([analyze('қан', 'kk')[0], analyze('айналым', 'kk')[0]]);
  });
  it('not where it does not, nor from short words', () => {
    const query = new QueryAnalyzer().analyze('Қан айналым мүшесі қандай?', 'kk', index(['жүйесі']));
    expect(query.concepts.every((c) => c.terms.size <= 3)).toBe(true);
    const short = new QueryAnalyzer().analyze('ум ник', 'ru', { has: () => true, frequency: () => 1, speller: () => new Speller([]) });
    expect(short.concepts.some((c) => c.terms.has(analyze('умник', 'ru')[0]))).toBe(false);
  });
});

describe('Roman numerals', () => {
  it('meet however they are typed: Latin, Cyrillic І and Х, or mixed', () => {
    for (const typed of ['ХІХ ғасыр', 'XIX ғасыр', 'ХIХ ғасыр']) expect(analyze(typed, 'kk')[0]).toBe('xix');
    expect(analyze('ХV ғасыр', 'kk')[0]).toBe(analyze('XV ғасыр', 'kk')[0]);
  });
  it('only in capitals and as numerals: «их» is a word, «ХХХХ» no numeral', () => {
    expect(analyze('их дом', 'ru')).toEqual(analyze('дом', 'ru'));
    expect(analyze('ХХХХ', 'ru')[0]).not.toBe('xxxx');
  });
});

describe('normalization and folding', () => {
  it('removes stress marks but keeps й', () => {
    expect(normalize('Госуда́рство')).toBe('государство');
    expect(normalize('Сестроре́цк')).toBe('сестрорецк');
    expect(normalize('Лжедми́трий')).toBe('лжедмитрий');
    expect(normalize('Ёлка')).toBe('елка');
  });

  it('keeps a stress-marked word whole', () => {
    expect(tokenize('Сестроре́цк получил').map((t) => t.word)).toEqual(['Сестроре́цк', 'получил']);
  });

  it('turns Latin look-alikes inside Cyrillic words into Cyrillic', () => {
    expect(normalize('Бáркли')).toBe('баркли');
    expect(normalize('Теңiз')).toBe('теңіз');
  });

  it('folds Kazakh letters to their Russian spelling', () => {
    expect(fold('қызылорда')).toBe('кызылорда');
    expect(fold('көкжайлау')).toBe('кокжаилау');
    expect(fold('поэма')).toBe('поема'); // Latin spelling cannot tell э from е («poema»)
  });

  it('meets a loanword with э typed in Latin letters («Abaidyn qandai poemalary bar?»)', () => {
    const concepts = new QueryAnalyzer().analyze('Abaidyn qandai poemalary bar?').concepts.map((c) => c.stem);
    expect(concepts).toContain(analyze('поэмалары', 'kk')[0]);
  });

  it('«Кызылорда» meets «Қызылорда», «Кок-Жайлау» meets «Көк Жайлау» and «Көкжайлау»', () => {
    // in one language, the same stem; across languages the stemmers differ, but the folded prefix term is shared
    expect(stems('Кызылорда', 'kk')).toEqual(stems('Қызылорда', 'kk'));
    const prefixes = (text: string, lang: 'kk' | 'ru') => analyze(text, lang).filter(isPrefixTerm);
    expect(prefixes('Кызылорды', 'ru')).toEqual(prefixes('Қызылорда', 'kk'));
    const hyphenated = new Set(analyze('Кок-Жайлау', 'ru'));
    expect(prefixes('Көк Жайлау', 'kk').every((t) => hyphenated.has(t))).toBe(true);
    expect(hyphenated.has(stems('Көк', 'kk')[0])).toBe(true);
    expect(prefixes('Көкжайлау', 'kk').every((t) => hyphenated.has(t))).toBe(true);
  });

  it('splits hyphenated compounds and keeps the joined form', () => {
    expect(tokenize('көші-қон').map((t) => t.word)).toEqual(['көші', 'қон', 'көшіқон']);
  });

  it('reads «не» written apart from a participle as the joined word too', () => {
    const joined = analyze('незанятых', 'ru')[0];
    expect(analyze('численность не занятых граждан', 'ru')).toContain(joined);
    expect(analyze('численность занятых граждан', 'ru')).not.toContain(joined);
    expect(analyze('он не знал', 'ru')).toEqual(analyze('знал', 'ru')); // a verb: «не» stays apart
  });

  it('reads a «%» sign as the language\'s word for percent', () => {
    expect(tokenize('(60,46%)').map((t) => t.word)).toEqual(['60', '46', '%']);
    expect(analyze('составляет 5,7 %', 'ru')).toEqual([...analyze('составляет 5,7 процента', 'ru')]);
    expect(analyze('45%', 'kk')).toEqual(analyze('45 пайыз', 'kk'));
  });
});

describe('language detection', () => {
  it.each([
    ['Қызылорда қаласында қанша қоғамдық бірлестік бар?', 'kk'],
    ['Гидра немен тыныс алады?', 'kk'],
    ['Какая средняя зарплата в Наурызбайском районе?', 'ru'],
    ['Сколько проектов профинансировано по программе «Ауыл аманаты»?', 'ru'],
    ['Что такое «Іскер ана»?', 'ru'],
    ['Ертең Алматыда ауа райы қандай болады?', 'kk'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('analyzer', () => {
  it('drops stopwords and question words', () => {
    expect(stems('Какая средняя зарплата в районе?')).toEqual(stems('средняя зарплата районе'));
    expect(stems('Қандай бағдарлама бар?', 'kk')).toEqual(stems('бағдарлама', 'kk'));
    // «каков» was stemmed to «как», «қаншалықты» to «қан» (blood), «қайдан» to «қай»: concepts no answer holds
    expect(stems('Каков дефицит мест?')).toEqual(stems('дефицит мест'));
    expect(stems('Жоба қаншалықты тиімді?', 'kk')).toEqual(stems('жоба тиімді', 'kk'));
    expect(stems('Су қайдан келеді?', 'kk')).toEqual(stems('су келеді', 'kk'));
  });

  it('drops the polite imperative a request is put in («…көрсетіңіз», «Укажите …»): it asks, it is not asked about', () => {
    expect(stems('Мектептің мекенжайын көрсетіңіз.', 'kk')).toEqual(stems('мектептің мекенжайын', 'kk'));
    expect(stems('Жамбылдың ұлының есімін табыңыз.', 'kk')).toEqual(stems('жамбылдың ұлының есімін', 'kk'));
    expect(stems('Укажите адрес акимата.')).toEqual(stems('адрес акимата'));
    expect(stems('Назовите программы поддержки фермеров.')).toEqual(stems('программы поддержки фермеров'));
  });

  it('stems a quoted Kazakh name inside a Russian question as Kazakh', () => {
    expect(stems('по программе «Ауыл аманаты»')).toContain(stems('ауыл аманаты', 'kk')[1]);
  });

  it('can turn parts off for ablations', () => {
    const plain = new Analyzer({ ...DEFAULT_ANALYZER, stemming: { ...DEFAULT_ANALYZER.stemming, kk: false }, prefixLength: 0 });
    expect(plain.analyze('қаласындағы', 'kk')).toEqual(['каласындагы']);
  });
});

describe('glossary and query', () => {
  const glossary = Glossary.parse('әкімдік\tакимат\nмәслихат\tмаслихат\nмемлекет басшысы\tглава государства, президент\n');

  it('adds the other language for a question word', () => {
    const terms = queryTerms('Что решил акимат?', glossary);
    expect(terms.get(stems('әкімдік', 'kk')[0])).toBeGreaterThan(0);
    expect(terms.get(stems('акимат', 'ru')[0])).toBe(1);
  });

  it('needs every word of a phrase', () => {
    const whole = queryTerms('Мемлекет басшысы не айтты?', glossary);
    expect(whole.has(stems('президент', 'ru')[0])).toBe(true);
    const part = queryTerms('Мемлекет туралы', glossary);
    expect(part.has(stems('президент', 'ru')[0])).toBe(false);
  });

  it('meets a concept by a phrase equivalent only where the phrase stands whole', () => {
    const weather = new QueryAnalyzer({ glossary: Glossary.parse('ауа райы\tпогода\n') }).analyze('Какая погода в Алматы?').concepts.find((c) => c.stem === stems('погода', 'ru')[0])!;
    const [air, state] = stems('ауа райы', 'kk');
    expect(met(weather, new Set([air]))).toBe(0); // «ауаның сапасы» is air quality
    expect(met(weather, new Set([air, state]))).toBeGreaterThan(0);
    expect(metAcross(weather, new Set([air]))).toBe(0);
  });

  it('meets a passage in the other language by another form of the word as by the word, not as a translation', () => {
    // «уйден» typed without Kazakh letters is read both ways; its translations must not be weighed against that reading
    const house = { stem: 'уи', terms: new Map([['уи', 1], ['уиден', 1], ['дом', 0.5], ['жилищ', 0.25]]), forms: new Set(['уиден']), name: false, firstWord: false, translated: false, learned: true };
    expect(metAcross(house, new Set(['дом']))).toBe(1); // the likeliest translation counts in full
    expect(metAcross(house, new Set(['жилищ']))).toBe(0.5);
    expect(metAcross(house, new Set(['уиден']))).toBe(1);
    const { forms, ...without } = house;
    expect(forms.size).toBe(1);
    // not known for a form, a full-weight term is taken for the likeliest translation, and the real one halves
    expect(metAcross({ ...without, terms: new Map(house.terms) }, new Set(['дом']))).toBe(0.5);
  });

  it('groups each question word with its alternatives', () => {
    const concepts = queryConcepts('Что решил акимат?', glossary);
    const akimat = concepts.find((c) => c.stem === stems('акимат', 'ru')[0])!;
    expect([...akimat.terms.keys()]).toContain(stems('әкімдік', 'kk')[0]);
  });

  it('loads the shipped glossary file', () => {
    const shipped = Glossary.load();
    expect(queryTerms('Сколько школ в районе?', shipped).has(stems('мектеп', 'kk')[0])).toBe(true);
    // an official's record: «закончил» finds «окончил» and the Kazakh «бітірген»
    const graduated = queryTerms('Какой вуз закончил аким?', shipped);
    expect(graduated.has(stems('окончил', 'ru')[0])).toBe(true);
    expect(graduated.has(stems('бітірген', 'kk')[0])).toBe(true);
    // a unit of measure as texts abbreviate it: «километров» is met by «7,1 км.»
    expect(queryTerms('Сколько километров дорог построили?', shipped).has(stems('км', 'ru')[0])).toBe(true);
    expect(queryTerms('Қанша шақырым жол салынды?', shipped).has(stems('км', 'kk')[0])).toBe(true);
  });
});
