// Adding documents to the corpus, for `govqa add` and the bot: a file's bytes or a downloaded page are read
// through their format's reader first, and only what reads is written into the corpus (atomically, under a safe
// name); a web page's URL is kept in the corpus manifest so that its citations can link to it. Reindexing is the
// caller's next step.
import { ProblemError, type DocProblem } from './problems.ts';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExtractionCache } from './extracted.ts';
import { fetchPage, FetchError, type FetchOptions } from './fetch.ts';
import { declaredCharset } from './readers/html.ts';
import { readManifestEntries, writeAtomic, writeManifestEntries } from './manifest.ts';
import { ReaderError, readDocument, readerFor, SUPPORTED, type ReadDocument } from './readers/index.ts';
import { decodeText } from './readers/text.ts';

/** An input that cannot be added, with one line saying why (shown to admins as it is). */
/** A document refused on its way in, and why (corpus/problems.ts). */
export class AddError extends ProblemError {}

/** A document on its way into the corpus: a file name (its ending picks the reader), its bytes, and its URL. */
export interface Incoming {
  name: string;
  bytes: Uint8Array;
  url?: string;
}

export interface AddedDoc {
  /** the corpus file written (its document id) */
  file: string;
  title?: string;
  /** a file of that name was there before and has been replaced */
  replaced: boolean;
  /** pages of a PDF */
  pages?: number;
  /** parts left out (scanned pages without OCR data) */
  warnings: DocProblem[];
}

export interface AddOptions {
  /** the index's extraction cache (`<index>/extracted`): what was read here is not read again by the reindex */
  cacheDir?: string;
  /** false: scanned PDF pages are not read by OCR */
  ocr?: boolean;
}

/** Media types of downloads and the reader (file ending) each goes to. */
const TYPE_ENDINGS: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
  'text/markdown': '.md',
};

/** A file name safe to write into the corpus: the base name only, letters, digits, dot, dash, underscore, no
 * leading dot, and an ending a reader takes; null when there is no such name. */
export function safeFileName(name: string): string | null {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '');
  const ext = path.extname(clean).toLowerCase();
  const stem = clean.slice(0, clean.length - ext.length).slice(0, 100);
  return stem && readerFor(clean) ? stem + ext : null;
}

/** A local file as an incoming document. */
export async function fromFile(file: string): Promise<Incoming> {
  const name = safeFileName(file);
  if (!name) throw new AddError({ code: 'unsupported', formats: SUPPORTED.join(', ') });
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AddError({ code: 'missing' });
  const limit = readerFor(name)!.maxBytes;
  if (info.size > limit) throw new AddError({ code: 'tooLarge', mb: info.size / 2 ** 20, limitMb: limit / 2 ** 20 });
  try {
    return { name, bytes: await readFile(file) };
  } catch (err) {
    throw new AddError({ code: 'unreadable', detail: String((err as NodeJS.ErrnoException).code ?? err) });
  }
}

/** A web page (or a PDF, DOCX or text file on the web) as an incoming document; FetchError says why not. */
export async function fromUrl(raw: string, options: FetchOptions = {}): Promise<Incoming> {
  const page = await fetchPage(raw, options);
  const url = new URL(page.url);
  const fromPath = path.extname(decodePath(url.pathname)).toLowerCase();
  const ending = TYPE_ENDINGS[page.type] ?? sniff(page.bytes) ?? (readerFor(fromPath) ? fromPath : undefined);
  if (!ending) throw new AddError({ code: 'contentType', type: page.type });
  let bytes = page.bytes;
  if (ending === '.html' || ending === '.txt' || ending === '.md') {
    // The header's charset is lost once the page is a file: keep it as UTF-8 with a byte-order mark instead,
    // which every later reading honours over what the page declares.
    const declared = page.charset ?? (ending === '.html' ? declaredCharset(bytes) : undefined);
    try {
      bytes = new TextEncoder().encode('\uFEFF' + decodeText(bytes, declared));
    } catch (err) {
      throw new AddError({ code: 'encoding', detail: (err as Error).message });
    }
  }
  return { name: nameForUrl(url, ending), bytes, url: page.url };
}

/** What the first bytes say a download is, when the server does not. */
function sniff(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF-')) return '.pdf';
  if (/^\s*(<!doctype html|<html)/i.test(head)) return '.html';
  return undefined;
}

/** «https://akimat.kz/ru/news/123?id=5» → «akimat.kz-ru-news-123-id-5.html»: readable, and one name per page. */
export function nameForUrl(url: URL, ending: string): string {
  const tail = decodePath(`${url.pathname}${url.search}`).replace(/\.[a-z0-9]{1,5}$/i, '');
  const slug = tail
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${[url.hostname, slug].filter(Boolean).join('-') || 'page'}${ending}`;
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray % stays as it is
  }
}

/** One corpus change at a time in this process, so that two admins' uploads never interleave manifest writes. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
}

/**
 * Reads an incoming document (refusing it with an AddError or ReaderError when it does not read), then writes it
 * into the corpus folder: under its own name, or for a URL under the name that URL had before.
 */
export function addToCorpus(corpusDir: string, incoming: Incoming, options: AddOptions = {}): Promise<AddedDoc> {
  return serial(async () => {
    const warnings: DocProblem[] = [];
    let read: ReadDocument;
    try {
      // the reader itself says why scanned pages were skipped (what to install), so it is told only the admin's wish
      read = await readDocument(incoming.bytes, incoming.name, { ocr: options.ocr, warn: (problem) => warnings.push(problem) });
    } catch (err) {
      // «the PDF has no text» with what was skipped, and why: the line that says what to install
      if (err instanceof ReaderError) throw new AddError(err.problem, [...err.notes, ...warnings]);
      throw err;
    }
    // no text: the reader's warning (scanned pages skipped, and what to install) says why, when there is one
    if (!/\p{L}{2}/u.test(read.text)) throw new AddError({ code: 'noText' }, warnings.slice(0, 1));
    await mkdir(corpusDir, { recursive: true });
    const manifest = incoming.url ? await readManifest(corpusDir) : [];
    const file = incoming.url ? (manifest.find((e) => e.url === incoming.url)?.file ?? (await freeName(corpusDir, incoming.name))) : incoming.name;
    const target = path.join(corpusDir, file);
    const replaced = await stat(target).then(() => true, () => false);
    await writeAtomic(target, incoming.bytes);
    if (incoming.url) {
      const entries = manifest.filter((e) => e.file !== file);
      const previous = manifest.find((e) => e.file === file);
      entries.push({ ...previous, file, url: incoming.url });
      await writeManifestEntries(corpusDir, entries);
    }
    if (options.cacheDir) {
      // the reindex that follows finds the reading here instead of reading (or OCR-ing) the file again
      const cache = await ExtractionCache.open(options.cacheDir, options.ocr);
      const done = warnings.length ? { ...read, warnings } : read;
      await cache.put(cache.key(incoming.bytes), done).catch(() => {});
    }
    return { file, title: read.title, replaced, pages: read.pages?.length, warnings };
  });
}

/** `name`, or `name-2`, `name-3` … when a file of that name is there (a different page with the same slug). */
async function freeName(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, -ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem}-${i}${ext}`;
    if (!(await stat(path.join(dir, candidate)).then(() => true, () => false))) return candidate;
  }
}

type ManifestEntry = { file: string; url?: string } & Record<string, unknown>;

/** The corpus manifest's entries; a manifest that cannot be parsed is never overwritten (it is the admin's). */
async function readManifest(dir: string): Promise<ManifestEntry[]> {
  try {
    return (await readManifestEntries(dir)) as ManifestEntry[];
  } catch (err) {
    throw new AddError({ code: 'manifest', detail: (err as Error).message });
  }
}

export { FetchError };
