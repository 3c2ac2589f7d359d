// Names in a question typed in lower case. Chat users seldom capitalize («кто аким алматы», «қызылорда облысының
// әкімі кім»), and the answer layer tells names by their capitals: a name says what the question is about, not the
// asked fact (quotes.ts isFocus), and a place named with its unit must be that place (units.ts). A word that the
// retrieved passages write capitalized inside their sentences, nearly every time, is taken for a name, as the
// question's writer would have capitalized it had they minded the keyboard. (The question's first word beside an
// administrative unit, «қызылорда облысының…», is read as the place by units.ts whatever its case.)
import type { Concept } from '../text/query.ts';
import type { AnalysedPassage } from './passages.ts';

/** Whether a question is typed without capitals, its first letter aside: its capitals cannot tell its names. */
export const uncased = (question: string): boolean => !/\p{Lu}/u.test(question.replace(/^\P{L}*\p{L}/u, ''));

/**
 * A word is a name when the passages write it capitalized at least `min` times and at least `share` of the times
 * they write it at all (a sentence's first word aside). One capital could be a title's or a heading's.
 */
export const NAME_EVIDENCE = { min: 3, share: 0.8 };

/**
 * The concepts, those the passages write as names marked as names. `holding`: for a question typed without capitals,
 * a few other passages holding a word, read when the retrieved ones do not settle it: passages that do not answer
 * («ссср», «португалии» over passages on something else) seldom hold the question's names, and a name taken for a
 * word that carries the asked fact makes them look as if they met it.
 */
export function truecased(concepts: Concept[], passages: readonly AnalysedPassage[], holding?: (stem: string) => readonly AnalysedPassage[]): Concept[] {
  return concepts.map((c) => (c.name || !(writtenAsName(c.stem, passages) || (holding !== undefined && writtenAsName(c.stem, holding(c.stem)))) ? c : { ...c, name: true }));
}

function writtenAsName(stem: string, passages: readonly AnalysedPassage[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const p of passages) {
    const casing = p.cased.get(stem);
    if (casing) {
      upper += casing.upper;
      lower += casing.lower;
    }
  }
  return upper >= NAME_EVIDENCE.min && upper >= NAME_EVIDENCE.share * (upper + lower);
}
