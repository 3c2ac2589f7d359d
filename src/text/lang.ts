// Which language is a text in? Decided by letters only one language has, by each language's commonest function
// words, and by typical endings, all read from the language packs. Kazakh typed without Kazakh letters (on a
// Russian keyboard) is told by its function words as so typed («канша», «кандай», «туралы»).
import { LANGS, PACKS, type Lang } from '../lang/index.ts';

export type { Lang } from '../lang/index.ts';

/** Enough text to tell the languages apart; a long document is judged by its beginning. */
const SAMPLE = 4000;
/** a function word is worth this many telltale letters: a Russian question may quote a Kazakh name («Іскер ана») */
const WORD_WEIGHT = 3;
/** a typical ending is weaker evidence than a function word */
const ENDING_WEIGHT = 1 / 3;
const MIN_ENDING_WORD = 4;
/** a capital letter and a full stop before another capital: an initial */
const INITIAL = /(?<![\p{L}])\p{Lu}\.(?=\s*\p{Lu})/gu;

// each pack's function words that have a soft sign, without it: typed in Latin letters, Russian loses it («skolko» is
// read back «сколко», «tolko» «толко»)
const softless = (words: ReadonlySet<string>): ReadonlySet<string> => new Set([...words].filter((w) => w.includes('ь')).map((w) => w.replace(/ь/g, '')));
const SOFTLESS = new Map(LANGS.map((l) => [l, softless(PACKS[l].functionWords)]));

// each pack's own letters, as a test of one word (the packs' patterns are global, for counting)
const OWN_LETTERS = LANGS.map((l) => new RegExp(PACKS[l].ownLetters.source));
const anyOwnLetters = (w: string) => OWN_LETTERS.some((re) => re.test(w));

/**
 * Whether a word is taken for a name: capitalized, and not the text's first word (which any sentence capitalizes).
 * Names cross languages with their letters («Сергей Пономарёв» in a Kazakh question, «Қошанов» in a Russian one).
 */
export const isNameAt = (word: string, first: boolean) => !first && /^\p{Lu}/u.test(word);

/** Detects the language; `fallback` wins on a tie (e.g. a question of digits and names only). */
export function detectLang(fullText: string, fallback: Lang = 'ru'): Lang {
  // initials («А.В Затаевич», «Г. А. Колпаковский») are no function words («а», «в»)
  const text = (fullText.length > SAMPLE ? fullText.slice(0, SAMPLE) : fullText).replace(INITIAL, ' ');
  const score = Object.fromEntries(LANGS.map((l) => [l, 0])) as Record<Lang, number>;
  const endsAs = (l: Lang, w: string) => PACKS[l].endings.test(w) || PACKS[l].typed?.endings.test(w) === true;
  let first = true;
  for (const written of text.match(/[\p{L}]+/gu) ?? []) {
    const w = written.toLowerCase();
    // a name's letters are no evidence (isNameAt) …
    const name = isNameAt(written, first);
    first = false;
    for (const l of LANGS) {
      const letters = name ? 0 : (written.match(PACKS[l].ownLetters)?.length ?? 0);
      // letters that occur in the other language's loanwords are no evidence in a word inflected as that language
      // («экономикасынын», Kazakh typed on a Russian keyboard: э is Russian's, the genitive Kazakh)
      if (letters && (PACKS[l].ownLettersMarkWords || !LANGS.some((o) => o !== l && endsAs(o, w)))) score[l] += letters;
    }
    const byWord = LANGS.filter((l) => PACKS[l].functionWords.has(w) || PACKS[l].typed?.functionWords.has(w) || SOFTLESS.get(l)!.has(w));
    if (byWord.length === 1) score[byWord[0]] += WORD_WEIGHT;
    // … nor its ending: a Kazakh place in a Russian question keeps a Kazakh look («акимат Кызылорды» typed in Latin letters)
    else if (byWord.length === 0 && !name && w.length >= MIN_ENDING_WORD && !anyOwnLetters(w)) {
      const byEnding = LANGS.filter((l) => endsAs(l, w));
      if (byEnding.length === 1) score[byEnding[0]] += ENDING_WEIGHT;
    }
  }
  let best = fallback;
  for (const l of LANGS) if (score[l] > score[best]) best = l;
  return best;
}

/** Whether a text uses none of a language's own letters (Kazakh typed on a Russian keyboard, say). */
export function lacksOwnLetters(text: string, lang: Lang): boolean {
  return !new RegExp(PACKS[lang].ownLetters.source).test(text);
}
