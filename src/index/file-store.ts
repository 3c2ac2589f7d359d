// The embedded index store: build folders side by side in one index folder, CURRENT naming the live one
// (store.ts has the folder mechanics: atomic pointer swap, checksums, the heartbeat build lock).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { currentBuild, newBuildDir, swapIn, withBuildLock } from './store.ts';
import type { IndexStore } from './types.ts';

export class FileIndexStore implements IndexStore {
  readonly cacheDir: string;

  constructor(readonly dir: string) {
    this.cacheDir = path.join(dir, 'extracted');
  }

  get where(): string {
    return this.dir;
  }

  current(): Promise<string | null> {
    return currentBuild(this.dir);
  }

  create(): Promise<string> {
    return newBuildDir(this.dir);
  }

  publish(dir: string): Promise<void> {
    return swapIn(this.dir, dir);
  }

  discard(dir: string): Promise<void> {
    return rm(dir, { recursive: true, force: true });
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withBuildLock(this.dir, fn);
  }
}
