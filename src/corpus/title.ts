// A document's title: its first meaningful line. Scraped pages start with leftovers («in», «Стопкадр», menu
// crumbs) that are not titles, so a line needs a few real words to count.

import { sentenceSpans } from '../text/sentences.ts';
import type { DocMeta } from './types.ts';

const MAX_TITLE = 140;

function meaningful(line: string): boolean {
  const words = line.match(/\p{L}{2,}/gu) ?? [];
  const letters = words.join('').length;
  return words.length >= 3 && letters >= 15;
}

/** The first line of at least three words, cut at a word boundary; `fallback` when the text has none. */
export function deriveTitle(text: string, fallback: string): string {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s*#+\s*/, '').trim();
    if (!meaningful(line)) continue;
    if (line.length <= MAX_TITLE) return line.replace(/[.:;,]+$/, '');
    // A long first line is a paragraph: its first sentence is the title, when that is short enough.
    const first = sentenceSpans(line)[0];
    if (first && first.end <= MAX_TITLE && first.end >= 20) return line.slice(0, first.end).replace(/[.:;,]+$/, '');
    const cut = line.slice(0, MAX_TITLE);
    return cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trimEnd() + '…';
  }
  return fallback;
}

/**
 * What every passage of a document is about, as a citation shows it beside each quote: the title and the region.
 * The region of an interview is often in no sentence of it («Еселі еңбекпен өрілген берекелі жұмыс», Түркістан
 * облысы): a question naming the region still finds, and is met by, its passages.
 */
export function heading(doc: { title: string; meta: Pick<DocMeta, 'region'> }): string {
  const { region } = doc.meta;
  return region && !doc.title.includes(region) ? `${doc.title} (${region})` : doc.title;
}
