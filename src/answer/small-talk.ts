// A message that is only a greeting or a thank-you. Searched as a question, «Привет» is corrected to the nearest
// indexed word and answered with whatever passage holds it; a person who says hello wants a hello and a hint of
// what to ask, and one who says thanks wants nothing quoted.
import { LANGS, PACKS, type Lang } from '../lang/index.ts';
import { normalize } from '../text/normalize.ts';

export type SmallTalk = 'greeting' | 'thanks';

/**
 * Whether a message is only small talk, and in which language: every word is one of a language pack's small-talk
 * words, and at least one of them greets or thanks. `prefer`: the language to answer in when both packs know the
 * words («салам», «ok»).
 */
export function smallTalkOf(text: string, prefer: Lang): { kind: SmallTalk; lang: Lang } | null {
  const words = normalize(text).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length === 0 || /\d/.test(text)) return null;
  const order = [prefer, ...LANGS.filter((l) => l !== prefer)];
  for (const lang of order) {
    const { greeting, thanks, besides } = PACKS[lang].smallTalk;
    if (!words.every((w) => greeting.includes(w) || thanks.includes(w) || besides.includes(w))) continue;
    if (words.some((w) => greeting.includes(w))) return { kind: 'greeting', lang };
    if (words.some((w) => thanks.includes(w))) return { kind: 'thanks', lang };
  }
  return null;
}
