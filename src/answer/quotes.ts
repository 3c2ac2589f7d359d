// Choosing what to quote: every sentence of the top passages is scored by how much of the question it meets
// (idf-weighted, through stems, prefixes, glossary and translations), whether it holds an answer of the asked
// kind, what the quote around it adds, and its passage's rank; the best are grown into readable quotes.
import type { SearchResult } from '../search/engine.ts';
import { isPrefixTerm } from '../text/analyzer.ts';
import type { Concept } from '../text/query.ts';
import type { Span } from '../text/sentences.ts';
import { numbersIn, passageOf, sentencesHolding, type AnalysedPassage } from './passages.ts';
import type { AnswerKind, Lang } from '../lang/index.ts';
import { givesLifeSpan, holdsKind, namesMoney, outsideLifeSpans, type Counted, type LifeAsked } from './question.ts';
import { otherUnit, placesIn, unitIn, type PlaceReading } from './units.ts';
import { namesOtherYear } from './years.ts';
import { namesHolder, namesPostOf, type PostAsked } from './holders.ts';
import { analyze, QUOTED } from '../text/analyzer.ts';
import { allPacksTerms } from '../text/pack-terms.ts';

export const MAX_EXCERPT = 600;

/**
 * Tuning numbers of quote selection, measured on the answers/ dev sets with every question answered (answer inside
 * the quotes, TyDi / KazQAD).
 * quoteTarget: a quote grows by whole neighbouring sentences until this long (320 → 600: 0.86 → 0.88 on TyDi).
 * rank: weight of the passage's retrieval rank, as rank/(rank + 1) (0.05 → 1: 0.877 / 0.848 → 0.908 / 0.867;
 * 2 and 4 no better): retrieval puts the answering passage in the top 3 for 0.97 of TyDi, so the top passage's
 * best sentence beats a slightly better-matching sentence further down.
 * kind: bonus for a sentence holding an answer of the asked kind (0, 0.3, 0.6: within ±0.01 here; it decides
 * between sentences of one passage, e.g. the one with the number for «сколько»). Re-measured in the fifteenth round
 * against 0.3, by the full eval: 0.45 raised only answers/tydi-ru's first excerpt (+1); 0.6 also programmes' answer
 * in the first excerpt 0.806 → 0.871 (a passage under a title naming the question's every word, where the dated or
 * counted sentence of a lower passage lost to any of the first's: «29 қазанда Мемлекет басшысы Қасым-Жомарт
 * Тоқаев… болып» for «Когда Токаев был в Алматы?» is now the third quote, and was none) and answers/tydi-ru's unanswerable declined 0.806 → 0.823, for answers/kazqad's first excerpt
 * 0.630 → 0.624; answers in the first three quotes unchanged everywhere. 0.8 and 1 cost product and TyDi answers.
 * context: weight of what the whole quote meets around its sentence (0.5; re-measured in the fifteenth round by the
 * full eval, kind at 0.6: 0.3 lost programmes' first excerpt 0.871 → 0.855 and TyDi's −1; 0.8 answered one more
 * answers/kazqad question (0.788 → 0.794) and two of the full KazQAD, product first excerpt and bold +1 each, for
 * KazQAD's first excerpt and bold −1; 1 and 1.2 the same gains, also costing a TyDi decline).
 * The changes are of one or two questions each: a weight chosen where a step either way costs more.
 * title: how much a word of the document's title counts as met by each of its sentences. A passage under
 * «Киселёв, Дмитрий Константинович» answers «Что закончил Киселёв?» with «В 1978 году окончил…», which never names
 * him; the citation shows the title beside the quote. 0 → 0.5 → 1, refitted each time (answered with the answer /
 * unanswerable declined): TyDi 0.756 / 0.726 → 0.810 / 0.694 → 0.845 / 0.694, KazQAD 0.745 / 0.500 → 0.764 / 0.568 →
 * 0.776 / 0.545; held out of the fit, answered right 0.771 → 0.829. Counting the title in the passage's own
 * coverage too added nothing (0.842 / 0.694). For choosing the sentence only the title's names count: with every
 * word, answers inside the quotes (never declining) 0.921 / 0.848, with names only 0.930 / 0.855.
 * How close together a sentence holds the question's concepts (the fewest consecutive words holding them all) was
 * measured too, and left out: as a weight here (0.1–0.4) it kept TyDi's answers in the quotes at 0.908 or lower and
 * cost KazQAD 0.006–0.012; as a feature of the decision it moved the dev figures by ±0.02 either way depending on
 * how it was capped, within what a refit's threshold moves by itself, while costing a fifth of an answer's time.
 * counts: for «how many», a sentence with a number right before what is counted (countsBefore) over one with a
 * number of something else beside the word: the first excerpt held the answer for the seeds 0.929 → 1.000 (0.3 →
 * 0.6: its sentence in bold 0.857 → 0.929), product 0.922 either way (bold 0.765 → 0.784), TyDi 0.810 → 0.807;
 * nothing else moved. At 1 it answered one more product near miss (declined 0.682 → 0.636). The same bonus goes to a
 * sentence naming the kind of thing a «какой / қандай» question asks (categoryBy: «Какой клуб…» → «…клубы бар»):
 * answers/tydi-ru answered with the answer 0.861 → 0.867, answers/kazqad unanswerable declined 0.455 → 0.477 (after
 * the refit), full TyDi 0.854 → 0.859, full KazQAD answer in its bold sentence 0.452 → 0.459; nothing fell. And to a
 * sentence naming a person beside the post a «who» question asks of (holders.ts: «Облыс әкімі Нұралхан…» over «облыс
 * әкімінің орынбасары…»): product answer in the first excerpt 0.917 → 0.925, in bold 0.833 → 0.842; nothing else moved.
 */
export const SELECTION = { quoteTarget: 600, kind: 0.6, context: 0.8, rank: 1, title: 1, counts: 0.6 };

/** The question as the answer layer weighs it: its concepts with their idf. */
export interface Weighted {
  concepts: Concept[];
  weights: number[];
}

/** How well a concept is met by a set of terms in the question's language: the weight of its best term present. */
export function met(c: Concept, terms: ReadonlySet<string>): number {
  const { list, weights, besides } = termList(c);
  let best = 0;
  for (let i = 0; i < list.length; i++) if (weights[i] > best && terms.has(list[i]) && allIn(besides[i], terms)) best = weights[i];
  return best;
}

/** Whether, for one of the phrases (none: true), every other stem is among `terms`. */
function allIn(phrases: readonly (readonly string[])[] | undefined, terms: ReadonlySet<string>): boolean {
  if (!phrases) return true;
  return phrases.some((others) => others.every((s) => terms.has(s)));
}

/**
 * A concept's terms and weights as arrays, made once per concept: `met` runs for every concept against every
 * sentence of every passage, and iterating the Map's entries allocated a pair each time (a third of what an answer
 * allocated, and so of its collections).
 */
interface TermList {
  list: string[];
  weights: number[];
  /** for a word of glossary phrases, each phrase's other stems, one phrase's of which must stand beside it (Concept.phraseOf) */
  besides: (readonly (readonly string[])[] | undefined)[];
  /** the highest weight of an equivalent in the other language (not the stem, not a prefix term) */
  bestEquivalent: number;
}
const TERM_LISTS = new WeakMap<ReadonlyMap<string, number>, TermList>();
function termList(c: Concept): TermList {
  let found = TERM_LISTS.get(c.terms);
  // a concept's terms are settled once its question is analysed; the size check catches a map grown since
  if (!found || found.list.length !== c.terms.size) {
    const list = [...c.terms.keys()];
    const weights = [...c.terms.values()];
    let bestEquivalent = 0;
    list.forEach((t, i) => {
      if (t !== c.stem && !isPrefixTerm(t) && !c.forms?.has(t)) bestEquivalent = Math.max(bestEquivalent, weights[i]);
    });
    TERM_LISTS.set(c.terms, (found = { list, weights, besides: list.map((t) => c.phraseOf?.get(t)), bestEquivalent }));
  }
  return found;
}

/**
 * How well a concept is met by a passage in the other language: its own stem (a name, a number, a word both
 * languages write alike) fully; an equivalent (learned translation or glossary) in proportion to how likely it is
 * next to the concept's likeliest one, so the best translation present counts in full; a prefix at its weight.
 */
export function metAcross(c: Concept, terms: ReadonlySet<string>): number {
  const { list, weights, besides, bestEquivalent } = termList(c);
  let best = 0;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (!terms.has(t) || !allIn(besides[i], terms)) continue;
    const credit = t === c.stem || c.forms?.has(t) ? 1 : isPrefixTerm(t) ? weights[i] : weights[i] / bestEquivalent;
    if (credit > best) best = credit;
  }
  return best;
}

/** Share of the question met, from how well each concept is met (`metBy[i]` for concept i); `only` picks concepts. */
function weighed(q: Weighted, metBy: ArrayLike<number>, only?: (c: Concept) => boolean): number {
  // plain loops and no default callback: this runs for every sentence of every passage an answer reads
  let total = 0;
  let got = 0;
  for (let i = 0; i < q.concepts.length; i++) {
    if (only && !only(q.concepts[i])) continue;
    total += q.weights[i];
    got += q.weights[i] * metBy[i];
  }
  return total ? got / total : 1;
}

/** Share of the question (Σ idf × how well met, over Σ idf) that a set of terms meets; `only` picks concepts. */
export function coverage(q: Weighted, terms: ReadonlySet<string>, across: boolean, only?: (c: Concept) => boolean): number {
  const meet = across ? metAcross : met;
  let total = 0;
  let got = 0;
  for (let i = 0; i < q.concepts.length; i++) {
    const c = q.concepts[i];
    if (only && !only(c)) continue;
    total += q.weights[i];
    got += q.weights[i] * meet(c, terms);
  }
  return total ? got / total : 1;
}

/**
 * the stems of the packs' words for now, today, tomorrow (LanguagePack.now), and of the word a year is said with
 * («году», «жылы»: yearWords.after): they say when, like a year's number. Were «год» a focus word, «Объем ВРП на
 * 2019 год …» would meet half the focus of «Какой долг области в 2019 году?».
 */
const now = allPacksTerms((p) => [...p.now, ...p.yearWords.after]);
/** a concept that only places the question in time («сегодня», «ертең», «в 2019 году») */
const isNow = (c: Concept) => now().has(c.stem);
/**
 * The words that carry the asked fact: not names or numbers, which only say what the question is about, nor words
 * for now, which say when.
 */
export const isFocus = (c: Concept) => !c.name && !/^\d/.test(c.stem) && !isNow(c);

export interface Candidate {
  result: SearchResult;
  rank: number;
  /** the quote, as offsets in the chunk text */
  span: Span;
  /**
   * the sentence set in bold, as offsets in the chunk text (inside `span`): the one the quote was chosen for, or
   * another of the quote's sentences that holds an answer of the asked kind where it does not
   */
  sentence: Span;
  score: number;
  /** what the sentence itself meets: all of the question, its focus words */
  sentenceCoverage: number;
  focusCoverage: number;
  namesCoverage: number;
  /** the places the question names with their unit that the quote (its title too) does not name as such, by concept index */
  placesUnmet: readonly number[];
  /** the quote names one of the question's places only as another place of the name («Алматы облысы» for «Алматы қаласы») */
  placesOther: boolean;
  holdsKind: boolean;
  /** … or a sentence it points back to, or one that points back to it, does («…больше 10 тысяч алматинцев. Именно столько комментариев написали…») */
  kindNear: boolean;
  /** how well the sentence (or the one beside it that it leans on) names what a «how many» question counts; 1 if nothing */
  counted: number;
  /** … and whether that sentence, or the one it leans on for its number, writes the question's quoted titles whole (true when it quotes none) */
  countsTitled: boolean;
  /**
   * for «who» asking a post's holder, whether the sentence names a person beside the post; for «who is X», whether it
   * names X beside a post (holders.ts); false for other questions
   */
  namesHolder: boolean;
  /** what the sentence meets by whole words only (no prefix terms or spelling corrections) */
  strictCoverage: number;
  /** share of the question's neighbouring concept pairs the sentence holds close together */
  pairs: number;
  /** what the whole passage meets */
  passageCoverage: number;
  /** what the quote around the sentence meets: all of the question, its focus words */
  quoteCoverage: number;
  quoteFocus: number;
  across: boolean;
}

/** The question with only its whole-word evidence: prefix terms and spelling corrections left out. */
export function strictly(q: Weighted): Weighted {
  return {
    weights: q.weights,
    concepts: q.concepts.map((c) => ({
      ...c,
      terms: new Map([...c.terms].filter(([t]) => !isPrefixTerm(t) && !c.corrected?.includes(t))),
    })),
  };
}

/** What a question asks beyond its concepts, worked out once (question.ts, years.ts) and passed to `candidates`. */
export interface Asking {
  /** what a life span in brackets tells for it (lifeAsked) */
  life?: LifeAsked;
  /** what a «how many» question counts (countedBy) */
  counted?: Counted | null;
  /** the concept naming the kind of thing a «какой / қандай» question asks (categoryBy) */
  category?: number | null;
  /** the years it asks about (askedYears) */
  years?: readonly string[];
  /** more passages holding a place's name, read for whether it is a city (units.ts placesIn) */
  reads?: PlaceReading;
  /** the question was typed without its language's own letters, or partly so (Query.script): its spelling may not be the texts' */
  typed?: boolean;
  /** what a «who» question asks of a post (postAsked) */
  post?: PostAsked | null;
  /** for «who is X» (personAsked), X's names by index: a sentence naming X's post answers it */
  person?: readonly number[];
}
const NO_TERMS: ReadonlySet<string> = new Set();
const NO_CONCEPTS: readonly number[] = [];
// a quote that misses no place the question names (most questions name none: shared, not allocated per sentence)
const NO_PLACES: readonly number[] = [];

// a question asking nothing of a life span: no concept met by one, and its years answer as any others
const NO_LIFE: LifeAsked = { concepts: [], dates: true };

/**
 * Every sentence of the passages as a scored quote candidate, best first. How well a quote meets a concept is the
 * best any of its sentences does (the terms of a union), so each sentence is matched against the question once
 * and a quote only takes maxima: a passage costs sentences × concepts, not sentences² × terms. `asking`: what the
 * question asks beyond its concepts (see Asking); `analysed`: the results' passages, where the caller has them
 * already (each is analysed once and cached, but a lookup and a heading per use add up).
 */
export function candidates(q: Weighted, results: SearchResult[], lang: string, kind: AnswerKind, asking: Asking = {}, analysed: readonly AnalysedPassage[] = results.map(passageOf)): Candidate[] {
  const { life = NO_LIFE, counted = null, category = null, years = [], reads, typed = false, post = null, person = NO_CONCEPTS } = asking;
  const strict = strictly(q);
  const byTerm = conceptsByTerm(q);
  // the places it names with their units, and which passages speak of another place of the name (units.ts)
  const places = placesIn(q.concepts, analysed, reads);
  const { named } = places;
  // the places it names, a first word among them («Алматыда…»), are names the answer must meet, as any other name
  const placeNames = new Set(named.map((u) => q.concepts[u.name]));
  // what a «how many» question counts, as concepts (none for a price, or when it counts nothing named)
  const countedConcepts = counted && 'concepts' in counted ? counted.concepts.map((k) => q.concepts[k]) : [];
  // whether it counts people («Сколько человек…?», «Неше адам…?»)
  const countsPeople = countedConcepts.some((c) => [...c.terms.keys()].some((t) => people().has(t)));
  // the word saying which kind of the counted thing («діни» бірлестік), when the question gives one
  const describing = counted && 'concepts' in counted && counted.describing !== undefined ? q.concepts[counted.describing] : null;
  // the concepts of each quoted title of two words or more, met by a sentence whole as written or not at all (a
  // title no passage writes whole, «Странная женщина» over «Чудо-женщина», is named by none); typed, a question may
  // spell a title otherwise than the texts («Auyl amanaty» read back as «ауил»), and one no passage writes whole is
  // left alone
  const titles = titleWords(q.concepts).filter((g) => !typed || analysed.some((p) => [p.title, ...p.sentences].some((terms) => writesWhole(g, q.concepts, terms))));
  // the terms of the question's own names (its first word too: «Кокжайляу салынады ма?»)
  const questionNames = new Set(q.concepts.filter((c) => c.name || c.firstWord).flatMap((c) => [...c.terms.keys()]));
  // the question's names that are words, not numbers (by index): «Алматы», not «2013»
  const wordNames = post ? q.concepts.flatMap((c, k) => (c.name && !/^\d/.test(c.stem) ? [k] : [])) : [];
  // every term of the question, for a «which X» one: a title it quotes is not the answer
  const questionTerms = category !== null ? new Set(q.concepts.flatMap((c) => [...c.terms.keys()])) : NO_TERMS;
  // … and whether what it asks a kind of is a thing named by a title (a club, a project, a poem; not a word)
  const asksTitled = category !== null && [...q.concepts[category].terms.keys()].some((t) => titledThings().has(t));
  const out: Candidate[] = [];
  results.forEach((result, rank) => {
    const { text } = result.chunk;
    const across = result.doc.lang !== lang;
    const meet = across ? metAcross : met;
    const passage = analysed[rank];
    const passageCoverage = coverage(q, passage.terms, across);
    const { spans, sentences: sentenceTerms } = passage;
    // what the document's title adds: every concept for the decision's features (it says the passage is on the
    // topic), only names for choosing the sentence (a topic title such as «Энергетикалық алмасу және оның
    // кезеңдері» would make every sentence look as if it held the focus words)
    const n = q.concepts.length;
    // a title or sentence naming one of the question's places with another unit than the question's speaks of
    // another place of that name (units.ts): it does not meet that name; nor does one naming it bare in a passage
    // that names it only with other units (`around`)
    const around = places.around[rank];
    const byTitle = q.concepts.map((c, i) => (named.some((u) => u.name === i && otherUnit(passage.titleWords, c, u.unit)) ? 0 : SELECTION.title * meet(c, passage.title)));
    // a passage speaking of another place of the name («Алматы облысы» for «Алматы»), beside one on the place asked:
    // its rank says nothing
    const rankBonus = places.elsewhere[rank] ? 0 : SELECTION.rank / (rank + 1);
    const metBySentence: Float64Array[] = [];
    // whether each sentence writes every quoted title of the question whole; a title the document's title writes
    // whole is met by each of its sentences, as its names are
    const titlesWhole: boolean[] = [];
    const titledAbove = titles.map((g) => writesWhole(g, q.concepts, passage.title));
    const forChoice: Float64Array[] = [];
    // whether each sentence names one of the question's places as another place of the name
    const otherPlace: boolean[] = [];
    sentenceTerms.forEach((terms, j) => {
      const all = new Float64Array(n);
      const names = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const own = meet(q.concepts[k], terms);
        all[k] = Math.max(byTitle[k], own);
        names[k] = q.concepts[k].name ? all[k] : own;
      }
      let whole = true;
      titles.forEach((group, g) => {
        if (titledAbove[g] || writesWhole(group, q.concepts, terms)) return;
        for (const k of group) all[k] = names[k] = 0;
        whole = false;
      });
      titlesWhole.push(whole);
      // a life span in brackets opening in this sentence says «родился» and «умер» without the words (read on into
      // the next sentence: an initial inside the brackets, «J.E.B.», may end a sentence for the splitter)
      const { start, end } = spans[j];
      if (life.concepts.length && givesLifeSpan(text.slice(start, spans[Math.min(j + 1, spans.length - 1)].end), result.doc.lang, end - start)) {
        for (const k of life.concepts) all[k] = names[k] = 1;
      }
      let elsewhere = false;
      named.forEach((u, k) => {
        if (otherUnit(passage.words[j], q.concepts[u.name], u.unit, around[k])) {
          all[u.name] = names[u.name] = 0;
          elsewhere = true;
        }
      });
      otherPlace.push(elsewhere);
      metBySentence.push(all);
      forChoice.push(names);
    });
    const relevance = metBySentence.map((m) => weighed(q, m));
    const choiceRelevance = forChoice.map((m) => weighed(q, m));
    // «who» and «where» are answered by a name the question does not hold: «Көк Жайлау тау шаңғысы курортын салуға
    // тыйым салынды» names only the place asked about, and says nobody who builds there
    // a sentence giving another year's figure holds no answer for the year asked (years.ts)
    // and a «когда» asking of anything but a life is not answered by a life span's years alone
    const held = sentencesHolding(passage, text, kind);
    const sentence = (j: number) => text.slice(spans[j].start, spans[j].end);
    const holding = years.length === 0 && life.dates ? held
      : held.map((h, j) => h && !years.some((y) => namesOtherYear(sentence(j), y)) && (life.dates || holdsKind(outsideLifeSpans(sentence(j), result.doc.lang), kind)));
    // «Кто аким Алматы?»: a sentence naming a person beside the post asked («Алматы қаласының әкімі Бақытжан
    // Сағынтаев») says who holds it, as a number right before the counted thing says how many (its bonus, its bold)
    // and the question's words beside the post («министра образования») and its names («…маслихата Алматы» is not
    // answered by the chairman of Turkistan's), in the sentence or the document's title
    const meetsPost = (terms: ReadonlySet<string>) => post?.post == null || meet(q.concepts[post.post], terms) > 0;
    // … and for «who is X», a sentence naming X beside a post of theirs («…отметил председатель общественного совета
    // г. Алматы Рахман Алшанов») says who X is, as a holder's says who holds a post
    const meetsPerson = (terms: ReadonlySet<string>) => person.some((k) => meet(q.concepts[k], terms) > 0);
    const holder = post ? spans.map((sp, j) => meetsPost(sentenceTerms[j]) && [...post.besides, ...wordNames].every((k) => metBySentence[j][k] > 0) && namesHolder(text.slice(sp.start, sp.end), result.doc.lang, post, questionNames, meetsPost))
      : person.length > 0 ? spans.map((sp, j) => meetsPerson(sentenceTerms[j]) && namesPostOf(text.slice(sp.start, sp.end), result.doc.lang, meetsPerson))
      : null;
    // a question in the text (an interviewer's) holds no answer, whatever numbers or names it has; for «who is X»,
    // the answer is X's post, not another name
    const kindIn = person.length > 0 && holder ? holder : holding.map((h, j) => h && !passage.asks[j] && (!NAMED_KINDS.has(kind) || namesOtherThan(passage.names[j], questionNames)));
    const { pointsBack } = passage;
    const isName = (c: Concept) => (!isFocus(c) && !isNow(c)) || placeNames.has(c);
    // a sentence leaning on the one before it («Ол…», a line after a heading) takes that one's names as its own
    const namesMet = metBySentence.map((m, j) => (j > 0 && passage.pointsBack[j] ? weighedMax(q, m, metBySentence[j - 1], isName) : weighed(q, m, isName)));
    // people counted are met by any word naming people («Неше адам…?» by «10000-нан астам азамат»)
    const meetCounted = countsPeople ? (c: Concept, terms: ReadonlySet<string>) => Math.max(meet(c, terms), hasAny(terms, people()) ? 1 : 0) : meet;
    // how well each sentence itself names what a «how many» question counts (1 when it counts nothing named); a
    // sum of money, which texts name by its currency and seldom by «денег» / «ақша», about the question's names:
    // «Сколько денег выделено на проект «Таза бейсенбі»?» is not answered by a grant of «22 млн теңге» to others
    // which words are numbers, worked out only for a «how many» question that counts something named
    const numbers = countedConcepts.length > 0 ? numbersIn(passage) : [];
    const countedIn = spans.map((sp, j) =>
      !counted ? 1
      : 'money' in counted ? (namesMoney(text.slice(sp.start, sp.end)) && namesMet[j] > 0 ? 1 : 0)
      : countsOnlyOther(passage.words[j], numbers[j], countedConcepts, meetCounted) ? 0
      : describing && countsOtherKind(passage.words[j], numbers[j], describing, countedConcepts, q.concepts, meetCounted) ? 0
      : Math.max(...countedConcepts.map((c) => meetCounted(c, sentenceTerms[j]))));
    // a number right before the counted thing («500 школ»), or, for «Какой клуб…», the kind of thing asked named
    const countsIt = spans.map((_, j) =>
      countedConcepts.length > 0 ? countsBefore(passage.words[j], numbers[j], countedConcepts, meetCounted)
      : category !== null && meet(q.concepts[category], sentenceTerms[j]) > 0);
    // «Какой клуб…?», «Қай жырда…?»: the thing asked is most often named by a title in quotes the question lacks,
    // beside the kind of thing asked («Бізде «Саяси партиялар» клубы бар»): such a sentence is the one in bold, and,
    // where the kind is a thing titles name (asksTitled: a club, a project, a poem), it takes the kind bonus in
    // choosing the quote. Not for any kind: «…башкирского слова «тамаҡ»» was lifted over the answer to «От какого
    // слова произошло название Китай?» (TyDi −1 answer, before the packs' list)
    const titled = category !== null ? spans.map((sp, j) => countsIt[j] && namesNewTitle(text.slice(sp.start, sp.end), result.doc.lang, questionTerms)) : null;
    // what a reader sees in bold: within a quote, a sentence holding an answer of the asked kind first, then one
    // whose number counts the asked thing, then the most relevant, a sentence that points back («Ол 768-814 жылдары
    // билік құрды») meeting the names of the one before it
    // for «who», a sentence leaning on the one before it names its person there («Мүсірепов сондай-ақ… . Ол …
    // «Амангелді» … жазды»): the person is the name before, so that sentence's flag is the one that counts
    // (not one naming a post's holder itself: «Сонымен қатар кеңесте … Алматы қаласының әкімі Бақытжан Сағынтаев…»)
    const byReference = (j: number) => kind === 'person' && j > 0 && pointsBack[j] && kindIn[j - 1] && !holder?.[j];
    const boldRank = forChoice.map((f, j) => {
      const relevance = j > 0 && pointsBack[j] ? weighedCarrying(q, f, forChoice[j - 1]) : choiceRelevance[j];
      // the flags outrank any relevance (at most 1, halved)
      return ((kindIn[j] || titled?.[j]) && countedIn[j] > 0 && !byReference(j) ? 2 : 0) + (countsIt[j] || holder?.[j] ? 1 : 0) + relevance / 2;
    });
    const quoted = new Float64Array(n);
    const quotedForChoice = new Float64Array(n);
    spans.forEach((s, i) => {
      const quote = quoteSpan(text, spans, i, choiceRelevance, pointsBack[i]);
      quoted.fill(0);
      quotedForChoice.fill(0);
      // the quote is whole sentences around sentence i, or sentence i cut at MAX_EXCERPT: then what its shown part meets
      let first = i;
      while (first > 0 && spans[first - 1].start >= quote.start) first--;
      const cut = spans[i].end > quote.end ? shownPart(q, metBySentence[i], forChoice[i], analyze(text.slice(spans[i].start, quote.end), result.doc.lang), byTitle, meet) : null;
      let last = first;
      for (let j = first; j < spans.length && (j <= i || spans[j].end <= quote.end); j++) {
        last = j;
        const m = j === i && cut ? cut.all : metBySentence[j];
        const f = j === i && cut ? cut.names : forChoice[j];
        for (let c = 0; c < n; c++) {
          if (m[c] > quoted[c]) quoted[c] = m[c];
          if (f[c] > quotedForChoice[c]) quotedForChoice[c] = f[c];
        }
      }
      const holds = kindIn[i];
      const quoteCoverage = weighed(q, quoted);
      // the number may stand in the sentence this one refers back to, or in one that leans on it
      const numberBefore = kindIn[i - 1] === true && pointsBack[i] && !passage.adds[i];
      const numberAfter = kindIn[i + 1] === true && pointsBack[i + 1] === true;
      // the counted word in the sentence, or in the one it leans on for its number, or that leans on it
      const countedHere = Math.max(countedIn[i], numberBefore ? countedIn[i - 1] : 0, numberAfter ? countedIn[i + 1] : 0);
      // for «how many», the kind bonus goes to a number of the counted thing («17 аумақтық партия филиалдары»), not
      // to any number («екінші орынға»)
      const score = choiceRelevance[i] + SELECTION.context * weighed(q, quotedForChoice) + (holds && countedHere > 0 ? SELECTION.kind : asksTitled && titled?.[i] ? SELECTION.kind : 0) + (countsIt[i] || holder?.[i] ? SELECTION.counts : 0) + rankBonus;
      let bold = i;
      for (let j = first; j < spans.length && spans[j].end <= quote.end; j++) if (boldRank[j] > boldRank[bold]) bold = j;
      out.push({
        result, rank, span: quote, sentence: spans[bold], score, across, passageCoverage, holdsKind: holds, quoteCoverage,
        kindNear: holds || numberBefore || numberAfter,
        countsTitled: titlesWhole[i] || (numberBefore && titlesWhole[i - 1]) || (numberAfter && titlesWhole[i + 1]),
        counted: countedHere,
        namesHolder: holder?.[i] ?? false,
        quoteFocus: weighed(q, quoted, isFocus),
        sentenceCoverage: relevance[i],
        strictCoverage: coverage(strict, sentenceTerms[i], across),
        // only the top three passages' sentences inform the decision (see compose.ts)
        pairs: rank < PAIRS_FROM ? pairsMet(q, passage.words[i], byTerm) : 0,
        focusCoverage: weighed(q, metBySentence[i], isFocus),
        namesCoverage: namesMet[i],
        placesUnmet: named.length === 0 ? NO_PLACES : named.flatMap((u) => (u.unitWord !== undefined && quoted[u.name] === 0 ? [u.name] : [])),
        placesOther: named.length > 0 && named.some((u) => quoted[u.name] === 0) && namesOtherPlace(otherPlace, first, last),
      });
    });
  });
  return out.sort((a, b) => b.score - a.score);
}

/** Whether a sentence quotes a title with a word the question does not have. */
function namesNewTitle(sentence: string, lang: Lang, questionTerms: ReadonlySet<string>): boolean {
  for (const m of sentence.matchAll(QUOTED)) {
    const words = analyze(m[0].slice(1, -1), lang).filter((t) => !isPrefixTerm(t));
    if (words.some((t) => !questionTerms.has(t))) return true;
  }
  return false;
}

/** Whether a set of terms holds every word of a quoted title as the question writes it (no translation, no prefix). */
function writesWhole(group: readonly number[], concepts: readonly Concept[], terms: ReadonlySet<string>): boolean {
  return group.every((k) => terms.has(concepts[k].stem) || [...(concepts[k].forms ?? [])].some((f) => terms.has(f)));
}

/**
 * The question's quoted titles of two words or more (Concept.title), each as its concepts' indices: «Ауыл
 * аманаты» meets «аманаты» of «Жер аманаты», and speaks of another project.
 */
function titleWords(concepts: readonly Concept[]): number[][] {
  const groups = new Map<number, number[]>();
  concepts.forEach((c, k) => {
    if (c.title !== undefined) groups.set(c.title, [...(groups.get(c.title) ?? []), k]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Whether a sentence of a quote (sentences first to last) names a place of the question as another of the name. */
function namesOtherPlace(otherPlace: readonly boolean[], first: number, last: number): boolean {
  const at = otherPlace.indexOf(true, first);
  return at >= 0 && at <= last;
}

/**
 * What the shown part of a sentence cut at MAX_EXCERPT meets (`shown`, its terms): no more than the whole sentence
 * does, and nothing only its hidden rest says.
 */
function shownPart(q: Weighted, all: Float64Array, names: Float64Array, shown: readonly string[], byTitle: readonly number[], meet: (c: Concept, terms: ReadonlySet<string>) => number): { all: Float64Array; names: Float64Array } {
  const terms = new Set(shown);
  const outAll = new Float64Array(all.length);
  const outNames = new Float64Array(names.length);
  q.concepts.forEach((c, k) => {
    const here = meet(c, terms);
    outAll[k] = Math.min(all[k], Math.max(byTitle[k], here));
    outNames[k] = Math.min(names[k], c.name ? outAll[k] : here);
  });
  return { all: outAll, names: outNames };
}

/** Whether a sentence's names (stems written capitalized) hold one that is not among the question's. */
function namesOtherThan(names: ReadonlySet<string>, questionNames: ReadonlySet<string>): boolean {
  for (const stem of names) if (!questionNames.has(stem)) return true;
  return false;
}

/** weighed over the concepts `only` keeps, each met as well as either sentence meets it */
function weighedMax(q: Weighted, a: ArrayLike<number>, b: ArrayLike<number>, only: (c: Concept) => boolean): number {
  let total = 0;
  let got = 0;
  for (let k = 0; k < q.concepts.length; k++) {
    if (!only(q.concepts[k])) continue;
    total += q.weights[k];
    got += q.weights[k] * Math.max(a[k], b[k]);
  }
  return total ? got / total : 1;
}

/** weighed(q, metBy), a name counting as met by the sentence before (`before`) too: a sentence pointing back */
function weighedCarrying(q: Weighted, metBy: ArrayLike<number>, before: ArrayLike<number>): number {
  let total = 0;
  let got = 0;
  for (let k = 0; k < q.concepts.length; k++) {
    total += q.weights[k];
    got += q.weights[k] * (q.concepts[k].name ? Math.max(metBy[k], before[k]) : metBy[k]);
  }
  return total ? got / total : 1;
}

/** the kinds of answer that are names: a person's, a place's */
const NAMED_KINDS: ReadonlySet<AnswerKind> = new Set(['person', 'place']);

/** How near (in words, stopwords not counted) a number stands before what it counts: «500 школ», «70 тысяч школ». */
const COUNTS_WITHIN = 2;

/**
 * Whether a sentence (its words, as their terms) writes a number right before a word of what a «how many» question
 * counts: «…прозвучала цифра 500 школ» counts the schools, where «дефицит мест в школах существенный - 70 тысяч»
 * holds a number and the word but counts places.
 */
function countsBefore(words: readonly ReadonlySet<string>[], numeric: readonly boolean[], counted: readonly Concept[], meet: (c: Concept, terms: ReadonlySet<string>) => number): boolean {
  for (let w = 0; w < words.length; w++) {
    if (!numeric[w]) continue;
    if (meetsAny(counted, words.slice(w + 1, w + 1 + COUNTS_WITHIN), meet)) return true;
  }
  return false;
}

/** Whether some of the concepts are met by a few words together: a glossary phrase may take two of them («487 үкіметтік емес ұйым» for НКО). */
function meetsAny(concepts: readonly Concept[], words: readonly ReadonlySet<string>[], meet: (c: Concept, terms: ReadonlySet<string>) => number): boolean {
  if (words.length === 0) return false;
  const terms = words.length === 1 ? words[0] : new Set(words.flatMap((w) => [...w]));
  return concepts.some((c) => meet(c, terms) > 0);
}

// things named by a title in quotes, as index terms (the packs' category.titled)
const titledThings = allPacksTerms((p) => p.category.titled);
// every pack's words naming people as index terms (either language)
const people = allPacksTerms((p) => p.counting.people);

// every pack's scale and counter words as index terms (texts in either language), prefix terms kept: they are
// matched against a passage's words, which hold them
const scaleWords = allPacksTerms((p) => p.counting.scales, { prefixes: true });
const counterWords = allPacksTerms((p) => p.counting.counters, { prefixes: true });

/**
 * Whether every number a sentence writes (in digits or in words: «жеті ауданда») counts something it names other
 * than what a «how many» question counts: «…спорттық мектептерде 37 кездесу…» gives a number of meetings, not of
 * schools. Scale words are read past («70 тысяч», «800 мыңнан астам»); a number followed by nothing named (the
 * sentence's end, another number) or by a counter («500 человек», «85 356 адамға») may count what is asked, and so
 * may a sentence without a number. Measured: product near misses declined 0.727 → 0.773 («Қызылорда қаласында қанша мектеп бар?»), its
 * answerable ones all still answered; TyDi unchanged; KazQAD one more unanswerable declined, and one answer lost
 * whose gold is a name, not a number («…неше генерал-губернаторлықтың құрамына кірді?»).
 */
function countsOnlyOther(words: readonly ReadonlySet<string>[], numeric: readonly boolean[], counted: readonly Concept[], meet: (c: Concept, terms: ReadonlySet<string>) => number): boolean {
  const scales = scaleWords();
  const counters = counterWords();
  let numbers = 0;
  for (let w = 0; w < words.length; w++) {
    if (!numeric[w]) continue;
    numbers++;
    const named: ReadonlySet<string>[] = [];
    for (let u = w + 1; u < words.length && named.length < COUNTS_WITHIN; u++) {
      if (hasAny(words[u], scales)) continue;
      if (numeric[u] || hasAny(words[u], counters)) break;
      named.push(words[u]);
      // a number of districts, cities or villages counts them, whatever is named after («жеті ауданда «Ардагерлер кеңесі» бар»)
      if (named.length === 1 && unitIn(words[u]) !== undefined) break;
    }
    if (named.length === 0 || meetsAny(counted, named, meet)) return false;
  }
  return numbers > 0;
}

/**
 * Whether a sentence counts another kind of the thing a «how many» question counts, as the question describes it:
 * «Олардың ішінде қоғамдық бірлестіктер – 301» gives the public associations, not «неше діни бірлестік» (religious
 * ones). So when the sentence never meets the describing word, and every time it names the counted noun another
 * word of its own stands right before it (not a number, not a word of the question).
 */
function countsOtherKind(words: readonly ReadonlySet<string>[], numeric: readonly boolean[], describing: Concept, counted: readonly Concept[], question: readonly Concept[], meet: (c: Concept, terms: ReadonlySet<string>) => number): boolean {
  if (words.some((w) => meet(describing, w) > 0)) return false;
  const nouns = counted.filter((c) => c !== describing);
  let named = 0;
  for (let w = 0; w < words.length; w++) {
    if (!meetsAny(nouns, [words[w]], meet)) continue;
    named++;
    const before = words[w - 1];
    if (!before || numeric[w - 1] || meetsAny(question, [before], meet)) return false;
  }
  return named > 0;
}

function hasAny(terms: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  for (const t of terms) if (of.has(t)) return true;
  return false;
}

/**
 * How far apart (in words, stopwords not counted) two neighbouring concepts of the question may stand in a sentence
 * and count as a pair: the sentence then says what the question says («первый фильм», «главная площадь»), not only
 * names its words. As a feature of the decision (`pairs`), in 5-fold cross-validation on the answers/ sets: AUC
 * 0.868 → 0.875 (TyDi) and 0.744 → 0.754 (KazQAD), answered with the answer when 85% of TyDi's unanswerable are
 * declined 0.67 → 0.76; windows of 2 and 5 within ±0.01 of 3. As a selection weight (0.3, 0.6) no gain.
 */
const PAIR_WINDOW = 3;
/** pairs are counted in the sentences of this many top passages, the ones the decision reads */
const PAIRS_FROM = 3;

/** Which of the question's concepts each term meets (by index): built once per question for pairsMet. */
function conceptsByTerm(q: Weighted): Map<string, number[]> {
  const out = new Map<string, number[]>();
  q.concepts.forEach((c, i) => {
    for (const [t, w] of c.terms) if (w > 0) (out.get(t) ?? out.set(t, []).get(t)!).push(i);
  });
  return out;
}

const NONE: readonly number[] = [];

/** Share (idf-weighted) of the question's neighbouring concept pairs that stand within PAIR_WINDOW words in a sentence. */
function pairsMet(q: Weighted, words: ReadonlySet<string>[], byTerm: Map<string, number[]>): number {
  if (q.concepts.length < 2) return 0;
  const at: number[][] = q.concepts.map(() => []);
  words.forEach((terms, p) => {
    for (const t of terms) {
      for (const i of byTerm.get(t) ?? NONE) if (at[i][at[i].length - 1] !== p) at[i].push(p);
    }
  });
  let total = 0;
  let got = 0;
  for (let i = 1; i < q.concepts.length; i++) {
    const w = q.weights[i - 1] + q.weights[i];
    total += w;
    if (at[i - 1].some((p) => at[i].some((r) => r !== p && Math.abs(r - p) <= PAIR_WINDOW))) got += w;
  }
  return total ? got / total : 0;
}

const PARAGRAPH = /\n\s*\n/;

/**
 * The span to quote for sentence i: the sentence, grown by whole neighbouring sentences while it is shorter than
 * the quote target and stays within MAX_EXCERPT. The neighbour that meets more of the question goes first; between
 * two that meet nothing, the one before when the sentence points back to it (`backFirst`: «Именно столько…»,
 * «Бұл…»), else the one after. A paragraph break stops the growth once the quote reads on its own. A sentence longer than
 * MAX_EXCERPT is cut at a word boundary.
 */
export function quoteSpan(text: string, spans: Span[], i: number, relevance: number[], backFirst: boolean, target = SELECTION.quoteTarget): Span {
  let { start, end } = spans[i];
  let prev = i - 1;
  let next = i + 1;
  while (end - start < target) {
    const shortEnough = end - start < target / 3;
    const canPrev = prev >= 0 && end - spans[prev].start <= MAX_EXCERPT && (shortEnough || !PARAGRAPH.test(text.slice(spans[prev].end, start)));
    const canNext = next < spans.length && spans[next].end - start <= MAX_EXCERPT && (shortEnough || !PARAGRAPH.test(text.slice(end, spans[next].start)));
    if (!canPrev && !canNext) break;
    const preferPrev = canPrev && (!canNext || relevance[prev] > relevance[next] || (relevance[prev] === relevance[next] && backFirst));
    if (preferPrev) start = spans[prev--].start;
    else end = spans[next++].end;
  }
  if (end - start > MAX_EXCERPT) {
    const cut = text.lastIndexOf(' ', start + MAX_EXCERPT);
    end = cut > start + MAX_EXCERPT / 2 ? cut : start + MAX_EXCERPT;
    while (end > start && /[\s,;:–-]/.test(text[end - 1])) end--;
  }
  return { start, end };
}
