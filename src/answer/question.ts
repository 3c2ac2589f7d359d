// What kind of answer a question asks for, from its question words in the language packs (сколько / қанша →
// a number; когда / қашан → a date; кто / кім → a person; где / қайда → a place), and whether a sentence holds
// an answer of that kind.
import type { AnswerKind } from '../lang/index.ts';
import { PACKS } from '../lang/index.ts';
import type { Query } from '../text/query.ts';
import { normalize, fold } from '../text/normalize.ts';

const KINDS: Exclude<AnswerKind, 'other'>[] = ['quantity', 'date', 'person', 'place'];

/** The kind of answer asked for; the first question word in the question decides. */
export function askedKind(query: Query): AnswerKind {
  const pack = PACKS[query.lang];
  // question words are matched folded, so «канша» typed without Kazakh letters counts as «қанша»
  const text = ` ${fold(normalize(query.text)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let best: { kind: AnswerKind; at: number } = { kind: 'other', at: Infinity };
  for (const kind of KINDS) {
    for (const w of pack.questionWords[kind]) {
      const at = text.indexOf(` ${fold(w)} `);
      if (at >= 0 && at < best.at) best = { kind, at };
    }
  }
  return best.kind;
}

const NUMBER = /\d/;
const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/;
// a capitalized word that does not start the sentence: a name
const NAME = /[^\s«"(–—-]\s+[«"(]?\p{Lu}\p{Ll}/u;

/** Whether a sentence holds an answer of the asked kind (always true for 'other'). */
export function holdsKind(sentence: string, kind: AnswerKind): boolean {
  switch (kind) {
    case 'quantity':
      return NUMBER.test(sentence);
    case 'date':
      return YEAR.test(sentence);
    case 'person':
    case 'place':
      return NAME.test(sentence);
    default:
      return true;
  }
}
