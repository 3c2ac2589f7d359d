// The webhook server against hostile and unlucky requests: each gets a status and the process goes on serving.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPDATE_BYTES, webhookServer } from '../../src/bot/webhook.ts';
import { makeHarness, privateText, sent, type Harness } from '../helpers/bot.ts';

let h: Harness;
let server: http.Server;
let base: string;
const SECRET = 'hook-secret_1';

beforeAll(async () => {
  h = await makeHarness();
  server = webhookServer(h.bot, { path: '/hook', secretToken: SECRET, log: h.deps.log });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const post = (body: string, secret = SECRET) =>
  fetch(`${base}/hook`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret } }).then((r) => r.status);

/** Sends headers promising `length` bytes, a part of them, then hangs up. */
function cutOff(length: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1', () => {
      socket.write(`POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: ${length}\r\n\r\n{"update_id": 1, "mess`);
      setImmediate(() => socket.destroy());
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

describe('webhook server', () => {
  it('answers an update, and answers 200 to Telegram', async () => {
    const from = h.calls.length;
    expect(await post(JSON.stringify({ update_id: 777_001, ...privateText('/help') }))).toBe(200);
    expect(sent(h.calls.slice(from))).toHaveLength(1);
  });

  it('a body that is not an update gets 400, a cut-off one is dropped, a huge one 413; serving goes on', async () => {
    expect(await post('{not json')).toBe(400);
    expect(await post('[1,2,3]')).toBe(400);
    await cutOff(5000);
    expect(await post(" ".repeat(MAX_UPDATE_BYTES + 10))).toBe(413);
    expect(await fetch(`${base}/healthz`).then((r) => r.status)).toBe(200);
    expect(await post(JSON.stringify({ update_id: 777_002, ...privateText('/help') }))).toBe(200);
  });

  it('refuses a wrong or missing secret token before reading the body', async () => {
    expect(await post(JSON.stringify({ update_id: 777_003, ...privateText('/help') }), 'wrong')).toBe(401);
    expect(await fetch(`${base}/hook`, { method: 'POST', body: '{}' }).then((r) => r.status)).toBe(401);
    expect(await fetch(`${base}/other`, { method: 'POST', body: '{}' }).then((r) => r.status)).toBe(404);
  });
});
