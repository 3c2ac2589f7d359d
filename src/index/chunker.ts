// Splits a document into chunks of whole sentences, about MIN..MAX characters, closing early at a paragraph
// break once MIN is reached, and repeating the last sentence(s) of a chunk at the start of the next (overlap)
// so that an answer spanning the boundary is whole in one of them. Every chunk keeps its character offsets.
import { sentenceSpans, type Span } from '../text/sentences.ts';

/**
 * Bumped whenever chunk boundaries change (2: sentences no longer end at an initial, nor inside brackets the next part
 * closes; 3: nor at an abbreviation written before a name, «г.» Алматы), so stored builds are re-chunked.
 */
export const CHUNKER_VERSION = 3;

export interface ChunkOptions {
  min: number;
  max: number;
  overlap: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { min: 500, max: 1200, overlap: 200 };

/** Sentence spans, with any sentence longer than `max` cut at spaces into pieces no longer than `max`. */
function units(text: string, max: number, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    let start = s.start;
    while (s.end - start > max) {
      const window = text.slice(start, start + max);
      const cut = Math.max(window.lastIndexOf(' '), max >> 1);
      out.push({ start, end: start + cut });
      start += cut;
      while (text[start] === ' ') start++;
    }
    out.push({ start, end: s.end });
  }
  return out;
}

/** `sentences`: the text's sentence spans, when already found (a long document splits them in turns). */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNKING, sentences: readonly Span[] = sentenceSpans(text)): Span[] {
  const { min, max, overlap } = options;
  const sents = units(text, max, sentences);
  const chunks: Span[] = [];
  let first = 0;
  while (first < sents.length) {
    let last = first;
    while (last + 1 < sents.length && sents[last + 1].end - sents[first].start <= max) {
      const size = sents[last].end - sents[first].start;
      if (size >= min && /\n\s*\n/.test(text.slice(sents[last].end, sents[last + 1].start))) break;
      last++;
    }
    chunks.push({ start: sents[first].start, end: sents[last].end });
    if (last + 1 >= sents.length) break;
    // Step back over trailing sentences that fit in the overlap, but always move forward.
    let next = last + 1;
    while (next - 1 > first && sents[last].end - sents[next - 1].start <= overlap) next--;
    first = next;
  }
  return chunks;
}
