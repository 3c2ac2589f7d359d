// An answer as plain text (the console and `govqa ask`); the bot renders the same parts as HTML (bot/format.ts).
import type { DocMeta } from '../corpus/types.ts';
import type { Lang } from '../text/lang.ts';
import { messages } from './messages.ts';

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
  /**
   * where, in the excerpt, the sentence it was quoted for stands (offsets in `excerpt`), when the excerpt holds more
   * than that sentence: the bot sets it in bold, so the answer stands out of the context around it
   */
  highlight?: { start: number; end: number };
  /** the page the excerpt starts on (PDF documents) */
  page?: number;
  /** the page it ends on, when that is another one */
  lastPage?: number;
  /** the web page the document was taken from */
  url?: string;
}

/** The 1-based page holding `offset`, given the offsets where pages start. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * A title is shown up to this many characters, cut at a word: a document without a headline takes its first
 * sentence for a title («Қызылорда қаласы әкімдігінің ішкі саясат бөлімі қоғамдық саяси тұрақтылыққа жауапты бірден
 * бір мемлекеттік мекеме»), which would otherwise run longer than the quote's own lines under every citation.
 */
export const TITLE_SHOWN = 90;

/** A title as shown: whole, or cut at a word before TITLE_SHOWN characters with «…». */
export function shownTitle(title: string): string {
  if (title.length <= TITLE_SHOWN) return title;
  const cut = title.lastIndexOf(' ', TITLE_SHOWN - 1);
  return `${title.slice(0, cut > TITLE_SHOWN / 2 ? cut : TITLE_SHOWN - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** «Title (Region, 2019)»: where the source comes from, as far as it is known. */
export function sourceLabel(c: Pick<Citation, 'title' | 'meta'>): string {
  const where = [c.meta.region, c.meta.year].filter(Boolean).join(', ');
  const title = shownTitle(c.title);
  return where ? `${title} (${where})` : title;
}

/** «, p. 3» in the reader's language, when the citation knows its page. */
export function pageLabel(c: Pick<Citation, 'page' | 'lastPage'>, lang: Lang): string {
  return c.page ? `, ${messages(lang).page(c.page, c.lastPage)}` : '';
}

export function plainAnswer(lang: Lang, citations: Citation[], summary?: string): string {
  const say = messages(lang);
  const parts = citations.map((c) => {
    const other = c.lang !== lang ? ` [${say.sourceLang[c.lang]}]` : '';
    const url = c.url ? `\n  ${c.url}` : '';
    return `[${c.n}] «${c.excerpt}»${other}\n— ${sourceLabel(c)}${pageLabel(c, lang)}${url}`;
  });
  return [...(summary ? [summary] : []), say.intro, ...parts].join('\n\n');
}
