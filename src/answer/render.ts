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
