// Two bot replicas in webhook mode, as a region would run them behind a load balancer: one PostgreSQL (corpus,
// builds) and one Redis (handled updates, rate limits, conversations) between them, real servers started by the
// test. Updates arrive over HTTP, signed. A redelivered update is answered once, a follow-up continues on the
// other replica, one rate limit holds for both, a document added through one is answered by the other, and with
// one replica gone the other goes on answering.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../src/app.ts';
import { createBot } from '../src/bot/bot.ts';
import { BotDeps } from '../src/bot/deps.ts';
import { TEXTS } from '../src/bot/texts.ts';
import { webhookServer } from '../src/bot/webhook.ts';
import { loadConfig } from '../src/config.ts';
import { copyCorpus } from '../src/corpus/copy.ts';
import { buildIndex } from '../src/index/build.ts';
import { LiveIndex } from '../src/live.ts';
import { createLogger } from '../src/log.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { redisState } from '../src/state/redis.ts';
import type { SharedState } from '../src/state/index.ts';
import { ADMIN, BOT_INFO, privateText, TOKEN, type Call } from './helpers/bot.ts';
import { havePostgres, startPostgres, type PostgresServer } from './helpers/postgres.ts';
import { haveRedis, startRedis, type RedisServer } from './helpers/redis.ts';
import { CORPUS, tempDir } from './helpers/tmp.ts';

const SECRET = 'replica-test-secret-0123456789';
const PAGE = '<html><head><title>Катки Темиртау</title></head><body><article><h1>Катки Темиртау</h1><p>Аким Темиртау сообщил, что в 2026 году в городе построят 7 новых катков для детей.</p><p>Катки откроют в каждом микрорайоне.</p></article></body></html>';

interface Replica {
  deps: BotDeps;
  calls: Call[];
  url: string;
  /** POSTs an update as Telegram does; resolves when the webhook has answered */
  post(update: Partial<Update>): Promise<number>;
  kill(): Promise<void>;
  /** resolves when the replica serves a build published elsewhere (rejects after `ms`: a deadline) */
  nextLoad(ms: number): Promise<string>;
}

describe.skipIf(!havePostgres || !haveRedis)('two replicas in webhook mode on PostgreSQL and Redis', () => {
  let pgServer: PostgresServer;
  let redis: RedisServer;
  let site: http.Server;
  let siteUrl = '';
  let a: Replica;
  let b: Replica;
  let nextUpdate = 770_000;

  async function replica(name: string): Promise<Replica> {
    const dir = await tempDir(`govqa-${name}-`);
    const config = loadConfig({
      BOT_TOKEN: TOKEN, ADMIN_IDS: String(ADMIN), CORPUS_DIR: path.join(dir, 'unused'), INDEX_DIR: path.join(dir, 'index'),
      STATE_DIR: path.join(dir, 'state'), EMBEDDING_MODEL: 'none', ALLOW_PRIVATE_URLS: '1', DATABASE_URL: pgServer.url, REDIS_URL: redis.url,
    });
    const log = createLogger('warn', [TOKEN], () => {});
    const stores: Stores = await openStores(config);
    const state: SharedState = redisState(redis.url, log);
    while (state.redis() !== 'up') await new Promise((r) => setTimeout(r, 10)); // connected before the first update
    const live = new LiveIndex(config, await SearchEngine.open(stores.store, null), null, undefined, null, state.reindexLock, stores);
    let waiting: ((dir: string) => void)[] = [];
    const unfollow = live.follow((d) => {
      for (const w of waiting) w(d);
      waiting = [];
    });
    const deps = new BotDeps(config, live, log, undefined, state, stores.store);
    const calls: Call[] = [];
    const record: Transformer = async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, any> });
      return { ok: true, result: method === 'sendMessage' ? { message_id: calls.length, date: 0, chat: { id: 1, type: 'private' }, text: '' } : true } as any;
    };
    const bot = createBot(deps, { botInfo: BOT_INFO, transport: [record] });
    const server = webhookServer(bot, { path: '/hook', secretToken: SECRET, log, health: () => deps.health() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      deps, calls, url,
      nextLoad: (ms) => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no build loaded within ${ms} ms`)), ms);
        waiting.push((d) => (clearTimeout(timer), resolve(d)));
      }),
      post: async (update) => (await fetch(`${url}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({ update_id: nextUpdate++, ...update }),
      })).status,
      kill: async () => {
        unfollow();
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await state.close();
        await stores.close();
      },
    };
  }

  const replies = (r: Replica, from: number) => r.calls.slice(from).filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));

  beforeAll(async () => {
    [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
    site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/news/temirtau-rinks`;
    // the region's corpus, loaded into the database once (`govqa index --corpus DIR` does the same)
    const setup = await openStores({ databaseUrl: pgServer.url, corpusDir: '', indexDir: path.join(await tempDir(), 'index') });
    await setup.source.edit((mirror) => copyCorpus(CORPUS, mirror));
    await buildIndex({ ...setup, embedder: null });
    await setup.close();
    [a, b] = await Promise.all([replica('a'), replica('b')]);
  }, 60_000);
  afterAll(async () => {
    await a?.kill().catch(() => {});
    await b?.kill().catch(() => {});
    site?.close();
    await Promise.all([pgServer?.stop(), redis?.stop()]);
  });

  it('a redelivered update is answered once, whichever replica gets it', async () => {
    const update = { update_id: 990_101, ...privateText('/help', 81_001) };
    const [fa, fb] = [a.calls.length, b.calls.length];
    expect(await a.post(update)).toBe(200);
    expect(await b.post(update)).toBe(200);
    expect([...replies(a, fa), ...replies(b, fb)]).toHaveLength(1);
  });

  it('a follow-up asked of the other replica continues the conversation', async () => {
    await a.post(privateText('Какая средняя зарплата в Медеуском районе?', 81_002));
    const from = b.calls.length;
    await b.post(privateText('А в Наурызбайском?', 81_002));
    expect(replies(b, from)[0]).toContain('126 тысяч');
  });

  it('one rate limit for both replicas', async () => {
    const [fa, fb] = [a.calls.length, b.calls.length];
    for (let i = 0; i < 4; i++) {
      await a.post(privateText('/help', 81_003));
      await b.post(privateText('/help', 81_003));
    }
    const all = [...replies(a, fa), ...replies(b, fb)];
    expect(all.filter((t) => t === TEXTS.ru.tooFast)).toHaveLength(1);
  });

  it('a document added through one replica is answered by the other', async () => {
    const from = a.calls.length;
    const loaded = b.nextLoad(5000); // b hears of the build (NOTIFY) and loads it within seconds
    await a.post(privateText(`/add ${siteUrl}`, ADMIN));
    await a.deps.idle(); // read, written to the database, built, published
    expect(replies(a, from).join('\n')).toMatch(/Добавлено: «Катки Темиртау»/);
    await loaded;
    const asked = b.calls.length;
    await b.post(privateText('Сколько катков построят в Темиртау?', 81_004));
    const reply = replies(b, asked)[0];
    expect(reply).toContain('7 новых катков');
  });

  it('with one replica gone the other goes on answering, and says its dependencies are up', async () => {
    await a.kill();
    const from = b.calls.length;
    expect(await b.post(privateText('Кто аким Алматы?', 81_005))).toBe(200);
    expect(replies(b, from)).toHaveLength(1);
    const health = await (await fetch(`${b.url}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, redis: 'up', postgres: 'up' });
  });
});
