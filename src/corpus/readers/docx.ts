// DOCX: paragraphs and tables as text (mammoth), title and date from the document's properties. A DOCX is a
// zip: its central directory is checked before anything is inflated, so that a zip bomb is refused unread.
import { MB, ReaderError, type DocumentReader, type ReadDocument } from './types.ts';

/** Inflated size a document may claim in all; real documents are far below it. */
const MAX_INFLATED = 200 * MB;
/** Compression ratio of a single entry beyond which it is a bomb (text XML compresses about 10:1). */
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Checks the zip's central directory: that it is a zip at all, and that it does not inflate absurdly. */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 64 KB + 22 bytes (after an optional comment)
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (bytes.length < 22 || eocd < 0) throw new ReaderError({ code: 'notDocx', damaged: false });
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) throw new ReaderError({ code: 'zipBomb' });
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ReaderError({ code: 'notDocx', damaged: true });
    const compressed = view.getUint32(at + 20, true);
    const inflated = view.getUint32(at + 24, true);
    total += inflated;
    if (total > MAX_INFLATED || inflated > Math.max(compressed, 1024) * MAX_RATIO) {
      throw new ReaderError({ code: 'zipBomb' });
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/** dc:title and dcterms:created of docProps/core.xml, when the document has them. */
async function properties(bytes: Uint8Array): Promise<{ title?: string; date?: string }> {
  const { default: JSZip } = await import('jszip'); // loaded on the first DOCX
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) return {};
  const field = (tag: string) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(core)?.[1]?.trim() || undefined;
  const unescape = (s?: string) => s?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return { title: unescape(field('dc:title')), date: field('dcterms:created')?.slice(0, 10) };
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  checkZip(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let raw: string;
  try {
    const { default: mammoth } = await import('mammoth');
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (err) {
    throw new ReaderError({ code: 'corrupt', format: 'DOCX file', detail: String((err as Error)?.message ?? err).split('\n')[0] });
  }
  // mammoth ends every paragraph and table cell with a blank line; runs of them are one break
  const text = raw.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) throw new ReaderError({ code: 'noText', format: 'DOCX file' });
  const props = await properties(bytes).catch(() => ({}));
  return { text, ...props };
}

export const docxReader: DocumentReader = {
  format: 'DOCX',
  extensions: ['.docx'],
  maxBytes: 50 * MB,
  read: (bytes) => readDocx(bytes),
};
