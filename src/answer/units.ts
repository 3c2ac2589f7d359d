// Places named with their administrative unit. «Қызылорда облысының әкімі кім?» asks about the region; a sentence
// about «Қызылорда қаласы әкімдігі» speaks of the city of the same name, and quoting it answers another question.
// A question's name and the unit beside it (the packs' `units`, in either language) must stand together in a
// sentence for the sentence to meet that name; a sentence that names the place with another unit does not.
import { LANGS, PACKS, type UnitKind } from '../lang/index.ts';
import { defaultAnalyzer, isPrefixTerm } from '../text/analyzer.ts';
import { WELL_KNOWN, type Concept } from '../text/query.ts';

/** How far (in words, stopwords not counted) a unit may stand from its name: «Қызылорда облысының», «города Алматы», «Алматинской области». */
export const UNIT_REACH = 2;

// every unit word of every pack, as the index's terms, with its kind, worked out once
let UNITS: Map<string, UnitKind> | undefined;
function units(): Map<string, UnitKind> {
  if (!UNITS) {
    UNITS = new Map();
    for (const lang of LANGS) {
      for (const [kind, words] of Object.entries(PACKS[lang].units) as [UnitKind, readonly string[]][]) {
        for (const word of words) for (const t of defaultAnalyzer.wordTerms(word, lang)) if (!isPrefixTerm(t)) UNITS.set(t, kind);
      }
    }
  }
  return UNITS;
}

/** The unit kind a word's terms name, if any. */
export function unitIn(terms: ReadonlySet<string>): UnitKind | undefined {
  const table = units();
  for (const t of terms) {
    const kind = table.get(t);
    if (kind) return kind;
  }
  return undefined;
}

/** A name of the question with the unit it is named with: the name's concept index and the unit's kind. */
export interface NamedUnit {
  name: number;
  unit: UnitKind;
}

/** The question's names that stand next to a unit («Қызылорда» + облыс, «Алматинской» + область). */
export function namedUnits(concepts: readonly Concept[]): NamedUnit[] {
  const table = units();
  const out: NamedUnit[] = [];
  concepts.forEach((c, i) => {
    // a question's first word is a name too when a unit follows it («Қызылорда облысының әкімі кім?»)
    if (!c.name && !c.firstWord) return;
    for (const j of [i + 1, i - 1]) {
      const unit = concepts[j] && !concepts[j].name ? table.get(concepts[j].stem) : undefined;
      if (unit) {
        out.push({ name: i, unit });
        return;
      }
    }
  });
  return out;
}

/**
 * In a question written without capitals, the words beside a unit taken for the place's name («какая зарплата в
 * бостандыкском районе»), as a capitalized word would be: written with them, the name needs no guessing.
 */
export function placesBesideUnits(concepts: Concept[], text: string): Concept[] {
  if (/\p{Lu}/u.test(text)) return concepts;
  const table = units();
  const isUnit = (c: Concept | undefined) => c !== undefined && table.has(c.stem);
  return concepts.map((c, i) => (c.name || isUnit(c) || commonWord(c) || !(isUnit(concepts[i + 1]) || isUnit(concepts[i - 1])) ? c : { ...c, name: true }));
}

/** a translation that begins as the word does is the name itself («кызылординской» → «кызылорда»), not a sign of a common word */
const NAME_LIKE = 4;

/**
 * Whether a word is a common one, not a name: the glossary gives it an equivalent, or the table a likely translation
 * (as likely as one by which it knows a word well: query.ts WELL_KNOWN) written otherwise («исторической» → «тарихи»; «бостандыкском», a district, has only unlikely ones, learned from the
 * few texts that name it). A loanword translated by its own stem («географической» → «географиялық») passes for a
 * name by this test; beside a unit, in a question without capitals, that costs nothing measured.
 */
export function commonWord(c: Concept): boolean {
  if (c.translated) return true;
  for (const [t, w] of c.terms) {
    if (w >= WELL_KNOWN && t !== c.stem && !isPrefixTerm(t) && !c.forms?.has(t) && t.slice(0, NAME_LIKE) !== c.stem.slice(0, NAME_LIKE)) return true;
  }
  return false;
}

/** Whether a word's terms meet the concept by a whole word (a prefix term is too loose to stand for a name). */
function namesIt(terms: ReadonlySet<string>, concept: Concept): boolean {
  for (const t of terms) if (!isPrefixTerm(t) && concept.terms.has(t)) return true;
  return false;
}

/**
 * Whether a sentence (its words, each as its terms) names the place of `named` only with another unit: the name
 * stands with a unit somewhere in it, and never with the question's.
 */
export function otherUnit(words: readonly ReadonlySet<string>[], concept: Concept, unit: UnitKind): boolean {
  let other = false;
  for (let p = 0; p < words.length; p++) {
    if (!namesIt(words[p], concept)) continue;
    for (let q = Math.max(0, p - UNIT_REACH); q <= Math.min(words.length - 1, p + UNIT_REACH); q++) {
      if (q === p) continue;
      const kind = unitIn(words[q]);
      if (kind === unit) return false;
      if (kind) other = true;
    }
  }
  return other;
}
