// Reads the corpus: a folder of .txt/.md files (with an optional manifest.json) and .jsonl files, or one .jsonl.
// A file that cannot be read is skipped with a reason; only a missing or empty corpus is an error.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectLang, type Lang } from '../text/lang.ts';
import { deriveTitle } from './title.ts';
import type { DocMeta, SourceDoc, Skipped } from './types.ts';

export class CorpusError extends Error {}

export interface Corpus {
  docs: SourceDoc[];
  skipped: Skipped[];
}

const TEXT_EXT = new Set(['.txt', '.md']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ManifestEntry extends DocMeta {
  file: string;
  lang?: string;
  title?: string;
}

export async function readCorpus(location: string): Promise<Corpus> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new CorpusError(`corpus not found: ${location}`);
  const corpus: Corpus = { docs: [], skipped: [] };
  if (info.isFile()) {
    if (path.extname(location) !== '.jsonl') throw new CorpusError(`a corpus file must be .jsonl: ${location}`);
    await readJsonl(location, path.basename(location), corpus);
  } else {
    const manifest = await readManifest(location, corpus);
    for (const rel of await listFiles(location)) {
      const ext = path.extname(rel).toLowerCase();
      if (ext === '.jsonl') await readJsonl(path.join(location, rel), rel, corpus);
      else if (TEXT_EXT.has(ext)) await readTextFile(location, rel, manifest.get(rel), corpus);
    }
  }
  if (corpus.docs.length === 0) {
    const why = corpus.skipped.length ? ` (${corpus.skipped.length} skipped)` : '';
    throw new CorpusError(`no readable .txt, .md or .jsonl documents in ${location}${why}`);
  }
  const seen = new Set<string>();
  corpus.docs = corpus.docs.filter((d) => {
    if (!seen.has(d.docId)) return seen.add(d.docId);
    corpus.skipped.push({ path: d.docId, reason: 'duplicate document id, first one kept' });
    return false;
  });
  return corpus;
}

/** Relative paths of all files below `root`, sorted, hidden files and folders left out. */
async function listFiles(root: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

async function readManifest(dir: string, corpus: Corpus): Promise<Map<string, ManifestEntry>> {
  const file = path.join(dir, 'manifest.json');
  const byFile = new Map<string, ManifestEntry>();
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return byFile;
  }
  try {
    const docs = JSON.parse(raw).documents;
    if (!Array.isArray(docs)) throw new Error('no "documents" array');
    for (const d of docs) if (d && typeof d.file === 'string') byFile.set(d.file, d);
  } catch (err) {
    corpus.skipped.push({ path: 'manifest.json', reason: `ignored: ${(err as Error).message}` });
  }
  return byFile;
}

/** UTF-8 text of a file, or the reason it is not text. */
function decode(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  } catch {
    return { reason: 'not valid UTF-8' };
  }
}

async function readTextFile(root: string, rel: string, entry: ManifestEntry | undefined, corpus: Corpus) {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, rel));
  } catch (err) {
    corpus.skipped.push({ path: rel, reason: `unreadable: ${(err as NodeJS.ErrnoException).code ?? err}` });
    return;
  }
  const decoded = decode(bytes);
  if ('reason' in decoded) return void corpus.skipped.push({ path: rel, reason: decoded.reason });
  const fallbackTitle = path.basename(rel, path.extname(rel));
  const doc = makeDoc(rel, decoded.text, entry?.title, entry?.lang, metaOf(entry as Record<string, unknown> | undefined), fallbackTitle);
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
  const decoded = decode(bytes);
  if ('reason' in decoded) return void corpus.skipped.push({ path: rel, reason: decoded.reason });
  decoded.text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${rel}:${i + 1}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch {
      return void corpus.skipped.push({ path: where, reason: 'not valid JSON' });
    }
    if (typeof rec?.text !== 'string') return void corpus.skipped.push({ path: where, reason: 'no "text" field' });
    const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : where;
    const title = typeof rec.title === 'string' ? rec.title : undefined;
    const doc = makeDoc(id, rec.text, title, rec.lang, metaOf(rec), id);
    if (doc) corpus.docs.push(doc);
    else corpus.skipped.push({ path: where, reason: 'empty text' });
  });
}

function metaOf(rec: Record<string, unknown> | undefined): DocMeta {
  const meta: DocMeta = {};
  if (!rec) return meta;
  if (typeof rec.region === 'string') meta.region = rec.region;
  if (typeof rec.year === 'number' || (typeof rec.year === 'string' && /^\d{4}$/.test(rec.year))) meta.year = Number(rec.year);
  if (typeof rec.source === 'string') meta.source = rec.source;
  if (typeof rec.kind === 'string') meta.kind = rec.kind;
  return meta;
}

function makeDoc(docId: string, text: string, title: string | undefined, lang: unknown, meta: DocMeta, fallbackTitle: string): SourceDoc | null {
  if (!text.trim()) return null;
  const docLang: Lang = lang === 'kk' || lang === 'ru' ? lang : detectLang(text);
  const docTitle = title?.trim() || deriveTitle(text, fallbackTitle);
  const hash = createHash('sha256').update(JSON.stringify([docTitle, docLang, meta, text])).digest('hex');
  return { docId, title: docTitle, text, lang: docLang, meta, hash };
}
