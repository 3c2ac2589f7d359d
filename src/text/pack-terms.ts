// A language pack's word lists as the index's terms, to match a question's concepts or a passage's words against
// («зарплата» → its stem, «облыс» → «облыс»). Each list is analysed once, when first asked for: the answer layer
// asks for them with every question.
import { LANGS, PACKS, type LanguagePack } from '../lang/index.ts';
import { analyze, defaultAnalyzer, isPrefixTerm } from './analyzer.ts';
import type { Lang } from './lang.ts';

export interface PackTermsOptions {
  /**
   * keep the prefix terms too: a list matched against a passage's words, which hold them, then also meets a word
   * that only begins as one of its words («тысяча», «тысячами»)
   */
  prefixes?: boolean;
  /** each word's terms on its own (the analyzer's `wordTerms`), rather than the list read as one text (`analyze`) */
  byWord?: boolean;
}

/** One pack's list as terms, in the list's order. */
export function listTerms(lang: Lang, words: readonly string[], { prefixes = false, byWord = false }: PackTermsOptions = {}): string[] {
  const terms = byWord ? words.flatMap((w) => defaultAnalyzer.wordTerms(w, lang)) : analyze(words.join(' '), lang);
  return prefixes ? terms : terms.filter((t) => !isPrefixTerm(t));
}

/** A list of every pack as one set of terms (for texts in either language), worked out when first asked for. */
export function allPacksTerms(list: (pack: LanguagePack) => readonly string[], options?: PackTermsOptions): () => ReadonlySet<string> {
  let terms: ReadonlySet<string> | undefined;
  return () => (terms ??= new Set(LANGS.flatMap((l) => listTerms(l, list(PACKS[l]), options))));
}

/** A list as each pack's own set of terms (for a question in that language), worked out when first asked for. */
export function packTerms(list: (pack: LanguagePack) => readonly string[], options?: PackTermsOptions): (lang: Lang) => ReadonlySet<string> {
  const terms = new Map<Lang, ReadonlySet<string>>();
  return (lang) => terms.get(lang) ?? terms.set(lang, new Set(listTerms(lang, list(PACKS[lang]), options))).get(lang)!;
}
