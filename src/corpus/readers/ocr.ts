// OCR of scanned pages with Tesseract's Kazakh and Russian data, read from the locally installed traineddata
// (Debian's tesseract-ocr-kaz and tesseract-ocr-rus): nothing is downloaded at run time. Where the data is
// missing, `ocrAvailable` says what to install and scanned pages are skipped.
import { access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Debian's tessdata folder; TESSDATA_PREFIX, as Tesseract itself reads it, wins. */
export const TESSDATA_DIR = process.env.TESSDATA_PREFIX || '/usr/share/tesseract-ocr/5/tessdata';
/** Kazakh first: Kazakh scans lose their own letters (Қ read as К) when Russian leads; Russian still reads well. */
export const OCR_LANGS = ['kaz', 'rus'] as const;
const INSTALL_HINT = 'install the Debian packages tesseract-ocr-kaz and tesseract-ocr-rus';

export interface PageRecognizer {
  /** pages it reads at once: keep this many in flight */
  parallel: number;
  recognize(image: Uint8Array): Promise<string>;
  close(): Promise<void>;
}

/** null when OCR can run; otherwise the one line that says what is missing. */
export async function ocrMissing(dir = TESSDATA_DIR): Promise<string | null> {
  const missing: string[] = [];
  for (const lang of OCR_LANGS) {
    await access(path.join(dir, `${lang}.traineddata`)).catch(() => missing.push(lang));
  }
  return missing.length ? `no Tesseract data for ${missing.join(', ')} in ${dir}: ${INSTALL_HINT}` : null;
}

/** At most this many Tesseract workers for one document: one per core, each reads one page at a time. */
export const MAX_OCR_WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));

/**
 * Tesseract workers for a document's scanned pages (starting one costs a few tenths of a second: they are reused
 * for every page); `pages` says how many pages there are, so that a single page starts a single worker.
 */
export async function createRecognizer(pages = 1, dir = TESSDATA_DIR): Promise<PageRecognizer> {
  const { createScheduler, createWorker, OEM } = await import('tesseract.js');
  const scheduler = createScheduler();
  const workers = Math.max(1, Math.min(pages, MAX_OCR_WORKERS));
  const options = { langPath: dir, gzip: false, cacheMethod: 'none', logger: () => {}, errorHandler: () => {} };
  const started = await Promise.allSettled(Array.from({ length: workers }, () => createWorker(OCR_LANGS.join('+'), OEM.LSTM_ONLY, options)));
  for (const s of started) if (s.status === 'fulfilled') scheduler.addWorker(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await scheduler.terminate().catch(() => {});
    throw failed.reason;
  }
  return {
    parallel: workers,
    async recognize(image) {
      // text only: the default also builds hOCR and TSV, which costs a third more time for nothing we use
      const { data } = await scheduler.addJob('recognize', Buffer.from(image), {}, { text: true, blocks: false, hocr: false, tsv: false });
      return data.text;
    },
    close: () => scheduler.terminate().then(() => undefined),
  };
}
