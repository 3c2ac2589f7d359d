import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(prefix = 'govqa-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

// A copy of the shipped seed documents: an admin's upload into corpus/ never changes what the tests see.
export const CORPUS = path.resolve('test/fixtures/corpus');
