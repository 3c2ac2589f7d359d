// Places the sources never name. «Сколько человек вступило в партию AMANAT в Шымкенте?» over a corpus on the
// Turkistan region meets every word but the place, and the membership count it finds is another region's: quoted,
// it answers a question nobody asked. A question asking about a place (a capitalized word beside a unit, after a
// pack's place preposition or with its place case ending: `place` in the language packs) that the index has never
// seen in any form, its translations and spelling corrections included, is declined whatever the rest meets.
import { PACKS } from '../lang/index.ts';
import { isPrefixTerm } from '../text/analyzer.ts';
import type { Concept, Query } from '../text/query.ts';
import { fold } from '../text/normalize.ts';
import { readsAs, wordsOf } from './question.ts';
import { commonWord, namedUnits } from './units.ts';
import { uncased } from './names.ts';

/** a stem or word this long or longer is looked for as the beginning of an index term (a shorter one begins too many) */
const PREFIX_FROM = 4;

/** a concept's whole terms (its stem, forms, translations and corrections; not its prefix terms) */
export const wholeTerms = (c: Concept): string[] => [...c.terms.keys()].filter((t) => !isPrefixTerm(t));

/** Whether the index holds a concept in no form: no whole term of it (its stem, a translation, a correction). */
export const unseen = (c: Concept, knows: (term: string) => boolean): boolean => !wholeTerms(c).some(knows);

/**
 * The question's concepts that name a place the index does not know: `knows`, a whole term is in the index;
 * `knowsPrefix`, some index term begins so. A place the index holds only in another form is known: «Медеу» (the
 * Kazakh stemmer reads «меде») is in Russian texts as «Медеуском» (term «медеуск»).
 */
export function unknownPlaces(query: Pick<Query, 'text' | 'lang' | 'script'>, concepts: readonly Concept[], knows: (term: string) => boolean, knowsPrefix: (prefix: string) => boolean = () => false): Concept[] {
  // typed without capitals (its first letter aside), a place is any word so marked that is no common word
  // («в шымкенте»): a common word has a glossary entry or a likely translation written otherwise (units.ts)
  const noCapitals = uncased(query.text);
  const mayName = (c: Concept) => c.name || c.firstWord || (noCapitals && !commonWord(c));
  const candidates = concepts.filter((c) => mayName(c) && !/^\d/.test(c.stem) && unseen(c, knows));
  if (candidates.length === 0) return [];
  const beside = new Set(namedUnits(concepts).map((u) => concepts[u.name]));
  const { before, endings } = PACKS[query.lang].place;
  const { written, words, folded } = wordsOf(query.text);
  const begins = (prefix: string) => prefix.length >= PREFIX_FROM && knowsPrefix(prefix);
  const known = new Set(candidates.filter((c) => begins(c.stem)));
  const marked = new Set<Concept>();
  written.forEach((w, i) => {
    const c = candidates.find((k) => readsAs(k, words[i], query));
    if (!c) return;
    if (begins(folded[i])) known.add(c);
    if (!noCapitals && !/^\p{Lu}/u.test(w)) return;
    const preposition = i > 0 && before.some((p) => fold(p) === folded[i - 1]);
    if (preposition || endings?.test(words[i])) marked.add(c);
  });
  return candidates.filter((c) => !known.has(c) && (beside.has(c) || marked.has(c)));
}
