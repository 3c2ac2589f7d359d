import type { DocProblem } from './problems.ts';
import type { Lang } from '../text/lang.ts';

/** What the manifest (or a JSONL record) says about a document beyond its text. */
export interface DocMeta {
  region?: string;
  year?: number;
  source?: string;
  kind?: string;
  /** the web page the document was taken from: citations link to it */
  url?: string;
  /** the date the document states (its page metadata, PDF or DOCX properties, or the manifest) */
  date?: string;
}

/** One source document, as read from the corpus. */
export interface SourceDoc {
  /** path relative to the corpus folder for files; the `id` field for JSONL records */
  docId: string;
  title: string;
  text: string;
  lang: Lang;
  meta: DocMeta;
  /** offsets in `text` where its pages start (PDF), so that a citation can name its page */
  pages?: number[];
  /** sha256 of the text and metadata: an unchanged hash means the document need not be chunked or embedded again */
  hash: string;
}

/** A file or record that could not be read, with the one-line reason. */
export interface Skipped {
  path: string;
  reason: string;
  /** why, as data, when a reader refused the file (the bot says it in the admin's language) */
  problem?: DocProblem;
}
