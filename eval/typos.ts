// A question word mistyped as a fat finger does it: its middle letter replaced by the key to its right on a
// Russian keyboard («когда» → «кошда», «сколько» → «скодько», «қанша» → «қагша»). The eval asks every answer set
// again so, next to the questions as written. Words of three letters or fewer («кто», «где», «кім») are left as they
// are: one wrong letter of three makes another word more often than a typo.
import type { Lang } from '../src/lang/index.ts';
import { PACKS } from '../src/lang/index.ts';
import { fold, normalize } from '../src/text/normalize.ts';

const ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
/** the shortest question word mistyped */
const MIN_LENGTH = 4;

function rightKey(letter: string): string {
  const key = fold(letter);
  for (const row of ROWS) {
    const at = row.indexOf(key);
    if (at >= 0) return row[at + 1] ?? row[at - 1];
  }
  return letter;
}

/** each pack's question words of one word, folded */
const SINGLE = new Map<Lang, Set<string>>();
const singleWords = (lang: Lang) => {
  const { questionWords, counting } = PACKS[lang];
  return SINGLE.get(lang) ?? SINGLE.set(lang, new Set([...Object.values(questionWords).flat(), ...counting.after].filter((w) => !w.includes(' ') && w.length >= MIN_LENGTH).map(fold))).get(lang)!;
};

/** The question with its first question word mistyped, or as it is when it has none long enough. */
export function mistype(question: string, lang: Lang): string {
  const words = singleWords(lang);
  for (const m of question.matchAll(/\p{L}+/gu)) {
    if (!words.has(fold(normalize(m[0])))) continue;
    const mid = Math.floor(m[0].length / 2);
    const letter = m[0][mid];
    const typed = letter === letter.toUpperCase() ? rightKey(letter.toLowerCase()).toUpperCase() : rightKey(letter);
    return question.slice(0, m.index! + mid) + typed + question.slice(m.index! + mid + 1);
  }
  return question;
}
