// The readers by file name ending: the one place that says which formats govqa takes.
import path from 'node:path';
import { docxReader } from './docx.ts';
import { htmlReader } from './html.ts';
import { pdfReader } from './pdf.ts';
import { textReader } from './text.ts';
import { ReaderError, type DocumentReader, type ReadDocument, type ReadOptions } from './types.ts';

export { ReaderError, type DocumentReader, type ReadDocument, type ReadOptions } from './types.ts';

export const READERS: readonly DocumentReader[] = [textReader, htmlReader, docxReader, pdfReader];
/** Bump when a reader's output changes, so that cached extractions are read again. */
export const READERS_VERSION = 2;

export function readerFor(name: string): DocumentReader | undefined {
  const ext = path.extname(name).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext));
}

/** Every file ending govqa reads, for messages: «.txt, .md, .html …». */
export const SUPPORTED = READERS.flatMap((r) => r.extensions);

/** Reads one file through its reader, with the reader's size limit; ReaderError says why it cannot. */
export async function readDocument(bytes: Uint8Array, name: string, options?: ReadOptions): Promise<ReadDocument> {
  const reader = readerFor(name);
  if (!reader) throw new ReaderError({ code: 'unsupported', formats: SUPPORTED.join(', ') });
  if (bytes.byteLength > reader.maxBytes) {
    throw new ReaderError({ code: 'tooLarge', mb: bytes.byteLength / 2 ** 20, limitMb: reader.maxBytes / 2 ** 20, format: reader.format });
  }
  try {
    return await reader.read(bytes, name, options);
  } catch (err) {
    if (err instanceof ReaderError) throw err;
    throw new ReaderError({ code: 'unreadable', detail: String((err as Error)?.message ?? err).split('\n')[0], format: reader.format });
  }
}
