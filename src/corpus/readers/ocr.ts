// OCR of scanned pages with Tesseract's Kazakh and Russian data, read from the locally installed traineddata
// (Debian's tesseract-ocr-kaz and tesseract-ocr-rus): nothing is downloaded at run time. Where the data is
// missing, `ocrAvailable` says what to install and scanned pages are skipped.
import { access } from 'node:fs/promises';
import path from 'node:path';

/** Debian's tessdata folder; TESSDATA_PREFIX, as Tesseract itself reads it, wins. */
export const TESSDATA_DIR = process.env.TESSDATA_PREFIX ?? '/usr/share/tesseract-ocr/5/tessdata';
/** Kazakh first: Kazakh scans lose their own letters (Қ read as К) when Russian leads; Russian still reads well. */
export const OCR_LANGS = ['kaz', 'rus'] as const;
const INSTALL_HINT = 'install the Debian packages tesseract-ocr-kaz and tesseract-ocr-rus';

export interface PageRecognizer {
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

/** One Tesseract worker for a document's scanned pages (starting one costs about a second: reuse it). */
export async function createRecognizer(dir = TESSDATA_DIR): Promise<PageRecognizer> {
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker(OCR_LANGS.join('+'), OEM.LSTM_ONLY, {
    langPath: dir,
    gzip: false,
    cacheMethod: 'none',
    logger: () => {},
    errorHandler: () => {},
  });
  return {
    async recognize(image) {
      const { data } = await worker.recognize(Buffer.from(image));
      return data.text;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
