// Replica benchmark (PostgreSQL + Redis, servers of its own on loopback ports, as the tests start them):
// loading the rurebus x1 build from PostgreSQL into a fresh replica next to loading it from files, how soon a
// following replica serves a build another one published, and questions per second of one and of two bot replicas
// in webhook mode behind a load balancer (the Bot API stand-in sends updates to the replicas in turn), 20 users at
// once. Skipped, saying so, where PostgreSQL or Redis is not installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStores } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { copyCorpus } from '../src/corpus/copy.ts';
import { buildIndex } from '../src/index/build.ts';
import { LiveIndex } from '../src/live.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { havePostgres, startPostgres } from '../test/helpers/postgres.ts';
import { haveRedis, startRedis } from '../test/helpers/redis.ts';
import { freePort } from '../test/helpers/ports.ts';
import { BotApiStandIn } from './bot-api.ts';
import { ms, percentiles } from './timing.ts';

const TOKEN = '123456789:BENCH-token-abcdefghijklmnopqrstuvwxyz';
/** users asking at once, each asking again as soon as answered, and how many questions each asks */
const USERS = 20;
const ROUNDS = 25;

console.log('\nreplicas (PostgreSQL + Redis on loopback; bench/replicas.ts)');
if (!havePostgres || !haveRedis) {
  console.log('  skipped: PostgreSQL or Redis is not installed (apt-get install postgresql redis-server)');
} else {
  const config0 = loadConfig();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-replicas-'));
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    await buildAndLoad(config0.sharedDir, dir, pg.url);
    await throughput(config0, dir, pg.url, redis.url);
  } finally {
    await Promise.all([pg.stop(), redis.stop()]);
    await rm(dir, { recursive: true, force: true });
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** rurebus x1: files vs. PostgreSQL for a fresh replica, and how soon a following replica serves a new build. */
async function buildAndLoad(sharedDir: string, dir: string, url: string) {
  const corpus = path.join(dir, 'rurebus');
  await cp(path.join(sharedDir, 'bench/rurebus-ru.jsonl'), path.join(corpus, 'rurebus-ru.jsonl'), { recursive: true });
  const filesIndex = path.join(dir, 'files-index');
  const [, fileBuild] = await timed(() => buildIndex({ corpus, indexDir: filesIndex, embedder: null }));
  // each load three times, the median reported: single loads on this machine vary by a third
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const fileLoads: number[] = [];
  let engine!: SearchEngine;
  for (let i = 0; i < 3; i++) {
    const [e, t] = await timed(() => SearchEngine.open(filesIndex, null));
    engine = e;
    fileLoads.push(t);
  }
  const fileLoad = median(fileLoads);

  const at = (name: string) => openStores({ databaseUrl: url, corpusDir: '', indexDir: path.join(dir, name) });
  const a = await at('replica-a');
  await a.source.edit((mirror) => copyCorpus(corpus, mirror));
  const [, pgBuild] = await timed(() => buildIndex({ ...a, embedder: null }));
  const pgLoads: number[] = [];
  let b!: Awaited<ReturnType<typeof at>>;
  let fromPg!: SearchEngine;
  for (let i = 0; i < 3; i++) {
    if (b) await b.close();
    b = await at(`replica-b${i}`); // a fresh replica each time: connect, copy the build, load it
    [fromPg] = [(await timed(() => SearchEngine.open(b.store, null)).then(([e, t]) => (pgLoads.push(t), e)))];
  }
  const pgLoad = median(pgLoads);
  if (fromPg.chunks.length !== engine.chunks.length) throw new Error('the replica loaded another build');
  console.log(`  rurebus x1 (${engine.chunks.length} chunks): build ${ms(fileBuild)} to files, ${ms(pgBuild)} to PostgreSQL`);
  console.log(`  a fresh replica loads it (median of 3): from files ${ms(fileLoad)}, from PostgreSQL ${ms(pgLoad)} (connect, copy, load; ${(pgLoad / fileLoad).toFixed(2)}x, target ≤ 2x)`);

  // a document added on replica a; replica b follows: from a's commit to b serving the new build
  const live = (s: typeof a, e: SearchEngine) => new LiveIndex({ corpusDir: '', indexDir: '', embeddingModel: null }, e, null, undefined, null, undefined, s);
  const liveA = live(a, await SearchEngine.open(a.store, null));
  const liveB = live(b, fromPg);
  let committed = 0;
  const served = new Promise<number>((resolve) => liveB.follow(() => resolve(performance.now())));
  await liveA.documents.edit((d) => writeFile(path.join(d, 'news.ru.txt'), 'Аким Темиртау сообщил о семи новых катках.'));
  const store = a.store;
  const publish = store.publish.bind(store);
  store.publish = async (d: string) => {
    await publish(d);
    committed = performance.now();
  };
  await liveA.reindex();
  const pickUp = (await served) - committed;
  console.log(`  a replica serves a build another published: ${ms(Math.max(0, pickUp))} after its commit (NOTIFY, copy, load; target ≤ 5 s)`);
  await Promise.all([a.close(), b.close()]);
}

/** Questions per second of one and of two bot replicas (processes), 20 users asking in turn. */
async function throughput(config0: ReturnType<typeof loadConfig>, dir: string, databaseUrl: string, redisUrl: string) {
  const read = async (file: string) => (await readFile(path.join(config0.sharedDir, file), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).question as string);
  const questions = [...(await read('eval/seeds/questions-dev.jsonl')), ...(await read('eval/kazqad/queries-dev.jsonl')).slice(0, 40)];
  // the seed corpus, loaded into the database for the bots
  const setup = await openStores({ databaseUrl, corpusDir: '', indexDir: path.join(dir, 'setup') });
  await setup.source.edit((mirror) => copyCorpus(config0.corpusDir, mirror));
  await buildIndex({ ...setup, embedder: null });
  await setup.close();

  const api = new BotApiStandIn();
  await api.start();
  const start = async (n: number): Promise<ChildProcess[]> => {
    api.resetWebhooks();
    const bots: ChildProcess[] = [];
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      const home = path.join(dir, `bot-${n}-${i}`);
      bots.push(spawn(process.execPath, [path.resolve('bin/govqa.js'), 'bot'], {
        env: {
          PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none', CORPUS_DIR: path.join(home, 'corpus'), INDEX_DIR: path.join(home, 'index'),
          STATE_DIR: path.join(home, 'state'), BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
          PORT: String(port), LOG_LEVEL: 'error', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }));
    }
    await api.webhookSet(n);
    return bots;
  };
  let nextUser = 500_000;
  const load = async () => {
    const times: number[] = [];
    const started = performance.now();
    await Promise.all(Array.from({ length: USERS }, async (_, u) => {
      const user = nextUser++;
      for (let r = 0; r < ROUNDS; r++) {
        const t = performance.now();
        // a fresh user id per question: the per-user rate limit is not what is measured here
        if (await api.ask(user * 100 + r, questions[(u * ROUNDS + r) % questions.length])) times.push(performance.now() - t);
      }
    }));
    const wall = performance.now() - started;
    return { answered: times.length, qps: (times.length / wall) * 1000, ...percentiles(times) };
  };
  // CPU seconds of a process so far (utime + stime from /proc, in clock ticks of 10 ms)
  const cpu = async (pid: number) => {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  const rows: { n: number; qps: number; p50: number; p95: number; answered: number; botCpu: number; benchCpu: number; wall: number }[] = [];
  for (const n of [1, 2]) {
    const bots = await start(n);
    await load(); // warm-up: first questions load lazily
    const before = await Promise.all(bots.map((b) => cpu(b.pid!)));
    const self = process.cpuUsage();
    const t = performance.now();
    const result = await load();
    const wall = (performance.now() - t) / 1000;
    const after = await Promise.all(bots.map((b) => cpu(b.pid!)));
    const mine = process.cpuUsage(self);
    rows.push({ n, ...result, wall, botCpu: after.reduce((s, x, i) => s + x - before[i], 0), benchCpu: (mine.user + mine.system) / 1e6 });
    for (const b of bots) b.kill('SIGTERM');
    await Promise.all(bots.map((b) => new Promise((r) => (b.exitCode !== null ? r(null) : b.once('exit', r)))));
  }
  await api.stop();
  for (const r of rows) {
    console.log(`  ${`${r.n} replica${r.n > 1 ? 's' : ''}, ${USERS} users asking in turn`.padEnd(34)} ${r.qps.toFixed(0).padStart(5)} questions/s  p50 ${ms(r.p50).padStart(8)}  p95 ${ms(r.p95).padStart(8)}  ${r.answered} of ${USERS * ROUNDS} answered;` +
      ` cores busy: bots ${(r.botCpu / r.wall).toFixed(2)}, load generator + stand-in ${(r.benchCpu / r.wall).toFixed(2)} (of ${os.cpus().length})`);
  }
  console.log(`  two replicas / one: ${(rows[1].qps / rows[0].qps).toFixed(2)}x the questions per second (target ≥ 1.5x), p95 ${ms(rows[1].p95)} vs ${ms(rows[0].p95)}`);
}
