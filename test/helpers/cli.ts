import { execFile } from 'node:child_process';
import path from 'node:path';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve('bin/govqa.js');

/** Runs `govqa ...` as a user would, in a separate process, with a clean, offline-friendly environment. */
export function govqa(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}
