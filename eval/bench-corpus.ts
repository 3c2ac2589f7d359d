// A corpus drawn from the bench texts (../shared/bench): the documents a set's documents.json names, each joined
// from its parts and written as a .txt file into a temporary folder, so the eval reads them as an admin's files.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

interface BenchDocuments {
  source: string;
  documents: { id: string; file: string }[];
}

/** Writes the named documents into a new temporary folder and returns it. */
export async function benchCorpus(shared: string, listing: string): Promise<string> {
  const spec = JSON.parse(await readFile(listing, 'utf8')) as BenchDocuments;
  const parts = new Map<string, { part: number; text: string }[]>();
  for (const line of (await readFile(path.join(shared, spec.source), 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; text: string };
    const m = /^(.*)_part_(\d+)$/.exec(row.id);
    const [doc, part] = m ? [m[1], Number(m[2])] : [row.id, 0];
    if (!parts.has(doc)) parts.set(doc, []);
    parts.get(doc)!.push({ part, text: row.text });
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-bench-corpus-'));
  for (const { id, file } of spec.documents) {
    const found = parts.get(id);
    if (!found) throw new Error(`${listing}: ${id} is not in ${spec.source}`);
    await writeFile(path.join(dir, file), found.sort((a, b) => a.part - b.part).map((p) => p.text).join('\n'));
  }
  return dir;
}
