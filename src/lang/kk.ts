// Kazakh.
import { stemKazakh, stemKazakhFolded } from '../text/stem-kk.ts';
import { foldKazakhLetters } from '../text/normalize.ts';
import { LIFE_SPAN, type LanguagePack } from './types.ts';

const FUNCTION_WORDS = [
  'және', 'мен', 'бен', 'пен', 'бұл', 'осы', 'үшін', 'деп', 'да', 'де', 'та', 'те', 'бар', 'жоқ', 'емес', 'қандай',
  'неше', 'қанша', 'қалай', 'не', 'кім', 'қай', 'қайда', 'қашан', 'неге', 'ме', 'ма', 'ба', 'бе', 'па', 'пе', 'туралы',
  'болады', 'болды', 'жылы', 'дейін', 'кейін', 'арқылы', 'бойынша', 'сол', 'ол', 'біз', 'сіз', 'олар', 'жаңа', 'ең',
  'немен', 'нені', 'неден', 'кімнің', 'деген', 'дегеніміз', 'аталады', 'ал', 'бірақ', 'немесе', 'қайсы', 'нешінші',
  'нешеу', 'қаншалықты', 'қашаннан', 'кімге', 'кімді', 'кімдер', 'кімнен', 'қайдан', 'нелер', 'неліктен', 'қайсысы',
];

// A describing word before a noun: «-лық / -лік» (үкіметтік, ауылдық), «-и» (діни, саяси, ғылыми), typed without
// Kazakh letters too («ауылдык»); not underived ones («қандай жаңа жобалар»: жаңа)
const DESCRIBING = /(?:[лдт][ыіи][қк]|и)$/;

// Typed without Kazakh letters these read as Russian words too (не, да, те, а …): no evidence either way.
const AMBIGUOUS_TYPED = new Set(['не', 'да', 'де', 'та', 'те', 'ме', 'ма', 'ба', 'бе', 'па', 'пе', 'ал', 'бар', 'ол', 'сол', 'мен']);

// The 2021 official Latin alphabet and the informal ASCII people type, to Cyrillic; letters the index folds
// anyway (ә/а, қ/к, ү/ұ/у, і/и …) go straight to their folded form. Digraphs first.
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/sh/g, 'ш'], [/ch/g, 'ч'], [/zh/g, 'ж'], [/gh/g, 'г'], [/kh/g, 'х'], [/ts/g, 'ц'], [/ya/g, 'я'], [/yu/g, 'ю'], [/yo/g, 'е'],
];
const LATIN: Record<string, string> = {
  a: 'а', ä: 'а', b: 'б', c: 'ц', ç: 'ч', d: 'д', e: 'е', f: 'ф', g: 'г', ğ: 'г', h: 'х', i: 'и', ı: 'и', İ: 'и', j: 'ж',
  k: 'к', l: 'л', m: 'м', n: 'н', ñ: 'н', o: 'о', ö: 'о', p: 'п', q: 'к', r: 'р', s: 'с', ş: 'ш', t: 'т', u: 'у',
  ū: 'у', ü: 'у', v: 'в', w: 'у', x: 'х', y: 'ы', z: 'з', 'á': 'а', 'ó': 'о', 'ú': 'у', 'ý': 'у', 'ń': 'н', 'ǵ': 'г',
};

// i after a vowel is й unless a full vowel follows («qalai», «oiyn» → «ойын», «uiden» → «үйден»); informal y after
// a, e, o likewise («qalay»), but not after u, which is the consonant у there («auyl» → «ауыл»)
const GLIDE_I = /([аеоуэы])и(?![аеоуэ])/g;
const GLIDE_Y = /([аеоэ])ы(?![аеоуэыи])/g;

function fromLatin(text: string): string {
  return text.replace(/[\p{Script=Latin}]+/gu, (word) => {
    // a word in capitals is a name or an acronym written so in Cyrillic texts too (AMANAT, EXPO)
    if (word.length > 1 && word === word.toUpperCase()) return word;
    let w = word.toLowerCase();
    for (const [re, cyr] of LATIN_DIGRAPHS) w = w.replace(re, cyr);
    const out = [...w].map((c) => LATIN[c] ?? c).join('').replace(GLIDE_I, '$1й').replace(GLIDE_Y, '$1й');
    // keep a capital: it tells names from other words
    return /^\p{Lu}/u.test(word) ? out[0].toUpperCase() + out.slice(1) : out;
  });
}

export const kk: LanguagePack = {
  code: 'kk',
  ownLetters: /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g,
  ownLettersMarkWords: true,
  functionWords: new Set(FUNCTION_WORDS),
  endings: /(?:ады|еді|йды|йді|лары|лері|дары|дері|тары|тері|ының|інің|дың|дің|тың|тің|ды|ді|ты|ті|лар|дар|тар|ндағы|нда)$/,
  stem: stemKazakh,
  stopwordsFile: 'stopwords-kk.txt',
  followUp: {
    openers: ['ал', 'және', 'ендеше', 'енді', 'тағы'],
    closers: ['ше'],
    references: ['ол', 'оның', 'оған', 'онда', 'одан', 'олар', 'олардың', 'оларға', 'сол', 'соның', 'сонда', 'солар', 'бұл', 'бұның', 'мұның', 'осы', 'осының', 'толығырақ', 'тағы', 'кейін'],
  },
  // the tens take case endings too («жиырмаға жуық», «отыздан астам»); not «он», «үш», «жүз» with them: «онда»,
  // «үшін», «жүзі» are other words
  oneSpan: /(?<![\p{L}])бір\s+(?:жыл|ай|апта|күн|сағат)/u,
  numberWord: /^(?:(?:екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан|жүз|мың|миллион|миллиард|екеу|үшеу|төртеу|бесеу|алтау|жетеу)|(?:мың|миллион|миллиард)(?:нан|нен|ға|ге|қа|ке|да|де|ның|нің|ды|ді|ы|і|дай|дей)|(?:жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен|тоқсан)(?:нан|дан|ден|тан|ға|ге|қа|ке|да|де|та|ның|дың|дің|тың|ды|ді|ты|дай|дей|тай|ғы|гі|сы|ы|і)?)$/,
  monthWord: /^(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)(?:да|та|дың|тың|ға|қа|ның|нан|дан|тан|ы|і)?$/,
  continues: ['бұл', 'осы', 'ол', 'олар', 'сол', 'мұның', 'оның', 'соның', 'оның ішінде', 'соның ішінде', 'атап айтқанда', 'сонымен қатар', 'олардың ішінде'],
  elaborates: ['оның ішінде', 'соның ішінде', 'атап айтқанда', 'сонымен қатар', 'олардың ішінде'],
  life: {
    words: ['туған', 'туды', 'туылған', 'дүниеге келген', 'дүниеге келді', 'қайтыс болған', 'қайтыс болды', 'дүние салған', 'дүние салды', 'қаза тапқан', 'қаза тапты', 'өмір сүрген', 'өмір сүрді'],
    span: new RegExp(`${LIFE_SPAN}|\\([^()]*\\d{4}[^()]*(?:ж\\.\\s?т\\.|жылы туған)`),
  },
  citiesNamingRegions: ['Алматы', 'Ақтөбе', 'Атырау', 'Қарағанды', 'Қостанай', 'Қызылорда', 'Павлодар', 'Түркістан'],
  units: {
    region: ['облыс', 'облыстық'],
    city: ['қала', 'қалалық'],
    district: ['аудан', 'аудандық', 'ауданы'],
    village: ['ауыл', 'ауылдық', 'кент'],
  },
  counting: {
    after: ['қанша', 'неше'],
    notCounted: ['рет', 'мәрте', 'есе', 'уақыт', 'уақытта', 'уақыттан'],
    // each also as typed without Kazakh letters («тартады», «салынган»; «ауылдык»)
    verb: /(?:ады|ед[іи]|йд[ыіи]|[ғқгк][ае]н)$/,
    modifier: DESCRIBING,
    money: ['тұрады', 'бағасы', 'бағасын', 'құны', 'құнын', 'тариф', 'ақша', 'ақшасы', 'қаражат', 'қаржы', 'салық', 'салығы', 'салықтан', 'инвестиция', 'инвестициясы', 'бюджеті қанша', 'қанша бюджет', 'сомасы қанша', 'қанша сома'],
    scales: ['мың', 'миллион', 'млн', 'миллиард', 'млрд', 'триллион', 'трлн', 'астам', 'аса', 'шамасы', 'шамамен', 'жуық', 'жуығы', 'дейін'],
    counters: ['адам', 'кісі', 'дана', 'бірлік'],
    people: ['адам', 'кісі', 'азамат'],
    // and a size or count of a thing («метросының ұзындығы», «мектептер саны»)
    measures: { words: ['деңгейі', 'пайызы', 'үлесі', 'ұзындығы', 'биіктігі', 'тереңдігі', 'саны'], noun: 'before' },
    pay: ['жалақы', 'айлық', 'зейнетақы', 'шәкіртақы', 'жәрдемақы'],
  },
  // the locative, the ablative and the locative adjective («Шымкентте», «Шымкенттен», «Шымкенттегі»)
  place: { before: [], endings: /(?:н?[дт][ае]|[дтн][ае]н|н?[дт](?:ағы|егі))$/ },
  category: { after: ['қандай', 'қай', 'қайсы'], describing: DESCRIBING },
  // none collected: chat Kazakh writes question words without Kazakh letters («канша», «кашан»), which folding meets
  colloquial: {},
  asOf: { before: [], after: ['жағдай', 'жағдайы', 'қарай'] },
  yearWords: { after: ['жыл', 'ж.'], before: [] },
  currency: ['теңге', 'тенге', 'тг', 'рубль', 'доллар', 'еуро'],
  percent: 'пайыз',
  // Kazakh writes a place's abbreviation after its name («Алматы қ.», «Абай көш.»), where it may end a sentence
  abbreviations: ['акад', 'проф', 'доц'],
  now: ['бүгін', 'ертең', 'кеше', 'бүрсігүні', 'қазір', 'биыл', 'бүгінгі', 'ертеңгі', 'кешегі', 'қазіргі', 'биылғы', 'ағымдағы'],
  smallTalk: {
    greeting: ['сәлем', 'сәлеметсіз', 'сәлеметсіздер', 'армысыз', 'армысыздар', 'ассалаумағалейкум', 'қайырлы'],
    thanks: ['рахмет', 'рақмет', 'алғыс'],
    besides: ['бе', 'ме', 'күн', 'таң', 'кеш', 'күніңіз', 'таңыңыз', 'кешіңіз', 'көп', 'үлкен', 'сізге', 'саған', 'бот', 'жақсы', 'түсінікті', 'ок', 'ok'],
  },
  // the privative «-сыз / -сіз» after a root (folded): not «сызық» (a line), which begins with it
  opposite: /^.{3,}с[ыи]з/,
  questionWords: {
    quantity: ['қанша', 'неше', 'нешеу', 'қаншалықты', 'нешінші', 'деңгейі қандай', 'деңгейі қанша', 'пайызы қандай', 'үлесі қандай', 'үлесі қанша',
      // pay, prices and sizes are amounts too («… орташа жалақысы қандай?»)
      'жалақысы қандай', 'жалақы қандай', 'айлығы қандай', 'бағасы қандай', 'құны қандай', 'мөлшері қандай', 'көлемі қандай', 'ұзындығы қандай', 'саны қандай',
      'қарызы қандай', 'борышы қандай', 'тапшылығы қандай', 'кірісі қандай', 'шығысы қандай', 'айналымы қандай'],
    date: ['қашан', 'қай жылы', 'қай жыл', 'нешінші жылы', 'қай ғасырда', 'қай айда', 'қай күні', 'қашаннан', 'қай жылдан', 'қай жылдары', 'қай кезде', 'қай уақытта', 'қай кезеңде', 'қай ғасырларда'],
    person: ['кім', 'кімнің', 'кімге', 'кімді', 'кімдер', 'кімнен'],
    place: ['қайда', 'қайдан', 'қай жерде', 'қай қалада', 'қай елде', 'қай жерден', 'қай облыста', 'қай ауданда', 'қай қала', 'қай қаласы', 'қай қаланың', 'қай облыс', 'қай аудан', 'қай ел', 'қай елдің', 'қай мемлекет', 'қай мемлекетте', 'қай өңірде', 'қай аймақта', 'қай өзен'],
  },
  typed: {
    // as typed: a Russian keyboard has й («кандай», «кайда»), which the index's fold makes и
    functionWords: new Set(FUNCTION_WORDS.map(foldKazakhLetters).filter((w) => !AMBIGUOUS_TYPED.has(w))),
    // the genitive, plural-possessive, past-participle, attributive and present-tense endings as typed
    // («исабековтин», «болган», «колинин», «стильдеги», «корсетеди»); not those a Russian word ends with as often
    // («-ти», «-сы», «-ади»: ради, сзади)
    endings: /(?:[ыи]н[ыи]н|нн[ыи]н|[дт][ыи]н|л[ае]р[ыи]|[дт][ае]р[ыи]|[ғгқк][ае]н|[ыи][ңн]?[ыи]з|[дт][ае][гк][ыи]|ымыз|имиз|[ей]ди)$/,
    stem: stemKazakhFolded,
    latinLetters: /[qäöüūıñğşç]/i,
    fromLatin,
    // «ya» read as я is ы and а as often in Kazakh words (Сарыарқа, Сарыағаш): the other reading too
    alsoRead: (word: string) => (word.includes('я') ? [word.replace(/я/g, 'ыа')] : []),
    foldOwnLetters: foldKazakhLetters,
  },
};
