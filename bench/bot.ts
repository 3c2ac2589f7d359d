// Bot benchmark: answer latency in-process (govqa ask vs. retrieval alone), then 20 users asking at once
// through the bot over HTTP (webhook mode, telegram-test-api as the Bot API), next to the same 20 users sending
// /help (no retrieval) in the same run. Prints p50/p95.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { Answerer } from '../src/answer/compose.ts';
import { createBot } from '../src/bot/bot.ts';
import { BotDeps } from '../src/bot/deps.ts';
import { startBot } from '../src/bot/main.ts';
import { loadConfig } from '../src/config.ts';
import { FileQuestionLog } from '../src/insights/questions.ts';
import { buildIndex } from '../src/index/build.ts';
import { LiveIndex } from '../src/live.ts';
import { createLogger } from '../src/log.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { freePort } from '../test/helpers/ports.ts';
import { latency, ms, percentiles } from './timing.ts';

const TOKEN = '123456789:BENCH-token-abcdefghijklmnopqrstuvwxyz';
const USERS = 20;

const config0 = loadConfig();
const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-botbench-'));
const corpus = path.join(dir, 'corpus');
await cp(config0.corpusDir, corpus, { recursive: true });
const config = loadConfig({ ...process.env, BOT_TOKEN: TOKEN, CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, 'index'), EMBEDDING_MODEL: 'none', STATE_DIR: path.join(dir, 'state') });
await buildIndex({ corpus, indexDir: config.indexDir, embedder: null });
const engine = await SearchEngine.open(config.indexDir, null);

// Questions: the seed questions about this corpus, then off-topic ones (refusals cost time too).
const read = async (file: string) => (await readFile(path.join(config0.sharedDir, file), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).question as string);
const questions = [...(await read('eval/seeds/questions-dev.jsonl')), ...(await read('eval/tydi-ru/queries-dev.jsonl')).slice(0, 100), ...(await read('eval/kazqad/queries-dev.jsonl')).slice(0, 100)];

const answerer = new Answerer(engine);
const retrieval = await latency(questions, (q) => engine.search(q, { k: 6 }));
const ask = await latency(questions, (q) => answerer.ask(q));
console.log(`\nin-process, ${questions.length} questions (seed corpus, dense off)`);
console.log(`  ${'retrieval only (search k=6)'.padEnd(30)} p50 ${ms(retrieval.p50).padStart(8)}  p95 ${ms(retrieval.p95).padStart(8)}`);
console.log(`  ${'govqa ask (answer + citations)'.padEnd(30)} p50 ${ms(ask.p50).padStart(8)}  p95 ${ms(ask.p95).padStart(8)}`);
// What the question log adds to an answer (its write happens after the reply, off the answer's path), and what a
// follow-up costs (the earlier question is analysed again).
const questionLog = new FileQuestionLog(path.join(dir, 'state'));
const logged = await latency(questions, async (q) => {
  const a = await answerer.ask(q);
  questionLog.record({ question: q, lang: a.lang, channel: 'private', outcome: a.answered ? 'answered' : 'declined', docs: a.citations.map((c) => c.docId), ms: 1, userId: 1 });
});
await questionLog.flush();
const followed = await latency(questions, (q) => answerer.ask(q, {}, 'ru', ['Сколько школ построили в Шымкенте?']));
console.log(`  ${'  + question log (target ≤ +1 ms p95)'.padEnd(30)} p50 ${ms(logged.p50).padStart(8)}  p95 ${ms(logged.p95).padStart(8)}  (+${ms(logged.p95 - ask.p95)} at p95)`);
console.log(`  ${'  as a follow-up of a question'.padEnd(30)} p50 ${ms(followed.p50).padStart(8)}  p95 ${ms(followed.p95).padStart(8)}`);

// Over HTTP: the bot in webhook mode, the emulator as Telegram, USERS clients at once.
const apiPort = await freePort();
const hookPort = await freePort();
const server = new TelegramServer({ port: apiPort, host: '127.0.0.1', storeTimeout: 120 });
await server.start();
const live = { ...config, telegramApiRoot: server.config.apiURL, webhookUrl: `http://127.0.0.1:${hookPort}/hook`, port: hookPort };
const deps = new BotDeps(live, new LiveIndex(live, engine, null), createLogger('warn', [TOKEN]));
const running = await startBot(createBot(deps), deps);

async function crowd(label: string, text: (i: number) => string, round: number) {
  const clients = Array.from({ length: USERS }, (_, i) =>
    server.getClient(TOKEN, { userId: 10_000 * round + i + 1, chatId: 10_000 * round + i + 1, type: 'private', timeout: 20_000, interval: 5 }),
  );
  const started = performance.now();
  const times = await Promise.all(clients.map(async (client, i) => {
    const t = performance.now();
    const message = text(i);
    await (message.startsWith('/') ? client.sendCommand(client.makeCommand(message)) : client.sendMessage(client.makeMessage(message)));
    await client.getUpdates();
    return performance.now() - t;
  }));
  const wall = performance.now() - started;
  const p = percentiles(times);
  console.log(`  ${label.padEnd(30)} p50 ${ms(p.p50).padStart(8)}  p95 ${ms(p.p95).padStart(8)}  all ${USERS} answered in ${ms(wall)}`);
}
console.log(`\n${USERS} users at once over HTTP (webhook, telegram-test-api; its client polls every 5 ms)`);
await crowd('/help (no retrieval): baseline', () => '/help', 1);
await crowd('a question each', (i) => questions[i % 16], 2);

await running.stop();
await server.stop();
await deps.idle(); // the question log's last writes
await rm(dir, { recursive: true, force: true });
