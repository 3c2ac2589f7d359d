// Signed webhooks only, a word when Telegram cannot be reached or refuses the token, and admin rights by sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Running } from '../../src/bot/main.ts';
import { reachability } from '../../src/bot/reachability.ts';
import { TEXTS } from '../../src/bot/texts.ts';
import { createLogger } from '../../src/log.ts';
import { ADMIN, groupText, makeHarness, privateText, sent, USER, type Harness } from '../helpers/bot.ts';
import { freePort } from '../helpers/ports.ts';

describe('webhook mode without WEBHOOK_SECRET', () => {
  let h: Harness;
  let running: Running;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    h = await makeHarness({ WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, PORT: String(port) });
    running = await startBot(h.bot, h.deps);
  });
  afterAll(() => running?.stop());

  it('makes a random secret, registers it, and processes only updates that carry it', async () => {
    const secret = h.calls.find((c) => c.method === 'setWebhook')!.payload.secret_token as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const post = (headers: Record<string, string>, id: number) =>
      fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ update_id: id, ...privateText('/help') }) }).then((r) => r.status);
    const before = h.calls.length;
    expect(await post({}, 880_001)).toBe(401);
    expect(await post({ 'x-telegram-bot-api-secret-token': secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a') }, 880_002)).toBe(401);
    expect(h.calls.length).toBe(before); // nothing was processed
    expect(await post({ 'x-telegram-bot-api-secret-token': secret }, 880_003)).toBe(200);
    expect(sent(h.calls.slice(before))).toHaveLength(1);
  });
});

describe('admin rights', () => {
  it('an admin command from a non-admin in a group the admin is in is refused; the admin\'s own is not', async () => {
    const h = await makeHarness();
    expect(sent(await h.send(groupText('/stats', USER)))[0].payload.text).toBe(TEXTS.ru.notAdmin);
    expect(sent(await h.send(groupText('/unanswered', USER)))[0].payload.text).toBe(TEXTS.ru.notAdmin);
    expect(sent(await h.send(groupText('/stats', ADMIN)))[0].payload.text).toContain('<b>Статистика</b>');
  });
});

describe('reachability', () => {
  it('one line when calls start failing, one when they work again; a 401 is reported', async () => {
    const lines: string[] = [];
    let refused = 0;
    const t = reachability(createLogger('info', [], (l) => lines.push(l)), 'http://api.example', () => refused++);
    const down = Object.assign(new Error('Network request failed'), { error: { cause: { code: 'ENOTFOUND' } } });
    const failing = async () => { throw down; };
    for (let i = 0; i < 3; i++) await expect(t(failing as never, 'getMe', {} as never)).rejects.toBe(down);
    await t((async () => ({ ok: true, result: true })) as never, 'getMe', {} as never);
    await t((async () => ({ ok: false, error_code: 401, description: 'Unauthorized' })) as never, 'getUpdates', {} as never);
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'ERROR cannot reach Telegram at http://api.example (ENOTFOUND); retrying with growing pauses until it answers',
      'INFO Telegram reachable again at http://api.example',
    ]);
    expect(refused).toBe(1);
  });
});
