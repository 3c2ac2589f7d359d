// Replicas' shared state in Redis (REDIS_URL): update de-duplication by SET NX EX, the rate limiter's counters,
// conversations through @grammyjs/storage-redis (key prefix, TTL), and a reindex lock with a lease. Redis going
// away must not stop the answers: every part falls back to its in-process twin, with one warning, and goes back
// to Redis when it answers again.
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { StorageAdapter } from 'grammy';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ConversationState } from '../answer/conversation.ts';
import type { Logger } from '../log.ts';
import { CONVERSATION } from '../text/followup.ts';
import { memoryState } from './memory.ts';
import type { RateCounter, ReindexLock, SharedState, UpdateGate } from './types.ts';

export const KEY_PREFIX = 'govqa:';
/** an update id is remembered this long (Telegram gives up redelivering long before) */
const UPDATE_TTL_S = 24 * 60 * 60;
/** the reindex lock lapses this long after its holder stops renewing it */
const LOCK_LEASE_MS = 60_000;
const LOCK_RENEW_MS = 10_000;

export function redisState(url: string, log: Logger): SharedState {
  // fail fast while Redis is away (no offline queue, one try per command): the fallback answers instead
  const options = { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (n: number) => Math.min(n * 500, 5000) };
  const client = new Redis(url, { ...options, keyPrefix: KEY_PREFIX });
  let up = false;
  let warned = false;
  client.on('ready', () => {
    if (!up && warned) log.info('Redis is back: shared state again');
    up = true;
    warned = false;
  });
  client.on('error', () => {}); // reported once below, where a command falls back
  client.on('end', () => (up = false));
  client.on('close', () => (up = false));
  const local = memoryState();
  /** Runs `shared`, or `fallback` (warning once per outage) when Redis cannot answer. */
  const either = async <T>(shared: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    let failure: unknown;
    if (up) {
      try {
        return await shared();
      } catch (err) {
        // fall back until Redis shows it answers again: at its next 'ready', or now if the connection stood
        up = false;
        client.ping().then(() => {
          if (client.status === 'ready') up = true;
        }, () => {});
        failure = err;
      }
    }
    if (!warned) {
      const detail = failure === undefined ? undefined : { err: String((failure as Error)?.message ?? failure) };
      log.warn('Redis unreachable: falling back to in-process state (de-duplication, rate limits, conversations) until it answers', detail);
    }
    warned = true;
    return fallback();
  };

  const updates: UpdateGate = {
    firstTime: (key) => either(async () => (await client.set(`update:${key}`, '1', 'EX', UPDATE_TTL_S, 'NX')) === 'OK', () => local.updates.firstTime(key)),
  };
  const memoryCounts = new Map<string, { n: number; until: number }>();
  const rateCounter: RateCounter = {
    incr: (key) =>
      either(
        () => client.incr(key),
        async () => {
          const now = Date.now();
          const c = memoryCounts.get(key);
          const next = c && c.until > now ? { n: c.n + 1, until: c.until } : { n: 1, until: now + 60_000 };
          memoryCounts.set(key, next);
          return next.n;
        },
      ),
    pexpire: (key, ms) =>
      either(
        () => client.pexpire(key, ms),
        async () => {
          const c = memoryCounts.get(key);
          if (c) c.until = Date.now() + ms;
          return 1;
        },
      ),
  };
  const conversationsClient = new Redis(url, { ...options, keyPrefix: `${KEY_PREFIX}conversation:` });
  conversationsClient.on('error', () => {});
  const adapter = new RedisAdapter<ConversationState>({ instance: conversationsClient, ttl: Math.ceil(CONVERSATION.ttlMs / 1000) });
  const conversations: StorageAdapter<ConversationState> = {
    read: (key) => either(() => adapter.read(key), async () => local.conversations.read(key)),
    write: (key, value) => either(() => adapter.write(key, value), async () => local.conversations.write(key, value)),
    delete: (key) => either(() => adapter.delete(key), async () => local.conversations.delete(key)),
  };

  // the lock: a token only its holder knows, renewed while held; released only by its holder
  const token = `${os.hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
  let renew: NodeJS.Timeout | null = null;
  const reindexLock: ReindexLock = {
    acquire: () =>
      either(
        async () => {
          const got = (await client.set('reindex-lock', token, 'PX', LOCK_LEASE_MS, 'NX')) === 'OK';
          if (got) {
            renew = setInterval(() => void client.pexpire('reindex-lock', LOCK_LEASE_MS).catch(() => {}), LOCK_RENEW_MS);
            renew.unref();
          }
          return got;
        },
        () => local.reindexLock.acquire(),
      ),
    release: async () => {
      if (renew) clearInterval(renew);
      renew = null;
      await client
        .eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, 'reindex-lock', token)
        .catch(() => {}); // lapses by its lease
    },
  };

  return {
    updates,
    rateCounter,
    conversations,
    reindexLock,
    redis: () => (up ? 'up' : 'down'),
    close: async () => {
      if (renew) clearInterval(renew);
      client.disconnect();
      conversationsClient.disconnect();
    },
  };
}
