// One end-to-end run over real HTTP: the bot in webhook mode against telegram-test-api, a Bot API emulator
// started by the test (its long polling spins, so webhook mode is the one that works).
import { cp } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.ts';
import { BotDeps } from '../../src/bot/deps.ts';
import { startBot, type Running } from '../../src/bot/main.ts';
import { loadConfig } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { LiveIndex } from '../../src/live.ts';
import { createLogger } from '../../src/log.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { TOKEN } from '../helpers/bot.ts';
import { freePort } from '../helpers/ports.ts';
import { signingProxy, type SigningProxy } from '../helpers/signing-proxy.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

let server: TelegramServer;
let running: Running;
let proxy: SigningProxy;
const logs: string[] = [];

beforeAll(async () => {
  const apiPort = await freePort();
  const hookPort = await freePort();
  server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 60 });
  await server.start();
  const dir = await tempDir();
  const corpus = path.join(dir, 'corpus');
  await cp(CORPUS, corpus, { recursive: true });
  // the emulator does not sign its webhook calls as Telegram does: a stand-in adds the secret token on the way
  const secret = 'e2e-webhook-secret-0123456789';
  proxy = await signingProxy(`http://127.0.0.1:${hookPort}/telegram`, secret);
  const config = loadConfig({
    BOT_TOKEN: TOKEN, CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, 'index'), EMBEDDING_MODEL: 'none', STATE_DIR: path.join(dir, 'state'),
    TELEGRAM_API_ROOT: server.config.apiURL, WEBHOOK_URL: proxy.url, PORT: String(hookPort), WEBHOOK_SECRET: secret,
  });
  await buildIndex({ corpus, indexDir: config.indexDir, embedder: null });
  const deps = new BotDeps(config, new LiveIndex(config, await SearchEngine.open(config.indexDir, null), null), createLogger('info', [TOKEN], (l) => logs.push(l)));
  running = await startBot(createBot(deps), deps);
});

afterAll(async () => {
  await running?.stop();
  await proxy?.close();
  await server?.stop();
});

/** Runs `govqa bot` against `apiRoot` until `until` is seen on stderr (or it exits). */
function botProcess(apiRoot: string, indexDir: string) {
  const child = spawn(process.execPath, [path.resolve('bin/govqa.js'), 'bot'], {
    env: {
      PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none', CORPUS_DIR: CORPUS, INDEX_DIR: indexDir, STATE_DIR: path.join(path.dirname(indexDir), 'state'),
      BOT_TOKEN: '987654321:OTHER-token-abcdefghijklmnopqrstuvwxyz', TELEGRAM_API_ROOT: apiRoot,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return { child, stderr: () => stderr, exit: once(child, 'exit') as Promise<[number | null]> };
}

describe('govqa bot when Telegram says no, or says nothing', () => {
  let api: http.Server;
  let apiRoot: string;
  let sawGetMe: () => void;
  const getMe = new Promise<void>((r) => (sawGetMe = r));
  beforeAll(async () => {
    api = http.createServer((req, res) => {
      if (req.url!.includes('/botREFUSED')) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":401,"description":"Unauthorized"}');
      sawGetMe(); // and never answer
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    apiRoot = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    api.closeAllConnections();
    return new Promise<void>((r) => api.close(() => r()));
  });

  it('a token Telegram refuses: one line, exit 1, the token never printed', async () => {
    const bot = botProcess(`${apiRoot}/botREFUSED`, path.join(await tempDir(), 'index'));
    const [code] = await bot.exit;
    expect(code).toBe(1);
    const last = bot.stderr().trim().split('\n').at(-1);
    expect(last).toBe('govqa bot: Telegram refused BOT_TOKEN (401 Unauthorized): check the token @BotFather gave you');
    expect(bot.stderr()).not.toContain('OTHER-token');
  });

  it('a Bot API that refuses connections: one line at once saying so and that it keeps retrying; SIGTERM still stops it', async () => {
    const bot = botProcess(`http://127.0.0.1:${await freePort()}`, path.join(await tempDir(), 'index'));
    await new Promise<void>((resolve) => bot.child.stderr.on('data', () => bot.stderr().includes('cannot reach Telegram') && resolve()));
    expect(bot.stderr()).toMatch(/ERROR cannot reach Telegram at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); retrying with growing pauses until it answers/);
    bot.child.kill('SIGTERM');
    const [code] = await bot.exit;
    expect(code).toBe(0);
    expect(bot.stderr().match(/cannot reach Telegram/g)).toHaveLength(1);
    expect(bot.stderr()).not.toContain('OTHER-token');
  });

  it('stops within the grace period on SIGTERM while start-up waits on an unreachable Bot API', async () => {
    const bot = botProcess(apiRoot, path.join(await tempDir(), 'index'));
    await getMe;
    const stopped = Date.now();
    bot.child.kill('SIGTERM');
    const [code] = await bot.exit;
    expect(code).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(4000);
    expect(bot.stderr()).toContain('stopped during start-up');
  });
});

describe('govqa bot as a process', () => {
  it('starts on the stored index and stops cleanly within a few seconds on SIGTERM', async () => {
    const dir = await tempDir();
    const hookPort = await freePort();
    const child = spawn(process.execPath, [path.resolve('bin/govqa.js'), 'bot'], {
      env: {
        PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none', CORPUS_DIR: CORPUS, INDEX_DIR: path.join(dir, 'index'), STATE_DIR: path.join(dir, 'state'),
        BOT_TOKEN: '987654321:OTHER-token-abcdefghijklmnopqrstuvwxyz', TELEGRAM_API_ROOT: server.config.apiURL,
        WEBHOOK_URL: `http://127.0.0.1:${hookPort}/hook`, PORT: String(hookPort),
      },
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('receiving updates by webhook')) resolve();
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(stderr).toMatch(/indexed: added 5/); // no index yet: built once at start
    const stopped = Date.now();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(5000);
    expect(stderr).toContain('stopped');
    expect(stderr).not.toContain('OTHER-token-abcdefghijklmnopqrstuvwxyz');
  });
});

describe('bot over HTTP against a Bot API emulator (webhook mode)', () => {
  it('answers a private question with cited excerpts', async () => {
    const client = server.getClient(TOKEN, { userId: 5005, chatId: 5005, type: 'private', timeout: 5000 });
    await client.sendMessage(client.makeMessage('Какая средняя зарплата в Наурызбайском районе?'));
    const updates = await client.getUpdates();
    const texts = updates.result.map((u: { message: { text: string } }) => u.message.text);
    expect(texts.join('\n')).toContain('126 тысяч');
    expect(texts[0]).toContain('<b>[1]</b>');
    expect(logs.join('\n')).toContain('receiving updates by webhook');
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('answers /ask in a group and stays silent on chatter', async () => {
    const client = server.getClient(TOKEN, { userId: 6006, chatId: -6006, type: 'group', chatTitle: 'Активисты', timeout: 5000 });
    // The emulator numbers an update only once its webhook call returns: wait for that before the next one,
    // or two updates share an id (and the bot, which handles each id once, rightly drops the second).
    const handled = once(server, 'AddedUserMessage');
    await client.sendMessage(client.makeMessage('всем привет'));
    await handled;
    await client.sendCommand(client.makeCommand('/ask Түркістан облысында неше бастауыш партия ұйымы бар?'));
    const updates = await client.getUpdates();
    expect(updates.result).toHaveLength(1);
    expect(updates.result[0].message.text).toContain('242 бастауыш партия ұйымдарын');
  });
});
