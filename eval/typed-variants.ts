// The rules by which people type Kazakh without Kazakh letters, as a converter: the eval turns the dev seeds' and
// KazQAD's Kazakh questions into each variant and measures them next to the proper spelling.
import { foldKazakhLetters, romanNumeral } from '../src/text/normalize.ts';

/** On a Russian keyboard: а for ә, к for қ, о for ө, у for ү and ұ, и for і, н for ң, г for ғ, х for һ; capitals too. */
export const russianKeyboard = (q: string) => foldKazakhLetters(q).replace(/[ӘҒҚҢӨҰҮҺІ]/g, (c) => foldKazakhLetters(c.toLowerCase()).toUpperCase());

const ASCII: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// The official Latin alphabet of 2021.
const OFFICIAL: Record<string, string> = {
  ...ASCII, ә: 'ä', ғ: 'ğ', ж: 'j', и: 'i', й: 'i', і: 'ı', қ: 'q', ң: 'ñ', ө: 'ö', ұ: 'ū', ү: 'ü', х: 'h', ш: 'ş', ч: 'ç', щ: 'ş',
};

function transliterate(q: string, table: Record<string, string>): string {
  // a century in Roman numerals written with Cyrillic look-alikes («ХV», «ХІХ») is typed in Latin letters as it
  // looks, not read as the letters х and і («KhV»)
  return lettersOf(q.replace(/\p{L}+/gu, (w) => (romanNumeral(w) ? w.replace(/Х/g, 'X').replace(/І/g, 'I') : w)), table);
}

function lettersOf(q: string, table: Record<string, string>): string {
  return [...q].map((c) => {
    const lower = c.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) return c;
    return c !== lower && latin ? latin[0].toUpperCase() + latin.slice(1) : latin;
  }).join('');
}

/** In Latin letters as people type them with no Kazakh layout: sh, ch, zh, gh, q, y, u, i. */
export const latinAscii = (q: string) => transliterate(q, ASCII);

/** In the official 2021 Latin alphabet (ä ğ ı ñ ö ş ū ü …). */
export const latinOfficial = (q: string) => transliterate(q, OFFICIAL);

/**
 * Partly typed: the Kazakh letters that look like Russian ones given as those (і, ң, ү, ұ as и, н, у), the others
 * kept, as a phone user who reaches for ә, қ, ғ, ө but not for the rest may write.
 */
export const partlyTyped = (q: string) => q.replace(/[іңүұІҢҮҰ]/g, (c) => PARTLY[c]);
const PARTLY: Record<string, string> = { і: 'и', ң: 'н', ү: 'у', ұ: 'у', І: 'И', Ң: 'Н', Ү: 'У', Ұ: 'У' };

export const TYPED_VARIANTS: [string, (q: string) => string][] = [
  ['Russian keyboard', russianKeyboard],
  ['partly (і ң ү ұ as и н у)', partlyTyped],
  ['Latin, informal ASCII', latinAscii],
  ['Latin, 2021 alphabet', latinOfficial],
];

// Russian as typed in Latin letters without a Cyrillic keyboard (informal transliteration: sh, ch, zh, kh, ts, ya,
// yu, y for ы and й, the soft and hard signs left out).
const RU_ASCII: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // a Kazakh name inside the question («Қарызсыз қоғам») is typed in Latin letters too, as Kazakh is (ASCII above)
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** A Russian question in Latin letters, as typed without a Cyrillic keyboard. */
export const russianInLatin = (q: string) => transliterate(q.normalize('NFD').replace(/[\u0301\u0300]/g, '').normalize('NFC'), RU_ASCII);
