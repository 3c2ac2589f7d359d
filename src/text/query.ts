// A question as weighted terms. Each content word of the question is a «concept» met by its own stem (weight
// 1), its prefix term, or a glossary equivalent in the other language; retrieval uses all of them, and the
// answer layer asks how many of the question's concepts a passage meets.
import { defaultAnalyzer, isPrefixTerm, type Analyzer } from './analyzer.ts';
import type { Glossary } from './glossary.ts';
import { detectLang } from './lang.ts';
import type { Token } from './tokenize.ts';

export interface QueryWeights {
  prefix: number;
  glossary: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { prefix: 0.5, glossary: 0.6 };

export interface Concept {
  stem: string;
  /** every term that meets this concept, with its weight (the stem itself: 1) */
  terms: Map<string, number>;
  /** a name, number or quoted title: written alike in Kazakh and Russian texts */
  name: boolean;
  /** capitalized as the question's first word: a name or just the start of the sentence */
  initialCapital: boolean;
  /** the glossary gave it an equivalent in the other language */
  translated: boolean;
}

const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/g;

/**
 * Word offsets that look like names: capitalized after the first word, quoted, Latin or with digits; and the
 * offset of a capitalized first word, which may be a name or only the start of the sentence.
 */
function nameOffsets(question: string, tokens: readonly Token[]): { names: Set<number>; initial: number | null } {
  const names = new Set<number>();
  let initial: number | null = null;
  const quoted = [...question.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length]);
  tokens.forEach((t, i) => {
    const inQuotes = quoted.some(([a, b]) => t.start > a && t.start < b);
    if (inQuotes || /[\p{N}a-zA-Z]/u.test(t.word) || (i > 0 && /^\p{Lu}/u.test(t.word))) names.add(t.start);
    else if (i === 0 && /^\p{Lu}/u.test(t.word)) initial = t.start;
  });
  return { names, initial };
}

export function queryConcepts(
  question: string,
  glossary?: Glossary,
  weights = DEFAULT_QUERY_WEIGHTS,
  analyzer: Analyzer = defaultAnalyzer,
): Concept[] {
  const lang = detectLang(question);
  const words = analyzer.analyzeTokens(question, lang);
  const { names, initial } = nameOffsets(question, words.map((w) => w.token));
  const byStem = new Map<string, Concept>();
  for (const { token, terms } of words) {
    let concept: Concept | undefined;
    for (const term of terms) {
      if (isPrefixTerm(term)) {
        if (concept) concept.terms.set(term, Math.max(concept.terms.get(term) ?? 0, weights.prefix));
        continue;
      }
      concept = byStem.get(term);
      if (!concept) byStem.set(term, (concept = { stem: term, terms: new Map([[term, 1]]), name: false, translated: false, initialCapital: false }));
      if (names.has(token.start)) concept.name = true;
      if (token.start === initial) concept.initialCapital = true;
    }
  }
  if (glossary) {
    const stems = new Set(byStem.keys());
    for (const concept of byStem.values()) {
      for (const s of glossary.expand(new Set([concept.stem]), stems)) {
        if (concept.terms.has(s)) continue;
        concept.terms.set(s, weights.glossary);
        concept.translated = true;
      }
    }
  }
  return [...byStem.values()];
}

/** All terms of the question with the highest weight each carries. */
export function queryTerms(question: string, glossary?: Glossary, weights = DEFAULT_QUERY_WEIGHTS, analyzer: Analyzer = defaultAnalyzer): Map<string, number> {
  const terms = new Map<string, number>();
  for (const concept of queryConcepts(question, glossary, weights, analyzer)) {
    for (const [t, w] of concept.terms) terms.set(t, Math.max(terms.get(t) ?? 0, w));
  }
  return terms;
}

