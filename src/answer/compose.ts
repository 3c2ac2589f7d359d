// From a question to an answer: the sentences of the retrieved passages that meet the question best, quoted
// verbatim with numbered citations, or an honest refusal when no passage meets enough of the question.
import type { DocMeta } from '../corpus/types.ts';
import type { SearchEngine, SearchResult } from '../search/engine.ts';
import { analyze, isPrefixTerm } from '../text/analyzer.ts';
import type { Lang } from '../text/lang.ts';
import type { Concept } from '../text/query.ts';
import { sentenceSpans, type Span } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { messages } from './messages.ts';
import type { Summarizer } from './summary.ts';

export interface Citation {
  n: number;
  docId: string;
  title: string;
  /** verbatim text of the source, at most MAX_EXCERPT characters */
  excerpt: string;
  /** language of the source (the excerpt is never translated) */
  lang: Lang;
  meta: DocMeta;
  chunkId: string;
  /** character offsets of the excerpt in its document */
  start: number;
  end: number;
}

export interface Answer {
  answered: boolean;
  lang: Lang;
  /** the reply as plain text (the bot renders the same parts as HTML) */
  answer: string;
  citations: Citation[];
  /** share of the question (idf-weighted) that the best passage meets, 0..1 */
  coverage: number;
  /** a short generated summary citing the excerpts, when an LLM is configured and its text passed the checks */
  summary?: string;
}

export interface AnswerOptions {
  /** how many excerpts to quote */
  excerpts: number;
  /** below this coverage by the best passage, decline */
  minCoverage: number;
  /** ask the summarizer, when there is one (off where a deadline is tight: inline mode) */
  summary: boolean;
}

export const DEFAULT_ANSWER: AnswerOptions = { excerpts: 3, minCoverage: 0.5, summary: true };
export const MAX_EXCERPT = 600;
/** passages whose sentences are considered */
const PASSAGES = 6;
/** a quote grows by neighbouring sentences until it is this long, so it reads on its own */
const QUOTE_TARGET = 320;

// «How many/much» questions are answered by a number: prefer sentences that hold one.
const QUANTITY_WORDS = new Set(['сколько', 'скольких', 'скольким', 'неше', 'қанша', 'нешеу', 'қаншалықты']);
const HAS_NUMBER = /\d/;
const asksQuantity = (question: string) => tokenize(question).some((t) => QUANTITY_WORDS.has(t.word.toLowerCase()));

interface Weighted {
  concepts: Concept[];
  weights: number[];
}

/** How well a concept is met by a set of terms: the weight of its best term present (1 for its own stem). */
function met(c: Concept, terms: ReadonlySet<string>): number {
  let best = 0;
  for (const [t, w] of c.terms) if (w > best && terms.has(t)) best = w;
  return best;
}

/** How much of the question a set of terms meets: Σ idf × how well met, over Σ idf. */
function coverage(q: Weighted, terms: ReadonlySet<string>): number {
  let total = 0;
  let got = 0;
  q.concepts.forEach((c, i) => {
    total += q.weights[i];
    got += q.weights[i] * met(c, terms);
  });
  return total ? got / total : 0;
}

/**
 * How well a concept is met by a passage in the other language: its own stem (a name, a number, a word both
 * languages write alike) fully; an equivalent (learned translation or glossary) in proportion to how likely it is
 * next to the concept's likeliest one, so the best translation present counts in full; a prefix at its weight.
 */
function metAcross(c: Concept, terms: ReadonlySet<string>): number {
  let bestEquivalent = 0;
  for (const [t, w] of c.terms) if (t !== c.stem && !isPrefixTerm(t)) bestEquivalent = Math.max(bestEquivalent, w);
  let best = 0;
  for (const [t, w] of c.terms) {
    if (!terms.has(t)) continue;
    const credit = t === c.stem ? 1 : isPrefixTerm(t) ? w : w / bestEquivalent;
    if (credit > best) best = credit;
  }
  return best;
}

/**
 * Does a passage answer the question at all? Every word of the question counts, weighted by idf: a word the
 * passage lacks is evidence against it. For a passage in the other language the question's words are met through
 * their translations (learned table and glossary), so the same bar applies in both cases.
 */
function supports(q: Weighted, terms: ReadonlySet<string>, crossLanguage: boolean, minCoverage: number): { ok: boolean; coverage: number } {
  let total = 0;
  let got = 0;
  let metConcepts = 0;
  q.concepts.forEach((c, i) => {
    const m = crossLanguage ? metAcross(c, terms) : met(c, terms);
    total += q.weights[i];
    got += q.weights[i] * m;
    if (m >= MET) metConcepts++;
  });
  const c = total ? got / total : 0;
  // Across languages a lone shared name («Туркестан») is no answer: at least two of the question's words must meet.
  const enough = !crossLanguage || metConcepts >= Math.min(2, q.concepts.length);
  return { ok: c >= minCoverage && enough, coverage: c };
}

/** a concept counts as met from this credit on (a prefix alone, at weight 0.5, just does) */
const MET = 0.5;

interface Candidate {
  result: SearchResult;
  span: Span; // offsets in the chunk text
  score: number;
}

export class Answerer {
  constructor(
    private readonly engine: SearchEngine,
    private readonly options: AnswerOptions = DEFAULT_ANSWER,
    private readonly summarizer: Summarizer | null = null,
  ) {}

  /** `langHint`: the language to reply in when the question itself does not tell (digits and names only). */
  async ask(rawQuestion: string, overrides: Partial<AnswerOptions> = {}, langHint: Lang = 'ru'): Promise<Answer> {
    const options = { ...this.options, ...overrides };
    const query = this.engine.query(rawQuestion, langHint);
    const { lang, concepts, text: question } = query;
    const say = messages(lang);
    if (concepts.length === 0) return { answered: false, lang, answer: say.notAQuestion, citations: [], coverage: 0 };
    const q: Weighted = { concepts, weights: concepts.map((c) => this.engine.idf(c.stem)) };

    const quantity = asksQuantity(question);
    const results = await this.engine.search(query, { k: PASSAGES });
    const candidates: Candidate[] = [];
    let best = 0;
    results.forEach((result, rank) => {
      const { text } = result.chunk;
      const support = supports(q, new Set(analyze(text, result.doc.lang)), result.doc.lang !== lang, options.minCoverage);
      best = Math.max(best, support.coverage);
      if (!support.ok) return; // never quote a passage that does not answer
      const spans = sentenceSpans(text);
      const sentenceTerms = spans.map((s) => new Set(analyze(text.slice(s.start, s.end), result.doc.lang)));
      const relevance = sentenceTerms.map((terms) => coverage(q, terms));
      spans.forEach((_, i) => {
        const quote = quoteSpan(text, spans, i, relevance);
        const quoted = new Set<string>();
        spans.forEach((s, j) => {
          if (s.start >= quote.start && s.end <= quote.end) for (const t of sentenceTerms[j]) quoted.add(t);
        });
        // the sentence itself matters most; what the quote adds around it and the passage's rank break ties
        const own = text.slice(spans[i].start, spans[i].end);
        const number = quantity && HAS_NUMBER.test(own) ? 0.3 : 0;
        const score = relevance[i] + 0.5 * coverage(q, quoted) + number + 0.05 / (rank + 1);
        candidates.push({ result, span: quote, score });
      });
    });
    if (candidates.length === 0) {
      return { answered: false, lang, answer: say.decline, citations: [], coverage: best };
    }

    candidates.sort((a, b) => b.score - a.score);
    const citations: Citation[] = [];
    for (const c of candidates) {
      if (citations.length >= options.excerpts) break;
      const start = c.result.chunk.start + c.span.start;
      const end = c.result.chunk.start + c.span.end;
      // overlapping chunks repeat sentences: never quote the same text twice
      if (citations.some((x) => x.docId === c.result.chunk.docId && x.start < end && start < x.end)) continue;
      citations.push({
        n: citations.length + 1,
        docId: c.result.chunk.docId,
        title: c.result.doc.title,
        excerpt: c.result.chunk.text.slice(c.span.start, c.span.end),
        lang: c.result.doc.lang,
        meta: c.result.doc.meta,
        chunkId: c.result.chunk.id,
        start,
        end,
      });
    }
    const summary = options.summary && this.summarizer ? ((await this.summarizer.summarize(question, lang, citations)) ?? undefined) : undefined;
    return { answered: true, lang, answer: plainAnswer(lang, citations, summary), citations, coverage: best, summary };
  }
}

// A sentence that points back to the one before it: quote that one too.
const ANAPHORA = /^[–—-]?\s*(?:это|этот|эта|эти|так|такие|такой|именно|он|она|они|оно|там|тогда|бұл|осы|ол|олар|сол|мұның|оның|соның)(?![\p{L}])/iu;
const PARAGRAPH = /\n\s*\n/;

/**
 * The span to quote for sentence i: the sentence, grown by whole neighbouring sentences while it is shorter than
 * QUOTE_TARGET and stays within MAX_EXCERPT. The neighbour that meets more of the question goes first; between
 * two that meet nothing, the one before when the sentence points back to it («Именно столько…», «Бұл…»), else
 * the one after. A paragraph break stops the growth once the quote reads on its own. A sentence longer than
 * MAX_EXCERPT is cut at a word boundary.
 */
function quoteSpan(text: string, spans: Span[], i: number, relevance: number[]): Span {
  let { start, end } = spans[i];
  let prev = i - 1;
  let next = i + 1;
  const backFirst = ANAPHORA.test(text.slice(start, end));
  while (end - start < QUOTE_TARGET) {
    const shortEnough = end - start < QUOTE_TARGET / 3;
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

/** «Title (Region, 2019)»: where the source comes from, as far as it is known. */
export function sourceLabel(c: Pick<Citation, 'title' | 'meta'>): string {
  const where = [c.meta.region, c.meta.year].filter(Boolean).join(', ');
  return where ? `${c.title} (${where})` : c.title;
}

export function plainAnswer(lang: Lang, citations: Citation[], summary?: string): string {
  const say = messages(lang);
  const parts = citations.map((c) => {
    const other = c.lang !== lang ? ` [${say.sourceLang[c.lang]}]` : '';
    return `[${c.n}] «${c.excerpt}»${other}\n— ${sourceLabel(c)}`;
  });
  return [...(summary ? [summary] : []), say.intro, ...parts].join('\n\n');
}
