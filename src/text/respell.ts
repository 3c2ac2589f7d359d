// Question words as chat users type them: mistyped by a key («кошда» for «когда», «скодько» for «сколько», «қагша»
// for «қанша») or in a colloquial form («скока»). Such a word is neither a stopword nor in any text, so it became a
// concept of the highest idf that no passage meets, and the question lost its kind (a number, a date …): the answer
// layer then neither looks for a number nor declines for the lack of one. Put back as the question word, it is
// dropped as a stopword and read for its kind like any other.
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../lang/index.ts';
import { PACKS } from '../lang/index.ts';
import { fold, normalize } from './normalize.ts';
import { Lru } from '../lru.ts';
import type { Script } from './analyzer.ts';
import { STOPWORDS } from './stopwords.ts';

/** The shortest word put back by its spelling: one wrong letter of three makes another word more often than a typo. */
export const MIN_RESPELLED = 4;

// each pack's question words one by one, folded, with how to write each: the function words only («в каком году»
// gives «каком»), as a mistyped content word («году») is the speller's to correct, to the words the index holds
const WORDS = new Map<Lang, Map<string, string>>();
function questionWords(lang: Lang): Map<string, string> {
  let words = WORDS.get(lang);
  if (!words) {
    const { questionWords: byKind, counting } = PACKS[lang];
    words = new Map();
    for (const phrase of [...Object.values(byKind).flat(), ...counting.after]) {
      for (const w of phrase.split(' ')) if (w.length >= MIN_RESPELLED && STOPWORDS.has(w)) words.set(fold(w), w);
    }
    WORDS.set(lang, words);
  }
  return words;
}

/**
 * The question word a typed word stands for: a colloquial form, or, when the index holds the word in no form
 * (`unknown`), one letter off a question word; null when none.
 */
export function questionWordFor(word: string, lang: Lang, unknown: (word: string) => boolean = () => true): string | null {
  const found = candidateFor(word, lang);
  // whether the index knows the word is asked last: of a question's words, few are one letter off a question word
  return found && (found.colloquial || unknown(word)) ? found.word : null;
}

/**
 * Words (as typed) whose candidate is remembered: every question asks it of each of its words in each language, and
 * the same words come back; reading a word (normalizing, folding, a distance to each question word) cost as much
 * as the rest of reading the question.
 */
const REMEMBERED = 10_000;
const CANDIDATES = new Lru<string, { word: string; colloquial: boolean } | false>(REMEMBERED);

/** The question word a typed word may stand for, and whether as a colloquial form; false for none. */
function candidateFor(typed: string, lang: Lang): { word: string; colloquial: boolean } | false {
  const key = `${lang} ${typed}`;
  let found = CANDIDATES.get(key);
  if (found === undefined) {
    found = false;
    const w = normalize(typed);
    const folded = fold(w);
    const colloquial = PACKS[lang].colloquial[w];
    const words = questionWords(lang);
    if (colloquial) found = { word: colloquial, colloquial: true };
    else if (folded.length >= MIN_RESPELLED && !words.has(folded)) {
      for (const [f, written] of words) {
        if (Math.abs(f.length - folded.length) <= 1 && distance(f, folded) === 1) {
          found = { word: written, colloquial: false };
          break;
        }
      }
    }
    CANDIDATES.set(key, found);
  }
  return found;
}

/**
 * The question with its mistyped and colloquial question words put back (see questionWordFor). A capitalized word
 * after the first is a name and stays. Typed without the language's own letters, the question gets the word so too.
 */
export function respellQuestionWords(text: string, lang: Lang, script: Script, unknown: (word: string) => boolean): string {
  let first = true;
  // a word with its combining marks: a stress mark («Айда́р») does not end it, or «Айда» would be read as «қайда»
  return text.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => {
    const isFirst = first;
    first = false;
    if (!isFirst && /^\p{Lu}/u.test(word)) return word;
    const put = questionWordFor(word, lang, unknown);
    if (!put) return word;
    const written = script === 'typed' ? fold(put) : put;
    return /^\p{Lu}/u.test(word) ? written[0].toUpperCase() + written.slice(1) : written;
  });
}
