// A Redis server of the test's own, on a free loopback port with nothing saved: runs never collide. Where
// redis-server is not installed the tests that need it skip and say so, except under CI=true, where they fail.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.ts';

export const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis) {
  if (process.env.CI === 'true') throw new Error('redis-server is missing: .ci/run installs the Debian package redis-server');
  console.warn('Redis tests skipped: redis-server is not installed (apt-get install redis-server)');
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // ready when it says so (not after a fixed number of connection attempts: on a busy machine it takes longer)
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const deadline = setTimeout(() => reject(new Error(`redis-server did not start within 30 s: ${said.slice(-300)}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (/ready to accept connections/i.test(said)) {
        clearTimeout(deadline);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`redis-server exited (${code}) before it was ready: ${said.slice(-300)}`));
    });
  });
  // its log is no longer read; keep the pipes drained
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
