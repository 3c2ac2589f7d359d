// A corpus folder as a set of files: what it holds (for mirroring it to and from a database), and making one
// folder hold exactly what another holds (`govqa index --corpus DIR` with PostgreSQL).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './ingest.ts';
import { writeAtomic } from './manifest.ts';

/**
 * The folder's files with their SHA-256, as the corpus walk lists them (relative names, '/'-separated; hidden
 * files, such as atomic writes' temporary ones, and links left out); none when the folder does not exist yet.
 */
export async function snapshot(root: string): Promise<Map<string, string>> {
  if (!(await stat(root).catch(() => null))) return new Map();
  const out = new Map<string, string>();
  for (const name of await listFiles(root, { docs: [], skipped: [] })) out.set(name, sha256(await readFile(path.join(root, name))));
  return out;
}

/**
 * Makes `to` hold exactly the files of `from` (hidden files aside): copies what differs, removes the rest. A
 * corpus that is one .jsonl file becomes that one file.
 */
export async function copyCorpus(from: string, to: string): Promise<{ copied: number; removed: number }> {
  const single = (await stat(from)).isFile();
  const source = (name: string) => (single ? from : path.join(from, name));
  const want = single ? new Map([[path.basename(from), sha256(await readFile(from))]]) : await snapshot(from);
  const have = await snapshot(to);
  let copied = 0;
  let removed = 0;
  for (const [name, sha] of want) {
    if (have.get(name) === sha) continue;
    const target = path.join(to, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeAtomic(target, await readFile(source(name)));
    copied++;
  }
  for (const name of have.keys()) {
    if (want.has(name)) continue;
    await rm(path.join(to, name), { force: true });
    removed++;
  }
  return { copied, removed };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
