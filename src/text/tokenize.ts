// Word tokenization for Cyrillic and Latin text; hyphenated compounds also yield their joined form.

export interface Token {
  /** the surface form, as in the text */
  word: string;
  /** character offset in the text */
  start: number;
}

// Marks (\p{M}) belong to the word: Wikipedia's stress accents («Сестроре́цк») must not split it.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-‐‑–][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const HYPHEN = /[-‐‑–]/;

/** Splits text into words; «көші-қон» gives «көші», «қон» and «көшіқон» (sources write it all three ways). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index!;
    if (!HYPHEN.test(word)) {
      out.push({ word, start });
      continue;
    }
    let offset = start;
    for (const part of word.split(HYPHEN)) {
      out.push({ word: part, start: offset });
      offset += part.length + 1;
    }
    out.push({ word: word.replace(/[-‐‑–]/g, ''), start });
  }
  return out;
}
