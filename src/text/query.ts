// A question as weighted terms, analysed once and handed to retrieval and to the answer layer alike. Each
// content word is a «concept» met by its own stem (weight 1), its prefix term, a glossary equivalent, or a learned
// translation into the other language (weighted by its probability, as in probabilistic structured queries).
// Retrieval ranks by all of them; the answer layer asks how many of the question's concepts a passage meets.
import { defaultAnalyzer, isPrefixTerm, type Analyzer } from './analyzer.ts';
import type { Glossary } from './glossary.ts';
import { detectLang, type Lang } from './lang.ts';
import type { Token } from './tokenize.ts';
import type { TranslationTable } from '../translate/table.ts';
import type { TermGroup } from '../index/lexical.ts';

export interface QueryWeights {
  prefix: number;
  glossary: number;
  /** a learned translation of probability p weighs translation × p */
  translation: number;
}

// prefix and glossary: measured on KazQAD/TyDi/seeds when the engine was built; translation: on clir (README).
export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { prefix: 0.5, glossary: 0.6, translation: 1 };

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
  /** the learned table gave it translations into the other language */
  learned: boolean;
}

export interface Query {
  /** the question as asked (whitespace collapsed) */
  text: string;
  lang: Lang;
  concepts: Concept[];
  /** every term of every concept with the highest weight it carries */
  terms: Map<string, number>;
  /** what retrieval ranks by: one group per concept (its stem, translations and glossary equivalents), one per prefix term */
  groups: TermGroup[];
}

export interface QueryAnalyzerOptions {
  analyzer?: Analyzer;
  glossary?: Glossary;
  translation?: TranslationTable;
  weights?: QueryWeights;
}

const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/g;
const NUMBER = /^\d/;

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

export class QueryAnalyzer {
  readonly analyzer: Analyzer;
  readonly glossary?: Glossary;
  readonly translation?: TranslationTable;
  readonly weights: QueryWeights;

  constructor(options: QueryAnalyzerOptions = {}) {
    this.analyzer = options.analyzer ?? defaultAnalyzer;
    this.glossary = options.glossary;
    this.translation = options.translation;
    this.weights = options.weights ?? DEFAULT_QUERY_WEIGHTS;
  }

  /** `langHint`: the language when the question itself does not tell (digits and names only). */
  analyze(question: string, langHint: Lang = 'ru'): Query {
    const text = question.replace(/\s+/g, ' ').trim();
    const lang = detectLang(text, langHint);
    const concepts = this.concepts(text, lang);
    const terms = new Map<string, number>();
    for (const concept of concepts) {
      for (const [t, w] of concept.terms) terms.set(t, Math.max(terms.get(t) ?? 0, w));
    }
    return { text, lang, concepts, terms, groups: termGroups(concepts) };
  }

  private concepts(question: string, lang: Lang): Concept[] {
    const { weights } = this;
    const words = this.analyzer.analyzeTokens(question, lang);
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
        if (!concept) {
          concept = { stem: term, terms: new Map([[term, 1]]), name: false, translated: false, learned: false, initialCapital: false };
          byStem.set(term, concept);
        }
        if (names.has(token.start)) concept.name = true;
        if (token.start === initial) concept.initialCapital = true;
      }
    }
    const raise = (concept: Concept, term: string, weight: number) => {
      if ((concept.terms.get(term) ?? 0) < weight) concept.terms.set(term, weight);
    };
    if (this.translation) {
      for (const concept of byStem.values()) {
        if (NUMBER.test(concept.stem)) continue; // numbers match as themselves
        for (const [t, p] of this.translation.translate(concept.stem, lang)) {
          raise(concept, t, weights.translation * p);
          concept.learned = true;
        }
      }
    }
    // The glossary is the admins' override: its equivalents weigh at least `glossary`, whatever was learned.
    if (this.glossary) {
      const stems = new Set(byStem.keys());
      for (const concept of byStem.values()) {
        for (const s of this.glossary.expand(new Set([concept.stem]), stems)) {
          if (concept.terms.get(s) === 1) continue;
          raise(concept, s, weights.glossary);
          concept.translated = true;
        }
      }
    }
    return [...byStem.values()];
  }
}

/**
 * Scoring groups: a concept's stem and its equivalents in the other language share one pseudo-term (weighted by
 * how likely each is), while prefix terms, a fuzzier kind of evidence, count on their own at their weight.
 */
export function termGroups(concepts: readonly Concept[]): TermGroup[] {
  const groups: TermGroup[] = [];
  const prefixes = new Map<string, number>();
  for (const concept of concepts) {
    const words = new Map<string, number>();
    for (const [t, w] of concept.terms) {
      if (isPrefixTerm(t)) prefixes.set(t, Math.max(prefixes.get(t) ?? 0, w));
      else words.set(t, w);
    }
    groups.push({ weight: 1, terms: words });
  }
  for (const [t, w] of prefixes) groups.push({ weight: w, terms: new Map([[t, 1]]) });
  return groups;
}
