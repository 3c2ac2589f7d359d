import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// The folders made for this test file. One hook, registered when the file imports this module, removes them all:
// a hook registered from inside a test (where most folders are made) is never run, and each full run left some
// fifty folders behind in the system's temporary folder.
const made: string[] = [];
// work still writing into them (a bot's question log flushes after its handler returns) is waited for first
const pending: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  await Promise.all(pending.splice(0).map((settle) => settle()));
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Waits for `settle` before this test file's temporary folders are removed. */
export function beforeRemoval(settle: () => Promise<unknown>): void {
  pending.push(settle);
}

/** A fresh temporary folder, removed after the test file. */
export async function tempDir(prefix = 'govqa-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// A copy of the shipped seed documents: an admin's upload into corpus/ never changes what the tests see.
export const CORPUS = path.resolve('test/fixtures/corpus');
