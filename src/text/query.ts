// A question as weighted terms. Each content word of the question is a «concept» met by its own stem (weight
// 1), its prefix term, or a glossary equivalent in the other language; retrieval uses all of them, and the
// answer layer asks how many of the question's concepts a passage meets.
import { defaultAnalyzer, isPrefixTerm, type Analyzer } from './analyzer.ts';
import type { Glossary } from './glossary.ts';
import { detectLang } from './lang.ts';
import { tokenize } from './tokenize.ts';

export interface QueryWeights {
  prefix: number;
  glossary: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { prefix: 0.5, glossary: 0.6 };

export interface Concept {
  stem: string;
  /** every term that meets this concept, with its weight (the stem itself: 1) */
  terms: Map<string, number>;
}

export function queryConcepts(
  question: string,
  glossary?: Glossary,
  weights = DEFAULT_QUERY_WEIGHTS,
  analyzer: Analyzer = defaultAnalyzer,
): Concept[] {
  const lang = detectLang(question);
  const byStem = new Map<string, Concept>();
  let stem = '';
  for (const term of analyzer.analyze(question, lang)) {
    if (isPrefixTerm(term)) {
      byStem.get(stem)?.terms.set(term, Math.max(byStem.get(stem)!.terms.get(term) ?? 0, weights.prefix));
      continue;
    }
    stem = term;
    if (!byStem.has(term)) byStem.set(term, { stem: term, terms: new Map([[term, 1]]) });
  }
  if (glossary) {
    const stems = new Set(byStem.keys());
    for (const concept of byStem.values()) {
      for (const s of glossary.expand(new Set([concept.stem]), stems)) {
        if (!concept.terms.has(s)) concept.terms.set(s, weights.glossary);
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

