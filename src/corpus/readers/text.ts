// Plain text in the encodings admins have: UTF-8, UTF-16 with a byte-order mark, and the single-byte Cyrillic
// code pages of older Russian files (windows-1251, KOI8-R), told apart by which reading gives mostly lower-case
// letters, as running text has. (Kazakh letters exist in none of those code pages: Kazakh files are Unicode.)
import { MB, ReaderError, type DocumentReader } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const SINGLE_BYTE = ['windows-1251', 'koi8-r'] as const;

/** Decodes text bytes, detecting the encoding; throws ReaderError for binary data. */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const text = decodeRaw(bytes, declared);
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function decodeRaw(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new ReaderError({ code: 'binary' });
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown charset label: detect instead
    }
  }
  try {
    return utf8.decode(bytes);
  } catch {
    // not UTF-8: one of the Cyrillic code pages
  }
  let best = '';
  let bestScore = -Infinity;
  for (const encoding of SINGLE_BYTE) {
    const text = new TextDecoder(encoding).decode(bytes);
    const lower = text.match(/[а-яё]/g)?.length ?? 0;
    const upper = text.match(/[А-ЯЁ]/g)?.length ?? 0;
    if (lower - upper > bestScore) {
      best = text;
      bestScore = lower - upper;
    }
  }
  return best;
}

export const textReader: DocumentReader = {
  format: 'text',
  extensions: ['.txt', '.md'],
  // a law code or a year of news in one file: reading is linear, so the limit is only about memory
  maxBytes: 64 * MB,
  async read(bytes) {
    return { text: decodeText(bytes) };
  },
};
