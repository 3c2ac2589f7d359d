// Places named with their administrative unit. «Қызылорда облысының әкімі кім?» asks about the region; a sentence
// about «Қызылорда қаласы әкімдігі» speaks of the city of the same name, and quoting it answers another question.
// A question's name and the unit beside it (the packs' `units`, in either language) must stand together in a
// sentence for the sentence to meet that name; a sentence that names the place with another unit does not, nor one
// naming it bare in a passage that names it only so. A city written bare is the city («Алматы», not «Алматы облысы»).
import { LANGS, PACKS, type UnitKind } from '../lang/index.ts';
import { isPrefixTerm } from '../text/analyzer.ts';
import { WELL_KNOWN, type Concept } from '../text/query.ts';
import { allPacksTerms, listTerms } from '../text/pack-terms.ts';

/** How far (in words, stopwords not counted) a unit may stand from its name: «Қызылорда облысының», «города Алматы», «Алматинской области». */
export const UNIT_REACH = 2;

// every unit word of every pack, as the index's terms, with its kind, worked out once
let UNITS: Map<string, UnitKind> | undefined;
function units(): Map<string, UnitKind> {
  if (!UNITS) {
    UNITS = new Map();
    for (const lang of LANGS) {
      for (const [kind, words] of Object.entries(PACKS[lang].units) as [UnitKind, readonly string[]][]) {
        for (const t of listTerms(lang, words, { byWord: true })) UNITS.set(t, kind);
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
  /** the unit word's concept index, when the question writes it (not for a city written bare) */
  unitWord?: number;
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
        out.push({ name: i, unit, unitWord: j });
        return;
      }
    }
  });
  return out;
}

/**
 * In a question written without capitals, the words beside a unit taken for the place's name («какая зарплата в
 * бостандыкском районе»), as a capitalized word would be: written with them, the name needs no guessing, but for its
 * first word, capitalized anyway: before a unit it is the place's name («Қарағанды қаласында…»), unless a common word.
 */
export function placesBesideUnits(concepts: Concept[], text: string): Concept[] {
  const table = units();
  const isUnit = (c: Concept | undefined) => c !== undefined && table.has(c.stem);
  const beside = (i: number) => isUnit(concepts[i + 1]) || isUnit(concepts[i - 1]);
  const guess = /\p{Lu}/u.test(text) ? (c: Concept, i: number) => c.firstWord === true && isUnit(concepts[i + 1]) : (_: Concept, i: number) => beside(i);
  // one of the cities that name regions is a name however written («городу актобе»: its translation «ақтөбе» begins
  // otherwise, which commonWord takes for a common word's)
  return concepts.map((c, i) => (c.name || isUnit(c) || !guess(c, i) || (commonWord(c) && !knownCity(c)) ? c : { ...c, name: true }));
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

/** a name's stem this long or longer names the place in the words it begins too: its adjective («алматинск» for «алмат») */
export const ADJECTIVE_FROM = 5;

/**
 * Whether a word's terms name the concept's place: by a whole word (a prefix term is too loose to stand for a name),
 * or by its adjective, a word the name's stem begins («Алматинской» for «Алматы», «Томской» for «Томск»).
 */
function namesIt(terms: ReadonlySet<string>, concept: Concept): boolean {
  const stem = concept.stem;
  for (const t of terms) {
    if (isPrefixTerm(t)) continue;
    if (concept.terms.has(t) || (stem.length >= ADJECTIVE_FROM && t.length > stem.length && t.startsWith(stem))) return true;
  }
  return false;
}

// each sentence's unit words (their kind by position), or null when it has none: most have none, and a passage is
// read for units by every question asking about it, so this is worked out once per sentence
const UNITS_AT = new WeakMap<readonly ReadonlySet<string>[], readonly (UnitKind | undefined)[] | null>();
function unitsAt(words: readonly ReadonlySet<string>[]): readonly (UnitKind | undefined)[] | null {
  let at = UNITS_AT.get(words);
  if (at === undefined) {
    const kinds = words.map(unitIn);
    UNITS_AT.set(words, (at = kinds.some(Boolean) ? kinds : null));
  }
  return at;
}

/** The units a text (its sentences, each as its words, each as its terms) names the concept's place with. */
export function unitsNaming(sentences: readonly (readonly ReadonlySet<string>[])[], concept: Concept): Set<UnitKind> {
  const out = new Set<UnitKind>();
  for (const words of sentences) {
    const at = unitsAt(words);
    if (!at) continue;
    for (let q = 0; q < words.length; q++) {
      const kind = at[q];
      if (!kind || out.has(kind)) continue;
      for (let p = Math.max(0, q - UNIT_REACH); p <= Math.min(words.length - 1, q + UNIT_REACH); p++) {
        if (p !== q && namesIt(words[p], concept)) {
          out.add(kind);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Whether a sentence (its words, each as its terms) names the place of `named` only with another unit: the name
 * stands with a unit somewhere in it, and never with the question's. `around`: the units the rest of its passage
 * names the place with; a sentence naming it bare speaks of the place the passage does («Аким города Алматы… В
 * Алматы отремонтируют 300 км дорог» is the city), so, when the passage names it only with other units, of another.
 */
export function otherUnit(words: readonly ReadonlySet<string>[], concept: Concept, unit: UnitKind, around?: ReadonlySet<UnitKind>): boolean {
  const at = unitsAt(words);
  // a bare name in a passage naming the place as asked, or not at all, is the place asked
  const bareIsOther = around !== undefined && around.size > 0 && !around.has(unit);
  if (!at && !bareIsOther) return false;
  let other = false;
  let bare = false;
  for (let p = 0; p < words.length; p++) {
    if (!namesIt(words[p], concept)) continue;
    let withUnit = false;
    if (at) {
      for (let q = Math.max(0, p - UNIT_REACH); q <= Math.min(words.length - 1, p + UNIT_REACH); q++) {
        const kind = q === p ? undefined : at[q];
        if (kind === unit) return false;
        if (kind) withUnit = true;
      }
    }
    if (withUnit) other = true;
    else bare = true;
  }
  return other || (bare && bareIsOther);
}

/**
 * The question's names written bare that the passages name as a city: written bare, a place that is a city is the
 * city («Алматы әкімі кім?» asks of the city, not of «Алматы облысы», the region named after it). A name no passage
 * calls a city («Шығыс Қазақстан», a region often named bare) stays bare.
 */
function citiesNamedBare(concepts: readonly Concept[], named: readonly NamedUnit[], passages: readonly PlaceText[], reads?: PlaceReading): NamedUnit[] {
  const out: NamedUnit[] = [];
  // a passage naming it as a city, and writing it capitalized: «қалалық мәслихат» is no city named «мәслихат»
  const isCity = (c: Concept, texts: readonly PlaceText[]) => texts.some((p) => unitsNaming(allWords(p), c).has('city') && writtenAsName(p, c.stem));
  concepts.forEach((c, i) => {
    const known = knownCity(c);
    if (!(c.name || (c.firstWord && !commonWord(c)) || known) || named.some((u) => u.name === i)) return;
    if (known || isCity(c, passages) || (reads !== undefined && isCity(c, reads(c.stem)))) out.push({ name: i, unit: 'city' });
  });
  return out;
}

// the packs' cities that name regions, as index terms (a question in either language, its translations included)
const citiesNamingRegions = allPacksTerms((p) => p.citiesNamingRegions);
/** Whether a concept is one of Kazakhstan's cities that give their name to a region (the packs' citiesNamingRegions). */
const knownCity = (c: Concept): boolean => citiesNamingRegions().has(c.stem);

/** A passage as placesIn reads it. */
export interface PlaceText {
  titleWords: readonly ReadonlySet<string>[];
  words: readonly (readonly ReadonlySet<string>[])[];
  /** how often it writes each stem capitalized and not, inside a sentence (passages.ts) */
  cased?: ReadonlyMap<string, { upper: number; lower: number }>;
}

/** A passage's words, its title's first: where it names a place, and with which unit. */
const allWords = (p: PlaceText): readonly (readonly ReadonlySet<string>[])[] => [p.titleWords, ...p.words];

/** Whether a passage writes a stem as a name: capitalized inside its sentences at least as often as not. */
const writtenAsName = (p: PlaceText, stem: string): boolean => {
  const c = p.cased?.get(stem);
  return c === undefined || c.upper >= c.lower;
};

/** the passages read for a name written bare: of the index's, a few holding it (compose.ts) */
export type PlaceReading = (stem: string) => readonly PlaceText[];

/** How the passages read the places a question names with their units (see placesIn). */
export interface PlacesRead {
  /** the question's places with their units: those it names so, and the cities it names bare */
  named: NamedUnit[];
  /** for each passage, for each named place: the units the passage (its title too) names it with */
  around: Set<UnitKind>[][];
  /**
   * for each passage, whether it speaks of another place of the name: it names one of the places only with other
   * units, while some other passage names them all as asked
   */
  elsewhere: boolean[];
}

/**
 * The places a question names with their units, and how each passage (its title's words and its sentences' words)
 * names them: whether it speaks of the place asked or of another of the name («Алматы облысы» for «Алматы»).
 * `reads`: more of the index's passages holding a name written bare, when the passages found do not say it is a
 * city («Алматыда … ?» over passages on «Алматы облысы» alone).
 */
export function placesIn(concepts: readonly Concept[], passages: readonly PlaceText[], reads?: PlaceReading): PlacesRead {
  const withUnit = namedUnits(concepts);
  const named = [...withUnit, ...citiesNamedBare(concepts, withUnit, passages, reads)];
  // most questions name no place with a unit or as a city: nothing to read (this runs for every question)
  if (named.length === 0) return { named, around: passages.map(() => []), elsewhere: passages.map(() => false) };
  const texts = passages.map(allWords);
  const around = texts.map((words) => named.map((u) => unitsNaming(words, concepts[u.name])));
  const other = around.map((units) => named.some((u, k) => units[k].size > 0 && !units[k].has(u.unit)));
  const asked = around.map((units) => named.every((u, k) => units[k].has(u.unit)));
  const anyAsked = asked.some(Boolean);
  return { named, around, elsewhere: other.map((o) => o && anyAsked) };
}
