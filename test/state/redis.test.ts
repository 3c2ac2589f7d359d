// Two replicas sharing their bot state through a real Redis: a redelivered update answered once, a follow-up
// across replicas, one rate limit, one reindex at a time; and with Redis gone, both keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/bot/texts.ts';
import { redisState } from '../../src/state/redis.ts';
import type { SharedState } from '../../src/state/index.ts';
import { createLogger } from '../../src/log.ts';
import { makeHarness, privateText, sent, ADMIN, type Harness } from '../helpers/bot.ts';
import { haveRedis, startRedis, type RedisServer } from '../helpers/redis.ts';

describe.skipIf(!haveRedis)('replicas sharing Redis', () => {
  let redis: RedisServer;
  let a: Harness;
  let b: Harness;
  const states: SharedState[] = [];
  const warnings: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));

  beforeAll(async () => {
    redis = await startRedis();
    const state = () => {
      const s = redisState(redis.url, createLogger('warn', [], (l) => warnings.push(l)));
      states.push(s);
      return s;
    };
    a = await makeHarness({}, gate, state());
    b = await makeHarness({}, gate, state());
    // both connected before the first update
    for (const s of states) while (s.redis() !== 'up') await new Promise((r) => setTimeout(r, 10));
  });
  afterAll(async () => {
    open();
    await Promise.all(states.map((s) => s.close()));
    await redis?.stop();
  });

  it('a redelivered update is answered once, whichever replica gets it', async () => {
    const update = { update_id: 990_001, ...privateText('/help', 80_001) };
    const first = sent(await a.send(update));
    const again = sent(await b.send(update));
    expect(first).toHaveLength(1);
    expect(again).toHaveLength(0);
  });

  it('a follow-up asked of the other replica continues the conversation', async () => {
    await a.send(privateText('Какая средняя зарплата в Медеуском районе?', 80_002));
    const reply = sent(await b.send(privateText('А в Наурызбайском?', 80_002)))[0].payload.text;
    expect(reply).toContain('126 тысяч');
  });

  it('one rate limit across replicas', async () => {
    const replies: string[] = [];
    for (let i = 0; i < 4; i++) {
      replies.push(...sent(await a.send(privateText('/help', 80_003))).map((c) => c.payload.text));
      replies.push(...sent(await b.send(privateText('/help', 80_003))).map((c) => c.payload.text));
    }
    expect(replies.filter((t) => t === TEXTS.ru.tooFast)).toHaveLength(1);
    expect(replies.filter((t) => t !== TEXTS.ru.tooFast)).toHaveLength(5);
  });

  it('a /reindex on one replica while the other builds is told one is running', async () => {
    await a.send(privateText('/reindex', ADMIN)); // held at the gate
    const from = b.calls.length;
    await b.send(privateText('/reindex', ADMIN));
    await b.deps.idle(); // b's attempt meets the lock and says so
    const texts = b.calls.slice(from).map((c) => c.payload.text).filter(Boolean);
    expect(texts).toContain(TEXTS.ru.reindexBusy);
    open();
    await a.deps.idle();
    await b.deps.idle();
  });

  it('with Redis gone both keep answering, with one warning each', async () => {
    await redis.stop();
    for (const h of [a, b]) {
      const reply = sent(await h.send(privateText('Какая средняя зарплата в Наурызбайском районе?', 80_010)))[0].payload.text;
      expect(reply).toContain('126 тысяч');
      expect(sent(await h.send(privateText('/help', 80_011)))).toHaveLength(1);
    }
    expect(states.every((s) => s.redis() === 'down')).toBe(true);
    expect(warnings.filter((w) => w.includes('Redis unreachable'))).toHaveLength(2);
  });
});
