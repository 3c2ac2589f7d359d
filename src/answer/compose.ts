// From a question to an answer: the question analysed once, the passages retrieved, the best sentences chosen as
// verbatim quotes (quotes.ts), then one decision (decline.ts): answer with numbered citations, or say honestly in
// one sentence that the sources do not answer. Rendering is render.ts's job.
import type { SearchEngine, SearchResult } from '../search/engine.ts';
import { analyze } from '../text/analyzer.ts';
import { passageOf, type AnalysedPassage } from './passages.ts';
import { Lru } from '../lru.ts';
import type { Lang } from '../text/lang.ts';
import type { AnswerKind } from '../lang/index.ts';
import type { Concept, Query } from '../text/query.ts';
import { inConversation, namedAnew } from '../text/followup.ts';
import { messages, ONLY_OUR_LANGUAGES } from './messages.ts';
import { writtenInEnglish } from '../text/foreign.ts';
import { smallTalkOf, type SmallTalk } from './small-talk.ts';
import { truecased, uncased } from './names.ts';
import { ADJECTIVE_FROM, placesBesideUnits } from './units.ts';
import { unknownPlaces, unseen, wholeTerms } from './places.ts';
import type { Summarizer } from './summary.ts';
import { askedBy, asksMoney, countedBy, categoryBy, currencyTerms, CUE_KINDS, lifeAsked } from './question.ts';
import { askedYears } from './years.ts';
import { holdersFirst, personAsked, postAsked } from './holders.ts';
import { candidates, isFocus, met, metAcross, type Candidate, type Weighted } from './quotes.ts';
import { decide, loadDeclineModel, type DeclineModel, type Features } from './decline.ts';
import { pageAt, plainAnswer, type Citation } from './render.ts';

export { MAX_EXCERPT } from './quotes.ts';
export { pageLabel, plainAnswer, sourceLabel, type Citation } from './render.ts';

export interface Answer {
  answered: boolean;
  lang: Lang;
  /** the reply as plain text (the bot renders the same parts as HTML) */
  answer: string;
  citations: Citation[];
  /** share of the question (idf-weighted) that the best passage meets, 0..1 */
  coverage: number;
  /** the decline model's probability that the quotes answer the question, 0..1 */
  confidence: number;
  /** a short generated summary citing the excerpts, when an LLM is configured and its text passed the checks */
  summary?: string;
  /** the question was taken as a follow-up of the conversation's earlier ones */
  followsUp: boolean;
  /** the message was only a greeting or a thank-you, and `answer` replies in kind */
  smallTalk?: SmallTalk;
  /**
   * declined by the decision: the quotes it would have given, which a reader may still want to see, told that they
   * may not answer (the bot's «nearest passages» button). None when the question asks about a place the sources
   * never name: they speak of other places.
   */
  nearest?: Citation[];
}

export interface AnswerOptions {
  /** how many excerpts to quote */
  excerpts: number;
  /** answer when the decline model's confidence reaches this; null: the model's own threshold */
  minConfidence: number | null;
  /** ask the summarizer, when there is one (off where a deadline is tight: inline mode) */
  summary: boolean;
}

export const DEFAULT_ANSWER: AnswerOptions = { excerpts: 3, minConfidence: null, summary: true };

/**
 * The `says` feature's scale: a question of this many concepts or more says "enough". «Жүйке жүйесі:» (two words)
 * is met in full by many passages that do not answer it. 4, 6, 8 in cross-validation: KazQAD AUC 0.758, 0.759,
 * 0.765 (0.754 without), TyDi 0.889, 0.887, 0.887 (0.886).
 */
const SAYS_ENOUGH = 8;
/**
 * Passages holding a word of a question typed without capitals read for how they write it (names.ts), when the
 * retrieved ones do not show it as a name. Measured on the answers/ sets typed in lower case (answered with the
 * answer / unanswerable declined): TyDi 0.873 / 0.645 without; 2: 0.877 / 0.645; 3: 0.873 / 0.710; 4, 6, 12: 0.870 /
 * 0.710; KazQAD 0.806 / 0.523 without, 0.800 / 0.523 with 3 to 12; the full sets 0.861 (TyDi) and 0.753 (KazQAD)
 * with 3, as when written with capitals.
 */
const NAME_READING = 3;
/** … and how many are read for whether a name written bare is a city's (units.ts placesIn) */
const CITY_READING = 6;
/** names whose readings are kept (each a few passages the passage cache holds anyway) */
const READINGS_KEPT = 1024;
/** passages whose sentences are considered */
const PASSAGES = 6;
/**
 * … for a question asking who holds a post (holders.ts): «Кто аким Алматы?» is answered by «Алматы қаласының әкімі
 * Бақытжан Сағынтаев» in the twelfth passage, below eleven of a news item titled «Аким Алматы представил…» that
 * never names him beside his post. From the passages below PASSAGES only a sentence naming the holder and meeting
 * the whole question is taken: without that, «…дворец был заложен… под руководством немецкого архитектора Иоганна
 * Фридриха Браунштейна» answered «Кто был первым руководителем Императорского палестинского общества?» (answers/tydi-ru
 * −1 unanswerable declined).
 */
const PASSAGES_FOR_POST = 12;
/**
 * A passage is quoted only if it meets at least this share of what the best passage meets. 0: every top passage
 * may be quoted (0.5 cost 0.02-0.05 of answers inside the quotes); the decision, not this filter, keeps
 * off-topic answers out.
 */
const PASSAGE_SHARE = 0;
/** one quote per passage: the answer is more often in another top passage than in a second sentence of the first */
const ONE_PER_PASSAGE = true;

/** What the answer layer found for a question, before deciding: for the answerer and the fitting script. */
export interface Evidence {
  query: Query;
  /** the kind of answer the question asks for */
  kind: AnswerKind;
  features: Features;
  citations: Citation[];
  coverage: number;
  /** places the question asks about that the index has never seen (places.ts) */
  unknownPlaces: Concept[];
}

export class Answerer {
  private readonly model: DeclineModel;
  // the passages read for whether a name written bare is a city's, by its stem: the same for every question naming
  // it, as long as this engine (its index) serves
  private readonly readings = new Lru<string, readonly AnalysedPassage[]>(READINGS_KEPT);
  private readonly reads = (stem: string): readonly AnalysedPassage[] => {
    let got = this.readings.get(stem);
    if (!got) this.readings.set(stem, (got = this.engine.passagesWith(stem, CITY_READING).map(passageOf)));
    return got;
  };

  constructor(
    private readonly engine: SearchEngine,
    private readonly options: AnswerOptions = DEFAULT_ANSWER,
    private readonly summarizer: Summarizer | null = null,
    model?: DeclineModel,
  ) {
    this.model = model ?? loadDeclineModel();
  }

  /**
   * `langHint`: the language to reply in when the question itself does not tell (digits and names only);
   * `earlier`: the conversation's earlier questions, oldest first, when this may be a follow-up.
   */
  async ask(rawQuestion: string, overrides: Partial<AnswerOptions> = {}, langHint: Lang = 'ru', earlier: readonly string[] = []): Promise<Answer> {
    const options = { ...this.options, ...overrides };
    const talk = smallTalkOf(rawQuestion, langHint);
    if (talk) return { answered: false, lang: talk.lang, answer: messages(talk.lang)[talk.kind], citations: [], coverage: 0, confidence: 0, followsUp: false, smallTalk: talk.kind };
    // a question in English gets a reply it can be read in, not a Kazakh refusal (it reads as Kazakh in Latin letters)
    if (writtenInEnglish(rawQuestion)) return { answered: false, lang: langHint, answer: ONLY_OUR_LANGUAGES, citations: [], coverage: 0, confidence: 0, followsUp: false };
    const evidence = await this.gather(rawQuestion, options.excerpts, langHint, earlier);
    const { query, citations, coverage } = evidence;
    const say = messages(query.lang);
    const followsUp = query.follows !== undefined;
    if (query.concepts.length === 0) return { answered: false, lang: query.lang, answer: say.notAQuestion, citations: [], coverage: 0, confidence: 0, followsUp };
    const { answer: answers, confidence: conf } = decide(this.model, evidence.features, evidence.kind, options.minConfidence, evidence.unknownPlaces.length > 0);
    if (citations.length === 0 || !answers) {
      const nearest = citations.length > 0 && evidence.unknownPlaces.length === 0 ? { nearest: citations } : {};
      return { answered: false, lang: query.lang, answer: say.decline, citations: [], coverage, confidence: conf, followsUp, ...nearest };
    }
    const summary = options.summary && this.summarizer ? ((await this.summarizer.summarize(query.follows ? `${query.follows} → ${query.text}` : query.text, query.lang, citations)) ?? undefined) : undefined;
    return { answered: true, lang: query.lang, answer: plainAnswer(query.lang, citations, summary), citations, coverage, confidence: conf, summary, followsUp };
  }

  /**
   * The candidates about the places the question names: not those whose quote names one only as another place of
   * the name («Алматы облысында…» for «Алматы қаласында…?», «Алматыда…?»), and, for a place named with its unit,
   * those whose quote names it or whose document does somewhere (a long programme names its district once, and its
   * passages speak of it bare).
   */
  private aboutPlacesAsked(ranked: Candidate[], concepts: readonly Concept[]): Candidate[] {
    if (!ranked.some((c) => c.placesOther || c.placesUnmet.length > 0)) return ranked;
    const known = new Map<string, boolean>();
    const names = (docId: string, k: number) => {
      const key = `${docId}\u0000${k}`;
      let yes = known.get(key);
      if (yes === undefined) known.set(key, (yes = this.engine.docHolds(docId, wholeTerms(concepts[k]), concepts[k].stem.length >= ADJECTIVE_FROM ? [concepts[k].stem] : [])));
      return yes;
    };
    return ranked.filter((c) => !c.placesOther && c.placesUnmet.every((k) => names(c.result.chunk.docId, k)));
  }

  /** Retrieval, quote selection and the decision's features for a question. */
  async gather(rawQuestion: string, excerpts = this.options.excerpts, langHint: Lang = 'ru', earlier: readonly string[] = []): Promise<Evidence> {
    const query = earlier.length ? inConversation(rawQuestion, earlier, (q, hint) => this.engine.query(q, hint), langHint) : this.engine.query(rawQuestion, langHint);
    const { kind, phrase } = askedBy(query);
    // a post's holder is named once in a text, seldom where its topic words gather: more passages are read for one
    const k = postAsked(query, query.concepts, kind, phrase) ? PASSAGES_FOR_POST : PASSAGES;
    const results = aboutNewNames(query, query.concepts.length ? await this.engine.search(withAnswerWords(query), { k }) : []);
    // what the answering sentence must meet: the question's concepts less the words that only name the kind of answer
    const cue = CUE_KINDS.has(kind) ? new Set(analyze(phrase, query.lang)) : new Set<string>();
    const kept = query.concepts.filter((c) => !cue.has(c.stem));
    const passages = results.map(passageOf);
    // names the question wrote in lower case are read from how the passages write them, or from the unit beside them
    // typed without capitals (its first letter aside), a question's names are read from other passages holding them too
    const holding = uncased(query.text) ? (stem: string) => this.engine.passagesWith(stem, NAME_READING).map(passageOf) : undefined;
    const concepts = placesBesideUnits(truecased(kept.length ? kept : query.concepts, passages, holding), query.text);
    const q: Weighted = { concepts, weights: concepts.map((c) => this.engine.idf(c.stem) * (c.weight ?? 1)) };
    // «Когда родился Стюарт?» is answered by «Стюарт (6 февраля 1833, Патрик — 12 мая 1864, Ричмонд)», which never
    // says «родился»: a life span in brackets meets a question whose focus is only being born or dying; its years
    // answer no other «когда»
    const life = lifeAsked(concepts, isFocus, kind, query.lang);
    const counted = kind === 'quantity' ? countedBy(query, concepts) : null;
    // «Какой клуб…»: a sentence naming the kind of thing asked is preferred, as one counting a «how many» one's thing
    const category = kind === 'other' ? categoryBy(query, concepts) : null;
    // the years it asks about («…в 2018 году?»): a sentence giving another year's figure does not answer it; a «when»
    // question asks for the year itself
    const years = kind === 'date' ? [] : askedYears(query.text, query.lang);
    // «Кто аким Алматы?», «Кто возглавляет…?»: the answer names a person beside the post
    const post = postAsked(query, concepts, kind, phrase);
    // … and «Кто такой Рахман Алшанов?» by a sentence naming his post
    const person = post ? [] : personAsked(concepts, kind, phrase, query.lang);
    const all = candidates(q, results, query.lang, kind, { life, counted, category, years, reads: this.reads, typed: query.script !== 'native', post, person }, passages);
    // a quote naming the place asked only as another of the name, or from a document that never names a place the
    // question names with its unit, speaks of another place
    // (the passages read besides for a post's holder give only a sentence naming the holder and saying all the question says)
    const ranked = this.aboutPlacesAsked(k > PASSAGES ? all.filter((c) => c.rank < PASSAGES || (c.namesHolder && c.sentenceCoverage >= 1)) : all, concepts);
    const best = ranked[0];
    const bestPassage = Math.max(0, ...ranked.map((c) => c.passageCoverage));
    const quotable = ranked.filter((c) => c.passageCoverage >= PASSAGE_SHARE * bestPassage);
    const { citations, picked } = pickQuotes(post ? holdersFirst(quotable, years) : quotable, excerpts);
    // the runner-up is the best passage of another document: overlapping chunks of one long interview are one source
    const s1 = results[0]?.score ?? 0;
    const s2 = results.find((r) => r.chunk.docId !== results[0].chunk.docId)?.score ?? 0;
    const knows = (t: string) => this.engine.knows(t);
    let total = 0;
    let unknown = 0;
    q.concepts.forEach((c, i) => {
      total += q.weights[i];
      if (unseen(c, knows)) unknown += q.weights[i];
    });
    const top3 = ranked.filter((c) => c.rank < 3);
    const rarest = q.weights.indexOf(Math.max(...q.weights));
    const topTerms = passages[0]?.terms ?? new Set<string>();
    const topAcross = results[0] ? results[0].doc.lang !== query.lang : false;
    const features: Features = {
      passage: best?.passageCoverage ?? 0,
      sentence: best?.sentenceCoverage ?? 0,
      focus: best?.focusCoverage ?? 0,
      bestSentence: Math.max(0, ...ranked.map((c) => c.sentenceCoverage)),
      bestFocus: Math.max(0, ...top3.map((c) => c.focusCoverage)),
      strictSentence: Math.max(0, ...top3.map((c) => c.strictCoverage)),
      rarest: rarest >= 0 && results[0] ? (topAcross ? metAcross : met)(q.concepts[rarest], topTerms) : 0,
      kindAsked: kind === 'other' ? 0 : 1,
      kindFound: best?.holdsKind ? 1 : 0,
      margin: s1 > 0 ? (s1 - s2) / s1 : 0,
      across: best?.across ? 1 : 0,
      unknown: total ? unknown / total : 1,
      quote: best?.quoteCoverage ?? 0,
      quoteFocus: best?.quoteFocus ?? 0,
      joint: Math.max(0, ...top3.map((c) => c.quoteCoverage * c.quoteFocus)),
      pairs: Math.max(0, ...top3.map((c) => c.pairs)),
      kindSentence: Math.max(0, ...top3.filter((c) => kind === 'other' || c.kindNear).map((c) => c.sentenceCoverage)),
      kindNames: Math.max(0, ...top3.filter((c) => kind === 'other' || c.kindNear).map((c) => c.namesCoverage)),
      says: Math.min(1, q.concepts.length / SAYS_ENOUGH),
      dense: Math.max(0, ...results.slice(0, 3).map((r) => r.similarity ?? 0)),
      // the quotes given count too: a number of the counted thing may stand in a passage below the third; where the
      // question quotes a title, the number must stand with it («…неше адамға несие берілді?» of «Ауыл аманаты» is not
      // answered by «8 102 адам оқытылды» of «Қарызсыз қоғам» beside a sentence on «Ауыл аманаты»'s 316 projects)
      counted: counted ? Math.max(0, ...[...top3, ...picked].filter((c) => c.kindNear && c.countsTitled).map((c) => c.counted)) : 1,
      holder: post ? ([...top3, ...picked].some((c) => c.namesHolder) ? 1 : 0) : 1,
      yearFocus: years.length ? Math.max(0, ...top3.filter((c) => c.kindNear && namesYears(passages[c.rank], years)).map((c) => c.focusCoverage)) : 1,
    };
    return { query, kind, features, citations, coverage: bestPassage, unknownPlaces: unknownPlaces(query, concepts, knows, (p) => this.engine.knowsPrefix(p)) };
  }
}

/**
 * Whether a passage, or its document's title, names each of the years: a sentence naming none takes its year from
 * there («Былтырғы 2012 жылды … қорытындыладық. … бюджетке … 1 триллион 200 миллиард теңге түсті»).
 */
function namesYears({ terms, title }: AnalysedPassage, years: readonly string[]): boolean {
  return years.every((y) => terms.has(y) || title.has(y));
}

/**
 * The weight of the currency words in retrieval for a question asking a sum of money. Measured on the programmes
 * set: a near miss declined («Сколько стоит строительство бани в Кривошеино?», whose passages now are the district's
 * sums, none for a bath house) and one more answer in the first excerpt; 1 and 2 gave the same; every dev and product
 * figure unchanged.
 */
const CURRENCY_WEIGHT = 0.5;

/**
 * The question as retrieval ranks by it, with the words its answer says: a question asking a sum of money («Сколько
 * денег выделено на программу…») is answered by a passage naming a currency («…составляет 49,4412 млн. рублей»),
 * which in a long document sets it apart from others sharing the document's topic words (in a corpus of budgets,
 * where most passages name one, less so).
 */
export function withAnswerWords(query: Query): Query {
  if (!asksMoney(query)) return query;
  return { ...query, groups: [...query.groups, { weight: CURRENCY_WEIGHT, terms: currencyTerms() }] };
}

/**
 * A follow-up that names a place or person of its own («А в Таразе?» after «Сколько служебных квартир выдали молодым
 * врачам в Павлодаре?») asks about it: passages that name it (in their text or their document's title and region)
 * come first, however well the others meet the carried words (the Pavlodar passage meets every one of them).
 */
function aboutNewNames(query: Query, results: SearchResult[]): SearchResult[] {
  const names = namedAnew(query);
  if (names.length === 0) return results;
  const namesThem = (r: SearchResult) => {
    const p = passageOf(r);
    return names.every((c) => met(c, p.terms) > 0 || met(c, p.title) > 0);
  };
  const naming = results.filter(namesThem);
  return naming.length ? [...naming, ...results.filter((r) => !naming.includes(r))] : results;
}

/** The page an excerpt starts on and, when it runs onto another, the page it ends on. */
function pagesOf(pages: readonly number[] | undefined, start: number, end: number): Pick<Citation, 'page' | 'lastPage'> {
  const page = pageAt(pages, start);
  const lastPage = pageAt(pages, Math.max(start, end - 1));
  return page ? { page, ...(lastPage !== page && { lastPage }) } : {};
}

/** An excerpt as compared for sameness: spacing aside. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The best candidates as citations, never quoting the same text twice (overlapping chunks repeat sentences). */
function pickQuotes(ranked: Candidate[], excerpts: number): { citations: Citation[]; picked: Candidate[] } {
  const citations: Citation[] = [];
  const picked: Candidate[] = [];
  const quotedTexts: string[] = [];
  for (const c of ranked) {
    if (citations.length >= excerpts) break;
    const start = c.result.chunk.start + c.span.start;
    const end = c.result.chunk.start + c.span.end;
    if (citations.some((x) => x.docId === c.result.chunk.docId && x.start < end && start < x.end)) continue;
    if (ONE_PER_PASSAGE && citations.some((x) => x.chunkId === c.result.chunk.id)) continue;
    // the same text under another document (a press release on two sites, an article copied into another) says
    // nothing new: quote it once
    const excerpt = c.result.chunk.text.slice(c.span.start, c.span.end);
    // the answering sentence within the excerpt (a sentence cut at MAX_EXCERPT ends with the excerpt)
    const highlight = { start: c.sentence.start - c.span.start, end: Math.min(c.sentence.end, c.span.end) - c.span.start };
    const text = spaced(excerpt);
    if (quotedTexts.some((t) => t.includes(text) || text.includes(t))) continue;
    quotedTexts.push(text);
    picked.push(c);
    citations.push({
      n: citations.length + 1,
      docId: c.result.chunk.docId,
      title: c.result.doc.title,
      excerpt,
      lang: c.result.doc.lang,
      meta: c.result.doc.meta,
      chunkId: c.result.chunk.id,
      start,
      end,
      ...((highlight.start > 0 || highlight.end < excerpt.length) && { highlight }),
      ...pagesOf(c.result.doc.pages, start, end),
      ...(c.result.doc.meta.url && { url: c.result.doc.meta.url }),
    });
  }
  return { citations, picked };
}
