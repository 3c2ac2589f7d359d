// Kazakh or Russian? Decided by letters only Kazakh has and by each language's commonest function words.

import { KAZAKH_LETTERS } from './normalize.ts';

export type Lang = 'kk' | 'ru';

const KK_WORDS = new Set([
  'және', 'мен', 'бен', 'пен', 'бұл', 'осы', 'үшін', 'деп', 'да', 'де', 'та', 'те', 'бар', 'жоқ', 'емес', 'қандай',
  'неше', 'қанша', 'қалай', 'не', 'кім', 'қай', 'қайда', 'қашан', 'неге', 'ме', 'ма', 'ба', 'бе', 'па', 'пе', 'туралы',
  'болады', 'болды', 'жылы', 'дейін', 'кейін', 'арқылы', 'бойынша', 'сол', 'ол', 'біз', 'сіз', 'олар', 'жаңа', 'ең',
  'немен', 'нені', 'неден', 'кімнің', 'деген', 'дегеніміз', 'аталады', 'ал', 'бірақ', 'немесе',
]);
// Word endings typical of one language and rare in the other, for words with no telltale letters.
const KK_ENDING = /(?:ады|еді|йды|йді|лары|лері|дары|дері|тары|тері|ының|інің|дың|дің|тың|тің|ды|ді|ты|ті|лар|дар|тар|ндағы|нда)$/;
const RU_ENDING = /(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ий|ый|ой|ться|ется|ится|ают|яют|ует|ция|ции|ость|ости)$/;
const RU_WORDS = new Set([
  'и', 'в', 'во', 'на', 'не', 'что', 'как', 'какой', 'какая', 'какие', 'каком', 'каких', 'сколько', 'кто', 'где',
  'когда', 'почему', 'зачем', 'по', 'с', 'со', 'для', 'от', 'до', 'из', 'о', 'об', 'это', 'этот', 'был', 'была',
  'были', 'году', 'года', 'год', 'его', 'ее', 'их', 'он', 'она', 'они', 'за', 'при', 'к', 'у', 'же', 'ли', 'или',
  'но', 'а', 'чем', 'также', 'который', 'которые', 'между', 'после', 'есть',
]);
const RU_LETTERS = /[ёщъэЁЩЪЭ]/g;
const KK_LETTERS_G = new RegExp(KAZAKH_LETTERS.source, 'g');

/** Detects kk or ru; `fallback` wins on a tie (e.g. a question of digits and names only). */
/** Enough text to tell the languages apart; a long document is judged by its beginning. */
const SAMPLE = 4000;

export function detectLang(fullText: string, fallback: Lang = 'ru'): Lang {
  const text = fullText.length > SAMPLE ? fullText.slice(0, SAMPLE) : fullText;
  const kkLetters = text.match(KK_LETTERS_G)?.length ?? 0;
  const ruLetters = text.match(RU_LETTERS)?.length ?? 0;
  let kkWords = 0;
  let ruWords = 0;
  for (const w of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (KK_WORDS.has(w)) kkWords++;
    else if (RU_WORDS.has(w)) ruWords++;
    else if (w.length > 3 && !KAZAKH_LETTERS.test(w)) {
      if (KK_ENDING.test(w)) kkWords += 1 / 3;
      else if (RU_ENDING.test(w)) ruWords += 1 / 3;
    }
  }
  // Words weigh more than letters: a Russian question may quote a Kazakh name («Іскер ана»).
  const kk = kkLetters + 3 * kkWords;
  const ru = ruLetters + 3 * ruWords;
  if (kk === ru) return fallback;
  return kk > ru ? 'kk' : 'ru';
}
