// Russian.
import { stemRussian } from '../text/stem-ru.ts';
import type { LanguagePack } from './types.ts';

const SURNAME = /(?:ов|ев)$/;

/**
 * Surnames in -ов/-ев (Токаев, Назарбаев, Масимов): Snowball reads the nominative's -ев as a plural ending and
 * stems it «тока», every other form «токаев». A question's word meets both: the whole word for a word in -ов/-ев
 * (for «районов», a stem no index holds), and, for a capitalized word whose stem ends so («Токаева»), the stem
 * without it.
 */
function surnameStems(word: string, stem: string, name: boolean): string[] {
  const out: string[] = [];
  if (SURNAME.test(word) && stem !== word) out.push(word);
  if (name && SURNAME.test(stem) && stem.length > 4) out.push(stem.slice(0, -2));
  return out;
}

export const ru: LanguagePack = {
  code: 'ru',
  ownLetters: /[ёщъэЁЩЪЭ]/g,
  ownLettersMarkWords: false,
  functionWords: new Set([
    'и', 'в', 'во', 'на', 'не', 'что', 'как', 'какой', 'какая', 'какие', 'каком', 'каких', 'сколько', 'кто', 'где',
    'когда', 'почему', 'зачем', 'по', 'с', 'со', 'для', 'от', 'до', 'из', 'о', 'об', 'это', 'этот', 'был', 'была',
    'были', 'году', 'года', 'год', 'его', 'ее', 'их', 'он', 'она', 'они', 'за', 'при', 'к', 'у', 'же', 'ли', 'или',
    'но', 'а', 'чем', 'также', 'который', 'которые', 'между', 'после', 'есть',
  ]),
  endings: /(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ий|ый|ой|ые|ие|ых|их|ться|ется|ится|ают|яют|ует|ция|ции|ость|ости|ение|ения)$/,
  stem: stemRussian,
  otherStems: surnameStems,
  stopwordsFile: 'stopwords-ru.txt',
  followUp: {
    openers: ['а', 'и', 'ещё', 'еще', 'также', 'тогда'],
    closers: [],
    references: ['он', 'она', 'оно', 'они', 'его', 'её', 'ее', 'их', 'ему', 'ей', 'им', 'ним', 'ней', 'нём', 'нем', 'них', 'там', 'тогда', 'этот', 'эта', 'это', 'эти', 'этого', 'этой', 'этом', 'этих', 'этим', 'тот', 'та', 'те', 'того', 'подробнее', 'поподробнее', 'ещё', 'еще'],
  },
  questionWords: {
    quantity: ['сколько', 'скольких', 'скольким', 'сколькими', 'какова численность', 'какова площадь', 'какова длина', 'какова высота', 'какова глубина', 'какова протяженность', 'какое количество', 'какова сумма', 'каков размер'],
    date: ['когда', 'в каком году', 'какого года', 'какого числа', 'в каком веке', 'с какого года', 'до какого года', 'в каком месяце'],
    person: ['кто', 'кого', 'кому', 'кем', 'как звали', 'как зовут', 'чей', 'чья', 'чьим'],
    place: ['где', 'куда', 'откуда', 'в каком городе', 'в какой стране', 'в каком районе', 'в какой области', 'в каком месте'],
  },
};
