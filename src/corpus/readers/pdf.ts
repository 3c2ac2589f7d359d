// PDF: the text layer page by page, page starts kept so that a citation can name its page. A page without a
// text layer is a scan: it is rendered and read by OCR when Tesseract's data is installed, and skipped with
// one line naming what to install when it is not.
import type { PDFParse } from 'pdf-parse';
import { createRecognizer, ocrMissing, type PageRecognizer } from './ocr.ts';
import { MB, ReaderError, type DocumentReader, type ReadDocument } from './types.ts';
import type { DocProblem } from '../problems.ts';

/** A page with fewer letters than this in its text layer is treated as a scan. */
const MIN_PAGE_LETTERS = 20;
/** Render scale for OCR: about 200 dpi for A4, where Tesseract reads body text well and a page stays under 3 s. */
const OCR_SCALE = 2.8;
const PAGE_SEPARATOR = '\n\n';

export interface PdfOptions {
  /** false: never OCR (a scanned page is skipped) */
  ocr?: boolean;
  /** told once per document about pages that could not be read */
  warn?: (problem: DocProblem) => void;
}

const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;

/** pdf.js joins a hyphenated line break and pads lines with spaces: tidy both, keep the line structure. */
function tidy(page: string): string {
  return page.replace(/[ \t]+\n/g, '\n').replace(/[ \t]{2,}/g, ' ').trim();
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadDocument> {
  // loaded on the first PDF: pdf.js is large, and a process that reads none (a bot answering) should not carry it
  const { PDFParse, PasswordException } = await import('pdf-parse');
  // pdf.js takes over (detaches) the buffer it is given: give it a copy, the caller may still need the bytes
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    let pages: { num: number; text: string }[];
    let title: string | undefined;
    let date: string | undefined;
    try {
      const info = await parser.getInfo();
      title = typeof info.info?.Title === 'string' ? info.info.Title.trim() || undefined : undefined;
      date = pdfDate(info.info?.CreationDate);
      pages = (await parser.getText({ pageJoiner: '' })).pages;
    } catch (err) {
      if (err instanceof PasswordException || /password/i.test(String((err as Error)?.message))) {
        throw new ReaderError({ code: 'encrypted' });
      }
      throw new ReaderError({ code: 'corrupt', format: 'PDF', detail: String((err as Error)?.message ?? err).split('\n')[0] });
    }
    const texts = pages.map((p) => tidy(p.text));
    const scanned = texts.flatMap((t, i) => (letters(t) < MIN_PAGE_LETTERS ? [i] : []));
    if (scanned.length) await ocrPages(parser, pages, texts, scanned, options);

    let text = '';
    const starts: number[] = [];
    texts.forEach((t, i) => {
      if (text) text += PAGE_SEPARATOR;
      starts[i] = text.length;
      text += t;
    });
    if (!text.trim()) throw new ReaderError({ code: 'noText', format: 'PDF' });
    return { text, title, date, pages: starts };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

async function ocrPages(parser: PDFParse, pages: { num: number }[], texts: string[], scanned: number[], options: PdfOptions) {
  const nums = scanned.map((i) => pages[i].num);
  const missing = options.ocr === false ? 'OCR is off' : await ocrMissing();
  if (missing) {
    options.warn?.({ code: 'scansSkipped', pages: nums, ocrOff: options.ocr === false, ...(options.ocr !== false && { detail: missing }) });
    return;
  }
  // Tesseract starts while the first page is rendered
  const starting = createRecognizer(scanned.length);
  starting.catch(() => {}); // a failed start is reported where it is awaited, not as an unhandled rejection
  let ocr: PageRecognizer | null = null;
  let failure: unknown = null;
  try {
    // pages are rendered one after another while the workers read the ones already rendered
    const reading: Promise<void>[] = [];
    for (const i of scanned) {
      const shot = await parser.getScreenshot({ partial: [pages[i].num], scale: OCR_SCALE, imageBuffer: true, imageDataUrl: false });
      const image = shot.pages[0]?.data;
      ocr ??= await starting;
      if (image) reading.push(ocr.recognize(image).then((text) => void (texts[i] = tidy(text)), (err) => void (failure ??= err)));
      if (reading.length >= ocr.parallel) await reading.shift();
    }
    await Promise.all(reading);
    if (failure) throw failure;
  } catch (err) {
    options.warn?.({ code: 'ocrFailed', detail: String((err as Error)?.message ?? err).split('\n')[0] });
    for (const i of scanned) texts[i] = ''; // no half-read document: all of its scans, or none
  } finally {
    await (ocr ?? (await starting.catch(() => null)))?.close().catch(() => {});
  }
}

/** A PDF date («D:20240315093000+05'00'») as an ISO date. */
function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : undefined;
}

export const pdfReader: DocumentReader = {
  format: 'PDF',
  extensions: ['.pdf'],
  maxBytes: 50 * MB,
  read: (bytes, _name, options) => readPdf(bytes, options),
};
