// `npm run bench` (documents): how long a 100-page PDF takes to index, next to the same text as a plain file
// (the baseline: what reading the PDF adds), and how long one scanned page takes to OCR, next to reading the same
// page from a text layer, with how many of its words OCR gives back. Real Kazakh sentences from ../shared/bench.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { ocrMissing } from '../src/corpus/readers/ocr.ts';
import { readDocument } from '../src/corpus/readers/index.ts';
import { buildIndex } from '../src/index/build.ts';
import { haveFont, makePdf, makeScannedPdf, wrapLines } from '../test/fixtures/documents.ts';
import { ms } from './timing.ts';

const PAGES = 100;
const LINES_PER_PAGE = 40;
/** characters a line may have at the fixture's 12 pt before it runs off an A4 page */
const LINE_WIDTH = 64;
const SCAN_LINES = 24;
const SIZES_MB = [0.25, 1, 5, 25, 50];
/** the scanned page is drawn at 34 px on a 1240 px canvas: about 45 characters a line */
const SCAN_WIDTH = 45;

const config = loadConfig();
const sentences = (await readFile(path.join(config.sharedDir, 'bench/kaznerd-kk-sentences.jsonl'), 'utf8'))
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).text as string);

/** Sentences from `from` on, wrapped into `count` lines of at most `width` characters. */
function linesOf(from: number, count: number, width: number): string[] {
  const taken: string[] = [];
  for (let i = from; wrapLines(taken.join(' '), width).length <= count; i = (i + 1) % sentences.length) taken.push(sentences[i]);
  return wrapLines(taken.join(' '), width).slice(0, count);
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
};

// One plain-text document of growing size: indexing time per MB must stay flat (no step grows with the square
// of a document's length), and the event loop must never stall for long (a bot answers while it reindexes).
{
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const laws = (await readFile(path.join(config.sharedDir, 'bench/rurebus-ru.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).text as string).join('\n\n');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-bench-size-'));
  console.log(`\none document of growing size (rurebus text repeated; lexical index):`);
  console.log(`  ${'size'.padStart(8)} ${'index'.padStart(10)} ${'per MB'.padStart(10)} ${'vs 0.25 MB'.padStart(11)} ${'longest stall'.padStart(14)}`);
  let base = 0;
  for (const mb of SIZES_MB) {
    const corpus = path.join(dir, `c${mb}`);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(corpus, { recursive: true });
    let text = laws;
    while (Buffer.byteLength(text) < mb * 2 ** 20) text += '\n\n' + laws;
    text = text.slice(0, Math.round((text.length * mb * 2 ** 20) / Buffer.byteLength(text)));
    await writeFile(path.join(corpus, 'big.txt'), text);
    text = '';
    (globalThis as { gc?: () => void }).gc?.();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const [, took] = await time(() => buildIndex({ corpus, indexDir: path.join(dir, `i${mb}`), embedder: null }));
    delay.disable();
    const perMb = took / mb;
    base ||= perMb;
    console.log(`  ${`${mb} MB`.padStart(8)} ${ms(took).padStart(10)} ${ms(perMb).padStart(10)} ${`${(perMb / base).toFixed(2)}x`.padStart(11)} ${ms(delay.max / 1e6).padStart(14)}`);
    await rm(corpus, { recursive: true, force: true });
    await rm(path.join(dir, `i${mb}`), { recursive: true, force: true });
  }
  await rm(dir, { recursive: true, force: true });
}

if (!haveFont) {
  console.log('\ndocuments: skipped (no DejaVu font to draw test PDFs: apt-get install fonts-dejavu-core)');
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-bench-docs-'));
  const pages = Array.from({ length: PAGES }, (_, p) => linesOf(p * 60, LINES_PER_PAGE, LINE_WIDTH).join('\n'));
  const pdfCorpus = path.join(dir, 'pdf');
  const txtCorpus = path.join(dir, 'txt');
  const pdf = await makePdf(pages, 'Bench report');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(pdfCorpus);
  await mkdir(txtCorpus);
  await writeFile(path.join(pdfCorpus, 'report.pdf'), pdf);
  await writeFile(path.join(txtCorpus, 'report.txt'), pages.join('\n\n'));

  const [txtReport, txtTime] = await time(() => buildIndex({ corpus: txtCorpus, indexDir: path.join(dir, 'i-txt'), embedder: null }));
  const [pdfReport, pdfTime] = await time(() => buildIndex({ corpus: pdfCorpus, indexDir: path.join(dir, 'i-pdf'), embedder: null }));
  // a reindex with the PDF unchanged reads its text from the extraction cache
  await writeFile(path.join(pdfCorpus, 'note.txt'), 'Аудан әкімдігінің хабарландыруы: жиналыс сейсенбіде өтеді.');
  const [, cachedTime] = await time(() => buildIndex({ corpus: pdfCorpus, indexDir: path.join(dir, 'i-pdf'), embedder: null }));
  console.log(`\ndocuments: a ${PAGES}-page PDF (${(pdf.byteLength / 2 ** 20).toFixed(1)} MB, ${pdfReport.chunks} chunks; lexical index)`);
  console.log(`  ${'index the PDF (read + chunk + index)'.padEnd(46)} ${ms(pdfTime).padStart(9)}   target < 10 s`);
  console.log(`  ${'  baseline: the same text as a .txt file'.padEnd(46)} ${ms(txtTime).padStart(9)}   (${txtReport.chunks} chunks)`);
  console.log(`  ${'  reindex after another file was added'.padEnd(46)} ${ms(cachedTime).padStart(9)}   (PDF from the extraction cache)`);

  const missing = await ocrMissing();
  if (missing) console.log(`  scanned page OCR: skipped (${missing})`);
  else {
    const pages = [0, 1, 2].map((p) => linesOf(7000 + p * 40, SCAN_LINES, SCAN_WIDTH));
    const one = await makeScannedPdf(pages[0]);
    const three = await makeScannedPdf(pages);
    const layer = await makePdf([pages[0].join('\n')]);
    // The first scanned page in a process also loads the page renderer and starts Tesseract (its kaz+rus data);
    // a document's further pages reuse both: the per-page figure is the difference.
    const [read, firstTime] = await time(() => readDocument(one, 'scan.pdf'));
    const [readThree, threeTime] = await time(() => readDocument(three, 'scan3.pdf'));
    const [, oneAgain] = await time(() => readDocument(one, 'scan.pdf'));
    const perPage = (threeTime - oneAgain) / 2;
    const [, layerTime] = await time(() => readDocument(layer, 'layer.pdf'));
    const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const got = new Set([...words(read.text), ...words(readThree.text)]);
    const source = pages.flatMap((p) => words(p.join(' ')));
    const recovered = source.filter((w) => got.has(w)).length / source.length;
    const chars = Math.round(pages.flat().join('').length / pages.length);
    console.log(`  scanned pages (${SCAN_LINES} lines, ~${chars} characters each; Tesseract kaz+rus): ${(100 * recovered).toFixed(1)}% of their words read exactly`);
    console.log(`  ${'  OCR of each further page of a document'.padEnd(46)} ${ms(perPage).padStart(9)}   target < 3 s`);
    console.log(`  ${'  one scanned page in a fresh process'.padEnd(46)} ${ms(firstTime).padStart(9)}   (with renderer load and Tesseract start)`);
    console.log(`  ${'  one scanned page, renderer loaded'.padEnd(46)} ${ms(oneAgain).padStart(9)}   (with Tesseract start)`);
    console.log(`  ${'  baseline: the same page from a text layer'.padEnd(46)} ${ms(layerTime).padStart(9)}`);
  }
  await rm(dir, { recursive: true, force: true });
}
