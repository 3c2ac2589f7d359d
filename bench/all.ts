// `npm run bench`: the engine benchmark, the documents benchmark (PDF indexing, OCR), the bot benchmark, then the
// replica benchmark (PostgreSQL + Redis), each in a process of its own: the x10 engines and MiniSearch's heap of
// the first would otherwise slow the later ones' load generators and loads by a third or more.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const run = path.resolve('bin/run.js');
let failed = 0;
for (const bench of ['run.ts', 'documents.ts', 'bot.ts', 'replicas.ts']) {
  const r = spawnSync(process.execPath, ['--expose-gc', run, path.join('bench', bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`bench/${bench} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exitCode = failed ? 1 : 0;
