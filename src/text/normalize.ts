// Text normalization shared by indexing and querying: both sides must fold the same way or terms never meet.

// Latin letters that look Cyrillic, as typed into Cyrillic words by mistake or by stress-marked copies («Бáркли»).
const LOOKALIKE: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в', i: 'і' };
const MIXED = /[a-z]/;
const CYR = /[\u0400-\u04ff]/;

/**
 * NFC, stress marks removed (Wikipedia writes «госуда́рство»), lower case, ё→е, Latin look-alikes inside a
 * Cyrillic word made Cyrillic. Keeps й and the Kazakh letters.
 */
export function normalize(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0341]/g, '') // grave/acute stress accents only: й (и + breve) must survive
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е');
  return MIXED.test(s) && CYR.test(s) ? s.replace(/[a-z]/g, (c) => LOOKALIKE[c] ?? c) : s;
}

// Kazakh-specific letters folded to the Russian letters that informal and Russian-language texts write instead,
// so «Кызылорда» meets «Қызылорда» and «Кок-Жайлау» meets «Көк Жайлау»; and э as е, which Latin spelling cannot
// tell apart («energetikalyq», «poema»: энергетикалық, поэма).
const FOLD: Record<string, string> = {
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'й': 'и', 'ъ': '', 'ь': '', 'э': 'е',
};
const FOLD_RE = /[әғқңөұүһійъьэ]/g;

/** Folds a normalized term to the letters shared by Kazakh and Russian spelling. */
export function fold(term: string): string {
  return term.replace(FOLD_RE, (c) => FOLD[c]);
}

const KAZAKH_ONLY_RE = /[әғқңөұүһі]/g;

/**
 * Folds only the letters a Russian keyboard lacks (ә ғ қ ң ө ұ ү һ і), keeping й, ъ and ь: Kazakh as it is typed
 * without Kazakh letters, the alphabet of the folded stemmer.
 */
export function foldKazakhLetters(text: string): string {
  return text.replace(KAZAKH_ONLY_RE, (c) => FOLD[c]);
}

// Roman numerals as typed: Kazakh and Russian texts write centuries with Cyrillic І and Х as often as with Latin I
// and X («ХІХ ғасыр», «XIX ғасыр»), sometimes mixed («ХV»), and never meet. Upper case only («их» is a word).
const ROMAN_LETTERS = /^[IVXLІХ]{2,}$/;
const ROMAN = /^(?:l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/** A Roman numeral written with Latin or Cyrillic letters, as lower-case Latin («ХІХ» → «xix»); null for any other word. */
export function romanNumeral(surface: string): string | null {
  if (!ROMAN_LETTERS.test(surface)) return null;
  const latin = surface.replace(/І/g, 'I').replace(/Х/g, 'X').toLowerCase();
  return ROMAN.test(latin) ? latin : null;
}
