// Telegram HTML for answers: escaped once, here, and split into messages below Telegram's 4096-character limit
// at block boundaries, so no tag is ever cut in two.
import { pageLabel, sourceLabel, type Answer, type Citation } from '../answer/compose.ts';
import { messages } from '../answer/messages.ts';
import type { Lang } from '../text/lang.ts';

export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A citation: its number and source, then the excerpt as a quote block (Telegram draws a bar beside it). The block,
 * not quote marks of our own, sets the verbatim text apart: ours doubled those of an excerpt opening on direct
 * speech («««Бюджетных денег…»), and a bar reads more easily on a phone than a paragraph in quote marks.
 */
export function citationHtml(c: Citation, lang: Lang): string {
  const other = c.lang !== lang ? ` <i>[${messages(lang).sourceLang[c.lang]}]</i>` : '';
  return `<b>[${c.n}]</b> <i>${sourceHtml(c, lang)}</i>${other}\n<blockquote>${excerptHtml(c)}</blockquote>`;
}

/** The excerpt, verbatim, with the sentence it was quoted for in bold when there is more around it. */
export function excerptHtml(c: Pick<Citation, 'excerpt' | 'highlight'>): string {
  if (!c.highlight) return escapeHtml(c.excerpt);
  const { start, end } = c.highlight;
  return `${escapeHtml(c.excerpt.slice(0, start))}<b>${escapeHtml(c.excerpt.slice(start, end))}</b>${escapeHtml(c.excerpt.slice(end))}`;
}

/** The source label, a link to the page when the document came from the web, and the page of a PDF. */
export function sourceHtml(c: Pick<Citation, 'title' | 'meta' | 'page' | 'lastPage' | 'url'>, lang: Lang): string {
  const label = escapeHtml(sourceLabel(c));
  const linked = c.url ? `<a href="${escapeHtml(c.url).replace(/"/g, '&quot;')}">${label}</a>` : label;
  return linked + escapeHtml(pageLabel(c, lang));
}

/** The blocks of an answer: the intro, then one block per citation (or the refusal alone). */
export function answerBlocks(answer: Answer): string[] {
  if (!answer.answered) return [escapeHtml(answer.answer)];
  const summary = answer.summary ? [escapeHtml(answer.summary)] : [];
  return [...summary, `<b>${escapeHtml(messages(answer.lang).intro)}</b>`, ...answer.citations.map((c) => citationHtml(c, answer.lang))];
}

/** Joins blocks into as few messages as fit the limit; a block too long on its own is cut as plain text. */
export function splitMessages(blocks: string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const block of blocks) {
    if (block.length > limit) {
      flush();
      out.push(...cutPlain(block, limit));
      continue;
    }
    const joined = current ? `${current}\n\n${block}` : block;
    if (joined.length > limit) {
      flush();
      current = block;
    } else current = joined;
  }
  flush();
  return out;
}

/** Tags dropped, text cut at line or word boundaries, escaped again: safe whatever the block held. */
function cutPlain(html: string, limit: number): string[] {
  const plain = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const pieces: string[] = [];
  let rest = plain;
  const budget = Math.floor(limit / 1.3); // room for escaping to grow the text
  while (rest.length > budget) {
    let cut = rest.lastIndexOf('\n', budget);
    if (cut < budget / 2) cut = rest.lastIndexOf(' ', budget);
    if (cut < budget / 2) cut = budget;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces.map(escapeHtml);
}

/** A passage with the quoted excerpt in bold, for the «full passage» button. */
export function passageHtml(c: Citation, passage: string, excerptStart: number): string {
  const head = `<b>[${c.n}] ${escapeHtml(sourceLabel(c))}</b>`;
  const at = excerptStart >= 0 && passage.slice(excerptStart, excerptStart + c.excerpt.length) === c.excerpt ? excerptStart : -1;
  const body = at < 0
    ? escapeHtml(passage)
    : escapeHtml(passage.slice(0, at)) + '<b>' + escapeHtml(c.excerpt) + '</b>' + escapeHtml(passage.slice(at + c.excerpt.length));
  return `${head}\n\n${body}`;
}
