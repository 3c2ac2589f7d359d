// The year a question asks about. «Какой уровень безработицы в районе в 2018 году?» is not answered by «Уровень
// безработицы в районе в 2017 году … составляет 0,47%»: a sentence naming years, none of them the asked one (nor a
// span holding it: «в 2015-2021 годах», «на 2018 - 2035 годы»), gives another year's figure. A sentence naming no
// year may take it from its context, and is left alone.
import { LANGS, PACKS, type Lang } from '../lang/index.ts';

/** a year as texts and questions write it; a count such as «1343 работника» is not one */
export const YEAR = /^(?:1[6-9]|20)\d\d$/;
// a year, or a span of years («2015-2021», «2018 - 2035», «1867–68»), in a text
const YEARS = /(?<![\d,])((?:1[6-9]|20)\d\d)(?:\s*[-–—]\s*((?:1[6-9]|20)?\d\d))?(?![\d,%])/g;
/** every pack's words said with a year, after it or before it, as alternatives of a regular expression */
export const yearWords = (side: 'after' | 'before'): string => LANGS.flatMap((l) => PACKS[l].yearWords[side]).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
// … said to be one: a year word after it («2017 году», «2017 г.», «2017 жылы»), or a preposition or a day and month
// before it («в 2017», «на 01.01.2018»), or a span; «работает 2000 человек» names no year (the packs' yearWords, of
// every pack: a text in either language)
const YEAR_AFTER = new RegExp(`^\\s*[-–]?\\s*(?:${yearWords('after')})`, 'iu');
const YEAR_BEFORE = new RegExp(`(?:(?<![\\p{L}])(?:${yearWords('before')})\\s+|\\d{1,2}\\.\\d{1,2}\\.)$`, 'iu');

/**
 * The years a question asks about: its words that are years, less those it gives as the date its figure holds at
 * (the pack's `asOf`: «по данным на 2019 год», «на март 2019»), which a passage need not name.
 */
export function askedYears(question: string, lang: Lang): string[] {
  const { before, after } = PACKS[lang].asOf;
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const within = (i: number, list: readonly string[], step: number) => [i + step, i + 2 * step].some((j) => list.includes(words[j] ?? ''));
  return [...new Set(words.filter((w, i) => YEAR.test(w) && !within(i, before, -1) && !within(i, after, 1)))];
}

/** Whether a text names a year or span of years and none of them is or holds `year`. */
export function namesOtherYear(text: string, year: string): boolean {
  const y = Number(year);
  let named = false;
  for (const m of text.matchAll(YEARS)) {
    const end = m.index! + m[0].length;
    if (m[2] === undefined && !YEAR_AFTER.test(text.slice(end, end + 8)) && !YEAR_BEFORE.test(text.slice(Math.max(0, m.index! - 12), m.index))) continue;
    named = true;
    const from = Number(m[1]);
    // «1867–68»: the span's end takes the start's century
    const to = m[2] === undefined ? from : Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2]);
    if (y >= from && y <= Math.max(from, to)) return false;
  }
  return named;
}
