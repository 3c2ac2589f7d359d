// The embedded document source: a corpus folder (or one .jsonl file) read as it is, and changed in place.
import { readCorpus, type Corpus } from './ingest.ts';
import type { DocumentSource } from '../index/types.ts';

export class FileDocumentSource implements DocumentSource {
  constructor(readonly location: string) {}

  get where(): string {
    return this.location;
  }

  read(cacheDir: string): Promise<Corpus> {
    return readCorpus(this.location, { cacheDir });
  }

  // Writes within one folder are atomic file by file (add.ts); one process edits at a time, as before.
  edit<T>(change: (dir: string) => Promise<T>): Promise<T> {
    return change(this.location);
  }
}
