// One reader per document format, behind one interface, so that `govqa index`, `govqa add` and the bot's upload
// apply the same rules (extensions, size limit, what a document is made of).
import { ProblemError, type DocProblem } from '../problems.ts';

/** What a reader makes of a file: its text, and what the file itself says about it. */
export interface ReadDocument {
  text: string;
  title?: string;
  /** the date the document states (ISO 8601 or as written) */
  date?: string;
  /** where it comes from, when the file says so (a page's canonical URL) */
  source?: string;
  /** offset in `text` where each page starts (PDF): page N of a citation is the last start at or before it */
  pages?: number[];
  /** parts of the file left out (scanned pages without OCR data), one line each */
  warnings?: DocProblem[];
}

/** A file that cannot be read, and why (corpus/problems.ts: in English for the command line, localized in the bot). */
export class ReaderError extends ProblemError {}

export interface DocumentReader {
  /** a short name for messages: «PDF», «DOCX» … */
  format: string;
  /** file name endings, lower case, with the dot */
  extensions: readonly string[];
  /** larger files are refused before reading */
  maxBytes: number;
  read(bytes: Uint8Array, name: string, options?: ReadOptions): Promise<ReadDocument>;
}

export interface ReadOptions {
  /** false: scanned PDF pages are skipped, not read by OCR (OCR costs seconds a page) */
  ocr?: boolean;
  /** a part of the file was left out (scanned pages without OCR data): one line for the admin */
  warn?: (problem: DocProblem) => void;
}

export const MB = 1024 * 1024;
