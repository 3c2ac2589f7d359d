// Sentence boundaries from ICU (Intl.Segmenter), which also breaks at a newline: in these scraped texts a
// sentence often ends with a line break and no period.

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('ru', { granularity: 'sentence' });

/** Sentence spans of `text`, whitespace trimmed off both ends; blank sentences dropped. */
export function sentenceSpans(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (!body) continue;
    spans.push({ start: offset + index + lead, end: offset + index + lead + body.length });
  }
  return spans;
}
