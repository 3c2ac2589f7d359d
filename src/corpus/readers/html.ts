// Web pages: the article only (Mozilla's Readability over a linkedom document: navigation, menus, sidebars and
// footers are dropped), with the title, date and canonical URL the page states.
import { decodeText } from './text.ts';
import { MB, ReaderError, type DocumentReader, type ReadDocument } from './types.ts';

/** An article shorter than this is no article (a bare error page, a menu). */
const MIN_ARTICLE = 80;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, dd, dt, figcaption';

/** The charset a page declares in its first bytes (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset=["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/** «Headline | Site name» → «Headline», when the article's first line is that headline. */
function articleTitle(title: string | undefined, firstLine: string | undefined): string | undefined {
  if (title && firstLine && firstLine.length >= 10 && title.startsWith(firstLine) && /^\s*[|—–·:-]/.test(title.slice(firstLine.length))) return firstLine;
  return title;
}

/** Reads a page; `charset` from the HTTP header wins over the page's own declaration. */
export async function readHtml(bytes: Uint8Array, charset?: string): Promise<ReadDocument> {
  // loaded on the first page read
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const html = decodeText(bytes, charset ?? declaredCharset(bytes));
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || undefined;
  const date =
    meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const pageTitle = meta('meta[property="og:title"]') ?? document.querySelector('title')?.textContent?.trim();
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) throw new ReaderError({ code: 'noArticle' });
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...body.querySelectorAll(BLOCKS)]
    // a block inside another block (a <p> in a <li>) is part of its parent's text
    .filter((el) => !el.parentElement?.closest(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const text = (blocks.length ? blocks.join('\n\n') : (article.textContent ?? '').replace(/[ \t]+/g, ' ')).trim();
  if (text.length < MIN_ARTICLE) throw new ReaderError({ code: 'noArticle' });
  return { text, title: articleTitle(article.title?.trim() || pageTitle, blocks[0]), date: date ?? article.publishedTime ?? undefined, source: canonical };
}

export const htmlReader: DocumentReader = {
  format: 'HTML',
  extensions: ['.html', '.htm'],
  maxBytes: 20 * MB,
  async read(bytes) {
    return readHtml(bytes);
  },
};
