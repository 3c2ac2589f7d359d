// The corpus's manifest.json: `{"documents": [{"file", "title", "lang", "region", "url", …}]}`, written by admins
// and by `govqa add` (which records a web page's URL). Read by the corpus walk and by `govqa add`, each deciding
// what a damaged manifest means to it; rewritten atomically, keeping whatever else the admin put in it.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST = 'manifest.json';

/** The manifest's entries as written (an entry is checked by whoever uses it); [] when there is no manifest;
 * throws an Error saying why when it cannot be parsed. */
export async function readManifestEntries(dir: string): Promise<Record<string, unknown>[]> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, MANIFEST), 'utf8');
  } catch {
    return [];
  }
  const docs = JSON.parse(raw).documents;
  if (!Array.isArray(docs)) throw new Error('no "documents" array');
  return docs;
}

/** Replaces the manifest's documents, keeping its other fields. */
export async function writeManifestEntries(dir: string, documents: readonly Record<string, unknown>[]): Promise<void> {
  const file = path.join(dir, MANIFEST);
  let rest: Record<string, unknown> = {};
  try {
    rest = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // a new manifest
  }
  await writeAtomic(file, JSON.stringify({ ...rest, documents }, null, 2) + '\n');
}

/** Writes a file whole or not at all: a hidden temporary file (never read as a document), then a rename. */
export async function writeAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
