// Sentence boundaries from ICU (Intl.Segmenter), which also breaks at a newline: in these scraped texts a
// sentence often ends with a line break and no period.
//
// ICU is fed a line at a time, and a long line a window at a time: V8's segment iterator slows down with the
// length of the whole string (a 300 KB document took 3 s), while a line break is a sentence break for ICU
// anyway, so the spans are the same.

import { LANGS, PACKS } from '../lang/index.ts';

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('ru', { granularity: 'sentence' });
/** characters given to ICU at once, within a line longer than this */
const WINDOW = 4096;

/** Sentence spans of `text`, whitespace trimmed off both ends; blank sentences dropped. */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  if (text.length <= WINDOW) {
    // a passage: ICU at once is quickest, and gives the same spans (the slow-down only comes with length)
    for (const { segment, index } of segmenter.segment(text)) pushSpan(spans, segment, offset + index, text, offset);
  } else spansOfLines(text, 0, text.length, offset, spans);
  return spans;
}

/**
 * A sentence that ends with an initial («губернаторы Г.А.», «академик М.», «Дж.») goes on: ICU breaks after
 * every capital letter and period, and «Колпаковский еді» would stand alone, cut from the post it names.
 */
const INITIAL_END = /(?:^|[^\p{L}])(?:\p{Lu}|Дж)\.$/u;
/** … and so does one that ends with an abbreviation written before a name («совета г.» Алматы: the packs' `abbreviations`) */
const ABBREVIATION_END = new RegExp(`(?:^|[^\\p{L}])(?:${LANGS.flatMap((l) => PACKS[l].abbreviations).join('|')})\\.$`, 'u');
/** how many characters before a sentence's end the abbreviation check reads */
const ABBREVIATION_TAIL = 8;
/** the longest sentence a bracket left open joins: a stray «(» must not swallow a paragraph */
const BRACKETED_MAX = 1000;

/**
 * Whether ICU's sentence text[from, to) goes on into the next segment (`next`): it ends at an initial, or inside brackets
 * that the next one closes («Махмұд Қашқари (араб. | "Махмұт ибн әл-Хұсейн…"; 1029—1101) — … авторы»: ICU ends a
 * sentence at an abbreviation followed by a capital).
 */
function goesOn(text: string, from: number, to: number, next: string): boolean {
  if (INITIAL_END.test(text.slice(Math.max(from, to - 4), to))) return true;
  if (ABBREVIATION_END.test(text.slice(Math.max(from, to - ABBREVIATION_TAIL), to))) return true;
  if (to - from + next.length >= BRACKETED_MAX || !next.includes(')')) return false;
  // counted over the sentence only (under BRACKETED_MAX): a search for the next bracket could run to the end of a
  // long document for every sentence
  let open = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) open++; // (
    else if (c === 41 && open > 0) open--; // )
  }
  return open > 0;
}

/** Appends a segment's span (`at`: its offset in `text`, given from `offset`), or joins it to a sentence that goes on. */
function pushSpan(spans: Span[], segment: string, at: number, text: string, offset: number): void {
  const lead = segment.length - segment.trimStart().length;
  const body = segment.trim();
  if (!body) return;
  const start = at + lead;
  const last = spans[spans.length - 1];
  if (last && goesOn(text, last.start - offset, last.end - offset, body) && !text.slice(last.end - offset, start - offset).includes('\n')) {
    last.end = start + body.length;
  } else spans.push({ start, end: start + body.length });
}

/** Text handed to ICU between two turns of the event loop, in the yielding variant. */
const SLICE = 64 * 1024;

/**
 * The same spans as sentenceSpans, for a long document in a process that must stay responsive (the bot):
 * the text goes through in slices that end at a line break, and `pause` runs between slices.
 */
export async function sentenceSpansYielding(text: string, pause: () => Promise<unknown>): Promise<Span[]> {
  const spans: Span[] = [];
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', Math.min(text.length, from + SLICE));
    const to = nl < 0 ? text.length : nl + 1;
    spansOfLines(text, from, to, 0, spans);
    from = to;
    if (from < text.length) await pause();
  }
  return spans;
}

/** Spans of text[from, to), which begins at a line start and ends at a line end, appended to `spans`. */
function spansOfLines(text: string, from: number, to: number, offset: number, spans: Span[]): void {
  const push = (segment: string, at: number) => pushSpan(spans, segment, offset + at, text, offset);
  let lineStart = from;
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl >= to ? to : nl + 1;
    let pos = lineStart;
    let size = WINDOW;
    while (pos < lineEnd) {
      const end = Math.min(lineEnd, pos + size);
      const segments = [...segmenter.segment(text.slice(pos, end))];
      if (end < lineEnd && segments.length < 2) {
        size *= 2; // one sentence longer than the window: look further for its end
        continue;
      }
      size = WINDOW;
      // the window's last sentence may go on past it: the next window starts where it starts
      const keep = end < lineEnd ? segments.length - 1 : segments.length;
      for (let i = 0; i < keep; i++) push(segments[i].segment, pos + segments[i].index);
      pos = keep < segments.length ? pos + segments[keep].index : end;
    }
    lineStart = lineEnd;
  }
}
