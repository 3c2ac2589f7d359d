// A corpus folder as a set of files: what it holds (for mirroring it to and from a database), and making one
// folder hold exactly what another holds (`govqa index --corpus DIR` with PostgreSQL).
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from './manifest.ts';

/** The folder's files (relative names, '/'-separated; hidden files left out) with their SHA-256. */
export async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // no mirror yet
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue; // atomic writes' temporary files
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.set(path.relative(root, full).split(path.sep).join('/'), sha256(await readFile(full)));
    }
  };
  await walk(root);
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
