// Reads the corpus: a folder of documents in the formats the readers take (text, HTML, DOCX, PDF), with an
// optional manifest.json, and .jsonl files; or one .jsonl. A file that cannot be read is skipped with a reason;
// only a missing or empty corpus is an error.
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectLang, type Lang } from '../text/lang.ts';
import { ExtractionCache } from './extracted.ts';
import { ReaderError, readDocument, readerFor, SUPPORTED, type ReadDocument } from './readers/index.ts';
import { MANIFEST, readManifestEntries } from './manifest.ts';
import { decodeText } from './readers/text.ts';
import { deriveTitle } from './title.ts';
import type { DocMeta, SourceDoc, Skipped } from './types.ts';
import { describeProblem, PROBLEM_EN, type DocProblem } from './problems.ts';

export class CorpusError extends Error {}

export interface Corpus {
  docs: SourceDoc[];
  skipped: Skipped[];
}

export interface ReadCorpusOptions {
  /** where costly extractions (PDF, DOCX) are kept between builds; none: every build reads every file */
  cacheDir?: string;
  /** false: scanned PDF pages are not read by OCR */
  ocr?: boolean;
}

/** Formats whose reading costs enough (OCR above all) to keep what was read. */
const CACHED = new Set(['.pdf', '.docx']);

interface ManifestEntry extends DocMeta {
  file: string;
  lang?: string;
  title?: string;
}

export async function readCorpus(location: string, options: ReadCorpusOptions = {}): Promise<Corpus> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new CorpusError(`corpus not found: ${location}`);
  const corpus: Corpus = { docs: [], skipped: [] };
  if (info.isFile()) {
    if (path.extname(location) !== '.jsonl') throw new CorpusError(`a corpus file must be .jsonl: ${location}`);
    await readJsonl(location, path.basename(location), corpus);
  } else {
    const manifest = await readManifest(location, corpus);
    const cache = options.cacheDir ? await ExtractionCache.open(options.cacheDir, options.ocr) : null;
    for (const rel of await listFiles(location, corpus)) {
      const ext = path.extname(rel).toLowerCase();
      if (ext === '.jsonl') await readJsonl(path.join(location, rel), rel, corpus);
      else if (rel === MANIFEST) continue;
      else if (!readerFor(rel)) corpus.skipped.push({ path: rel, reason: `not a document govqa reads (${[...SUPPORTED, '.jsonl'].join(', ')})` });
      else await readFileDoc(location, rel, manifest.get(rel), corpus, { cache, wantOcr: options.ocr });
    }
    await cache?.prune();
  }
  if (corpus.docs.length === 0) {
    const why = corpus.skipped.length ? ` (${corpus.skipped.length} skipped)` : '';
    throw new CorpusError(`no readable documents (${[...SUPPORTED, '.jsonl'].join(', ')}) in ${location}${why}`);
  }
  const seen = new Set<string>();
  corpus.docs = corpus.docs.filter((d) => {
    if (!seen.has(d.docId)) return seen.add(d.docId);
    corpus.skipped.push({ path: d.docId, reason: 'duplicate document id, first one kept' });
    return false;
  });
  return corpus;
}

/** Relative paths of all files below `root`, sorted, hidden files and folders left out. A folder that cannot be
 * listed, a symbolic link and anything that is not a regular file are skipped with a reason, never an abort. */
export async function listFiles(root: string, corpus: Corpus, rel = ''): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (err) {
    if (!rel) throw new CorpusError(`corpus folder cannot be read: ${root} (${(err as NodeJS.ErrnoException).code ?? err})`);
    corpus.skipped.push({ path: rel, reason: `folder cannot be read (${(err as NodeJS.ErrnoException).code ?? err})` });
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, corpus, child)));
    else if (e.isFile()) out.push(child);
    // links could lead out of the corpus (or round in a circle): the admin copies the file in instead
    else if (e.isSymbolicLink()) corpus.skipped.push({ path: child, reason: 'a symbolic link: copy the file itself into the corpus' });
    else corpus.skipped.push({ path: child, reason: 'not a regular file' });
  }
  return out;
}

async function readManifest(dir: string, corpus: Corpus): Promise<Map<string, ManifestEntry>> {
  const byFile = new Map<string, ManifestEntry>();
  try {
    for (const d of await readManifestEntries(dir)) if (d && typeof d.file === 'string') byFile.set(d.file, d as unknown as ManifestEntry);
  } catch (err) {
    corpus.skipped.push({ path: 'manifest.json', reason: `ignored: ${(err as Error).message}` });
  }
  return byFile;
}

/** Reads one file through its format's reader (or the cache); what the manifest says wins over the file. */
async function readFileDoc(root: string, rel: string, entry: ManifestEntry | undefined, corpus: Corpus, how: { cache: ExtractionCache | null; wantOcr?: boolean }) {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, rel));
  } catch (err) {
    corpus.skipped.push({ path: rel, reason: `unreadable: ${(err as NodeJS.ErrnoException).code ?? err}` });
    return;
  }
  const cache = CACHED.has(path.extname(rel).toLowerCase()) ? how.cache : null;
  const key = cache?.key(bytes);
  let read: ReadDocument | null = key ? await cache!.get(key) : null;
  if (!read) {
    const warnings: DocProblem[] = [];
    try {
      // the reader is told only whether OCR is wanted: when its data is missing, it says what to install
      read = await readDocument(bytes, rel, { ocr: how.wantOcr, warn: (problem) => warnings.push(problem) });
    } catch (err) {
      if (!(err instanceof ReaderError)) throw err;
      return void corpus.skipped.push({ path: rel, reason: err.message, problem: err.problem });
    }
    if (warnings.length) read.warnings = warnings;
    if (key) await cache!.put(key, read).catch(() => {}); // a cache that cannot be written only costs time
  }
  for (const problem of read.warnings ?? []) corpus.skipped.push({ path: rel, reason: `partly read: ${describeProblem(PROBLEM_EN, problem)}` });
  const meta = metaOf(entry as Record<string, unknown> | undefined);
  meta.date ??= read.date;
  if (!meta.url && read.source && /^https?:\/\//.test(read.source)) meta.url = read.source;
  const fallbackTitle = path.basename(rel, path.extname(rel));
  const doc = makeDoc(rel, read.text, entry?.title ?? read.title, entry?.lang, meta, fallbackTitle, read.pages);
  if (doc) corpus.docs.push(doc);
  else corpus.skipped.push({ path: rel, reason: 'empty' });
}

async function readJsonl(file: string, rel: string, corpus: Corpus) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return void corpus.skipped.push({ path: rel, reason: `unreadable: ${(err as NodeJS.ErrnoException).code ?? err}` });
  }
  // Line by line, so that one bad line (another encoding, a raw NUL, a cut-off character) costs only that line.
  let line = 0;
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    line++;
    readJsonlLine(bytes.subarray(start, end), `${rel}:${line}`, line === 1, corpus);
    start = end + 1;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function readJsonlLine(bytes: Uint8Array, where: string, first: boolean, corpus: Corpus) {
  let raw: string;
  try {
    raw = strictUtf8.decode(first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
  } catch {
    return void corpus.skipped.push({ path: where, reason: 'not UTF-8 (a JSONL file must be UTF-8)' });
  }
  if (!raw.trim()) return;
  if (raw.includes('\0')) return void corpus.skipped.push({ path: where, reason: 'contains a NUL byte' });
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(raw);
  } catch {
    return void corpus.skipped.push({ path: where, reason: 'not valid JSON' });
  }
  if (typeof rec?.text !== 'string') return void corpus.skipped.push({ path: where, reason: 'no "text" field' });
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : where;
  const title = typeof rec.title === 'string' ? rec.title : undefined;
  const doc = makeDoc(id, rec.text, title, rec.lang, metaOf(rec), id);
  if (doc) corpus.docs.push(doc);
  else corpus.skipped.push({ path: where, reason: 'empty text' });
}

function metaOf(rec: Record<string, unknown> | undefined): DocMeta {
  const meta: DocMeta = {};
  if (!rec) return meta;
  if (typeof rec.region === 'string') meta.region = rec.region;
  if (typeof rec.year === 'number' || (typeof rec.year === 'string' && /^\d{4}$/.test(rec.year))) meta.year = Number(rec.year);
  if (typeof rec.source === 'string') meta.source = rec.source;
  if (typeof rec.kind === 'string') meta.kind = rec.kind;
  if (typeof rec.url === 'string' && /^https?:\/\//.test(rec.url)) meta.url = rec.url;
  if (typeof rec.date === 'string') meta.date = rec.date;
  return meta;
}

/** Control characters (an escaped \u0000 in a record, a form feed from a PDF) mean nothing to a reader. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function makeDoc(docId: string, rawText: string, title: string | undefined, lang: unknown, meta: DocMeta, fallbackTitle: string, pages?: number[]): SourceDoc | null {
  // replaced one for one (by spaces), so that page offsets stay right
  const text = rawText.replace(CONTROL, ' ');
  title = title?.replace(CONTROL, ' ');
  if (!text.trim()) return null;
  const docLang: Lang = lang === 'kk' || lang === 'ru' ? lang : detectLang(text);
  const docTitle = title?.trim() || deriveTitle(text, fallbackTitle);
  const hash = createHash('sha256').update(JSON.stringify([docTitle, docLang, meta, text, ...(pages ? [pages] : [])])).digest('hex');
  return { docId, title: docTitle, text, lang: docLang, meta, hash, ...(pages && pages.length > 0 && { pages }) };
}
