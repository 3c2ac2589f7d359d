// What a costly reader (PDF with OCR, DOCX) made of a file, kept by the hash of the file's bytes, so that an
// incremental reindex does not read every PDF again. It lives in the index folder: deleting it costs only time.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { READERS_VERSION, type ReadDocument } from './readers/index.ts';
import { writeAtomic } from './manifest.ts';
import { ocrMissing } from './readers/ocr.ts';

export class ExtractionCache {
  private readonly used = new Set<string>();
  constructor(private readonly dir: string, private readonly version: string) {}

  /** The cache for readings made with these readers and, where OCR was wanted, whether it could run: installing
   * Tesseract's data makes the scans read again. `ocr: false`: the admin does not want OCR. */
  static async open(dir: string, ocr?: boolean): Promise<ExtractionCache> {
    const ran = ocr !== false && !(await ocrMissing());
    return new ExtractionCache(dir, `${READERS_VERSION}:${ran}`);
  }

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
    await writeAtomic(path.join(this.dir, `${key}.json`), JSON.stringify(doc));
  }

  /** Removes what no file of this corpus needed (documents deleted or changed since). */
  async prune(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.json') && !this.used.has(name.slice(0, -5))) await rm(path.join(this.dir, name), { force: true });
    }
  }
}
