// Word tokenization for Cyrillic and Latin text; hyphenated compounds also yield their joined form.

export interface Token {
  /** the surface form, as in the text */
  word: string;
  /** character offset in the text */
  start: number;
}

// Marks (\p{M}) belong to the word: Wikipedia's stress accents («Сестроре́цк») must not split it.
// A «%» sign is a word of its own: it says «процент» (the analyzer reads it so, Analyzer.wordTerms).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‐‑–][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|%/gu;
const HYPHEN = /[-‐‑–]/;

/**
 * Calls `each` for every word of the text; «көші-қон» gives «көші», «қон» and «көшіқон» (sources write it all
 * three ways). The allocation-free form, for indexing.
 */
export function eachToken(text: string, each: (word: string, start: number) => void): void {
  const re = new RegExp(WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0];
    const start = m.index;
    if (!HYPHEN.test(word)) {
      each(word, start);
      continue;
    }
    let offset = start;
    for (const part of word.split(HYPHEN)) {
      each(part, offset);
      offset += part.length + 1;
    }
    each(word.replace(/[-‐‑–]/g, ''), start);
  }
}

/** The words of a text, with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  eachToken(text, (word, start) => out.push({ word, start }));
  return out;
}
