// A message that is only a greeting or a thank-you. Searched as a question, «Привет» is corrected to the nearest
// indexed word and answered with whatever passage holds it; a person who says hello wants a hello and a hint of
// what to ask, and one who says thanks wants nothing quoted.
import { LANGS, PACKS, type Lang } from '../lang/index.ts';
import { lacksOwnLetters } from '../text/lang.ts';
import { fold, normalize } from '../text/normalize.ts';

export type SmallTalk = 'greeting' | 'thanks';

interface Words {
  greeting: ReadonlySet<string>;
  thanks: ReadonlySet<string>;
  any: ReadonlySet<string>;
}

// each pack's small-talk words, folded: «Салеметсиз бе» typed on a Russian keyboard, or «Salem» in Latin letters
// (through the pack's transliteration), greets as «Сәлеметсіз бе» does
const WORDS = new Map<Lang, Words>();
function words(lang: Lang): Words {
  let w = WORDS.get(lang);
  if (!w) {
    const { greeting, thanks, besides } = PACKS[lang].smallTalk;
    const set = (list: readonly string[]) => new Set(list.map((x) => fold(normalize(x))));
    WORDS.set(lang, (w = { greeting: set(greeting), thanks: set(thanks), any: set([...greeting, ...thanks, ...besides]) }));
  }
  return w;
}

/**
 * Whether a message is only small talk, and in which language: every word is one of a language pack's small-talk
 * words, and at least one of them greets or thanks. `prefer`: the language to answer in when both packs know the
 * words («салам», «ok»), unless the message is written with a language's own letters: «Сәлем» is Kazakh, though
 * folded it is the «салем» Russian speakers write too.
 */
export function smallTalkOf(text: string, prefer: Lang): { kind: SmallTalk; lang: Lang } | null {
  if (/\d/.test(text)) return null;
  const first = LANGS.find((l) => PACKS[l].ownLettersMarkWords && !lacksOwnLetters(text, l)) ?? prefer;
  const order = [first, ...LANGS.filter((l) => l !== first)];
  for (const lang of order) {
    const latin = PACKS[lang].typed?.fromLatin;
    const said = (fold(normalize(latin && !/\p{Script=Cyrillic}/u.test(text) ? latin(text) : text)).match(/\p{L}+/gu) ?? []);
    if (said.length === 0) return null;
    const w = words(lang);
    if (!said.every((x) => w.any.has(x))) continue;
    if (said.some((x) => w.greeting.has(x))) return { kind: 'greeting', lang };
    if (said.some((x) => w.thanks.has(x))) return { kind: 'thanks', lang };
  }
  return null;
}
