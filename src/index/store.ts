// The index folder: complete builds side by side (build-*/), and CURRENT naming the live one. A build is
// written in full into a new folder and then CURRENT is replaced by rename, which is atomic: a crash at any
// point leaves the old build live, and a process that loaded the old build keeps working from memory.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuildFile, Chunk, IndexManifest } from './types.ts';

export const INDEX_FORMAT = 1;
const POINTER = 'CURRENT';

export class IndexError extends Error {}

/** The live build folder, or null when there is none yet. */
export async function currentBuild(indexDir: string): Promise<string | null> {
  let name: string;
  try {
    name = (await readFile(path.join(indexDir, POINTER), 'utf8')).trim();
  } catch {
    return null;
  }
  if (!/^build-[\w-]+$/.test(name)) throw new IndexError(`index at ${indexDir} is corrupt: CURRENT names "${name}"`);
  return path.join(indexDir, name);
}

export async function newBuildDir(indexDir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
  const dir = path.join(indexDir, `build-${stamp}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Makes `buildDir` the live build, then removes builds older than the one it replaced. */
export async function swapIn(indexDir: string, buildDir: string): Promise<void> {
  const previous = await currentBuild(indexDir).catch(() => null);
  const tmp = path.join(indexDir, `${POINTER}.${process.pid}.tmp`);
  await writeFile(tmp, path.basename(buildDir) + '\n');
  await fsyncFile(tmp);
  await rename(tmp, path.join(indexDir, POINTER));
  const keep = new Set([path.basename(buildDir), previous && path.basename(previous)]);
  for (const name of await readdir(indexDir)) {
    if (name.startsWith('build-') && !keep.has(name)) await rm(path.join(indexDir, name), { recursive: true, force: true });
    // a pointer half-written by a builder that died (the lock says no other builder is running)
    else if (/^CURRENT\.\d+\.tmp$/.test(name)) await rm(path.join(indexDir, name), { force: true });
  }
}

async function fsyncFile(file: string) {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function writeManifest(dir: string, manifest: IndexManifest): Promise<void> {
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
}

export async function readManifest(dir: string): Promise<IndexManifest> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  } catch (err) {
    throw new IndexError(`index at ${dir} is corrupt: manifest.json ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'is unreadable'}`);
  }
  if (manifest?.format !== INDEX_FORMAT) throw new IndexError(`index at ${dir} has format ${manifest?.format}; run \`govqa index\``);
  const why = manifestProblem(manifest);
  if (why) throw new IndexError(`index at ${dir} is corrupt: manifest.json ${why}; run \`govqa index\``);
  return manifest;
}

/** What is wrong with a manifest's shape, or null: its documents must cover its chunks exactly, in order. */
function manifestProblem(m: IndexManifest): string | null {
  if (!Number.isInteger(m.chunks) || m.chunks < 0) return 'has no chunk count';
  if (!m.docs || typeof m.docs !== 'object' || Array.isArray(m.docs)) return 'has no documents';
  const spans = Object.values(m.docs).map((d) => [d?.first, d?.count]);
  if (spans.some(([first, count]) => !Number.isInteger(first) || !Number.isInteger(count) || first! < 0 || count! < 0)) return 'has a document without its chunks';
  spans.sort((a, b) => a[0]! - b[0]!);
  let next = 0;
  for (const [first, count] of spans) {
    if (first !== next) return 'has documents that do not cover the chunks';
    next += count!;
  }
  return next === m.chunks ? null : 'has documents that do not cover the chunks';
}

/** Size and SHA-256 of each of a build's files, recorded in its manifest so that damage is found before use. */
export async function fingerprint(dir: string, names: readonly string[]): Promise<Record<string, BuildFile>> {
  const out: Record<string, BuildFile> = {};
  for (const name of names) out[name] = await fileFingerprint(path.join(dir, name));
  return out;
}

async function fileFingerprint(file: string): Promise<BuildFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const part of createReadStream(file)) {
    hash.update(part as Buffer);
    bytes += (part as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Throws IndexError naming the first file of the build that is missing or not as it was written; `except`: files
 * that are checked as they are read instead (verifiedReader), so that opening an index reads each file once.
 */
export async function verifyBuild(dir: string, manifest: IndexManifest, except: ReadonlySet<string> = new Set()): Promise<void> {
  for (const [name, want] of Object.entries(manifest.files ?? {})) {
    if (except.has(name)) continue;
    const file = path.join(dir, name);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size < 0) throw missing(dir, name);
    if (size !== want.bytes || (await fileFingerprint(file)).sha256 !== want.sha256) throw changed(dir, name);
  }
}

const missing = (dir: string, name: string) => new IndexError(`index at ${dir} is corrupt: ${name} is missing; run \`govqa index\``);
const changed = (dir: string, name: string) => new IndexError(`index at ${dir} is corrupt: ${name} has changed since it was written; run \`govqa index\``);

/** Reads a build file whole. */
export type ReadBuildFile = (name: string) => Promise<Buffer>;

/** A reader that only says which file is missing (for a build whose checksums were checked already, or predate them). */
function plainReader(dir: string): ReadBuildFile {
  return (name) =>
    readFile(path.join(dir, name)).catch(() => {
      throw new IndexError(`index at ${dir} is corrupt: ${name} is missing`);
    });
}

/** A reader that checks each file against the size and SHA-256 its manifest recorded, on the bytes it read. */
export function verifiedReader(dir: string, manifest: IndexManifest): ReadBuildFile {
  return async (name) => {
    const bytes = await readFile(path.join(dir, name)).catch(() => {
      throw missing(dir, name);
    });
    const want = manifest.files?.[name];
    if (want && (bytes.length !== want.bytes || createHash('sha256').update(bytes).digest('hex') !== want.sha256)) throw changed(dir, name);
    return bytes;
  };
}

export async function writeChunks(dir: string, chunks: readonly Chunk[]): Promise<void> {
  await writeFile(path.join(dir, 'chunks.jsonl'), chunks.map((c) => JSON.stringify(c)).join('\n') + '\n');
}

export async function readChunks(dir: string, expected: number, read: ReadBuildFile = plainReader(dir)): Promise<Chunk[]> {
  const raw = (await read('chunks.jsonl')).toString('utf8');
  const chunks: Chunk[] = [];
  for (const line of raw.split('\n')) {
    if (!line) continue;
    try {
      chunks.push(JSON.parse(line));
    } catch {
      throw new IndexError(`index at ${dir} is corrupt: chunks.jsonl line ${chunks.length + 1}`);
    }
  }
  if (chunks.length !== expected) throw new IndexError(`index at ${dir} is corrupt: ${chunks.length} chunks, manifest says ${expected}`);
  return chunks;
}

/** Vectors in chunk order, as one Float32 file (n × dims); a chunk still waiting for its vector is a row of NaN. */
export async function writeVectors(dir: string, vectors: readonly (Float32Array | null)[], dims: number): Promise<void> {
  const all = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => (v ? all.set(v, i * dims) : all.fill(NaN, i * dims, (i + 1) * dims)));
  await writeFile(path.join(dir, 'vectors.f32'), new Uint8Array(all.buffer));
}

export async function readVectors(dir: string, n: number, dims: number): Promise<(Float32Array | null)[]> {
  const bytes = await readFile(path.join(dir, 'vectors.f32')).catch(() => {
    throw new IndexError(`index at ${dir} is corrupt: vectors.f32 is missing`);
  });
  if (bytes.byteLength !== n * dims * 4) throw new IndexError(`index at ${dir} is corrupt: vectors.f32 has the wrong size`);
  const all = new Float32Array(n * dims);
  new Uint8Array(all.buffer).set(bytes);
  return Array.from({ length: n }, (_, i) => (Number.isNaN(all[i * dims]) ? null : all.subarray(i * dims, (i + 1) * dims)));
}

/** A builder refreshes its lock this often ... */
const HEARTBEAT_MS = 10_000;
/** ... and a lock not refreshed for this long has no builder behind it (it died, or its pid was reused). */
export const LOCK_LEASE_MS = 60_000;
/** index folders this process is building now */
const heldHere = new Set<string>();

/**
 * One builder at a time per index folder: an exclusive lock file naming its builder (host and pid), kept fresh
 * by a heartbeat. A lock is held only while it is fresh and its builder can be alive: a lock with this process's
 * own pid that this process does not hold is from an earlier process with the same pid (pid 1 in a container,
 * restarted after a crash), and a lock whose heartbeat stopped is stale whatever its pid says.
 */
export async function withBuildLock<T>(indexDir: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(indexDir, { recursive: true });
  const key = path.resolve(indexDir);
  if (heldHere.has(key)) throw new IndexError(`another build is running on ${indexDir}`);
  const lock = path.join(indexDir, '.build.lock');
  const owner = JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() });
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, owner, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw new IndexError(`another build is running on ${indexDir}`);
      const holder = await lockHolder(lock);
      if (holder) throw new IndexError(`another build (${holder}) is running on ${indexDir}`);
      await rm(lock, { force: true }); // stale: its builder is gone
    }
  }
  heldHere.add(key);
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lock, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    heldHere.delete(key);
    await rm(lock, { force: true });
  }
}

/** Who holds the lock, or null when nobody can: gone, this very process's own earlier life, or a stopped heartbeat. */
async function lockHolder(lock: string): Promise<string | null> {
  const [raw, info] = await Promise.all([readFile(lock, 'utf8').catch(() => ''), stat(lock).catch(() => null)]);
  if (!info || Date.now() - info.mtimeMs > LOCK_LEASE_MS) return null;
  let holder: { pid?: number; host?: string };
  try {
    holder = raw.trim().startsWith('{') ? JSON.parse(raw) : { pid: Number(raw) }; // older locks hold the pid alone
  } catch {
    return null;
  }
  const pid = Number(holder.pid);
  if (holder.host && holder.host !== os.hostname()) return `pid ${pid} on ${holder.host}`; // its heartbeat is all we can see
  if (!pid || pid === process.pid || !isAlive(pid)) return null;
  return `pid ${pid}`;
}
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
