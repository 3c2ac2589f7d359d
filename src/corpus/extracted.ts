// What a costly reader (PDF with OCR, DOCX) made of a file, kept by the hash of the file's bytes, so that an
// incremental reindex does not read every PDF again. It lives in the index folder: deleting it costs only time.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReadDocument } from './readers/index.ts';

export class ExtractionCache {
  private readonly used = new Set<string>();
  constructor(private readonly dir: string, private readonly version: string) {}

  key(bytes: Uint8Array): string {
    return createHash('sha256').update(this.version).update(bytes).digest('hex');
  }

  async get(key: string): Promise<ReadDocument | null> {
    this.used.add(key);
    try {
      const doc = JSON.parse(await readFile(path.join(this.dir, `${key}.json`), 'utf8'));
      return typeof doc?.text === 'string' ? doc : null;
    } catch {
      return null; // missing or damaged: read the file again
    }
  }

  async put(key: string, doc: ReadDocument): Promise<void> {
    this.used.add(key);
    await mkdir(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `${key}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(doc));
    await rename(tmp, path.join(this.dir, `${key}.json`));
  }

  /** Removes what no file of this corpus needed (documents deleted or changed since). */
  async prune(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.json') && !this.used.has(name.slice(0, -5))) await rm(path.join(this.dir, name), { force: true });
    }
  }
}
