// Bot benchmark: answer latency in-process (govqa ask vs. retrieval alone), then 20 and 1,000 users asking at
// once through the bot over HTTP (webhook mode, a Bot API stand-in), next to the same users sending /help (no
// retrieval) in the same run; a flood from one user and a bystander's wait; memory. Prints p50/p95.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Answerer } from '../src/answer/compose.ts';
import { forgetPassages } from '../src/answer/passages.ts';
import { loadConfig } from '../src/config.ts';
import { FileQuestionLog } from '../src/insights/questions.ts';
import { buildIndex } from '../src/index/build.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { freePort } from '../test/helpers/ports.ts';
import { latency, ms, percentiles } from './timing.ts';
import { BotApiStandIn } from './bot-api.ts';

const TOKEN = '123456789:BENCH-token-abcdefghijklmnopqrstuvwxyz';
/** users asking at once over HTTP */
const CROWDS = [20, 1000];
/** messages one user sends at once */
const FLOOD = 50;
/** timed passes over the questions in-process: each question's figure is the median of its runs (bench/timing.ts) */
const PASSES = 3;

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
const retrieval = await latency(questions, (q) => engine.search(q, { k: 6 }), undefined, PASSES);
// steady state: one pass over every question first, so each question's passages are analysed and cached as they are
// for the questions people keep asking (the next row measures the other case)
const ask = await latency(questions, (q) => answerer.ask(q), questions.length, PASSES);
// the same with every passage analysed afresh: a question about passages nobody asked about lately
const cold = await latency(questions, (q) => {
  forgetPassages();
  return answerer.ask(q);
}, undefined, PASSES);
console.log(`\nin-process, ${questions.length} questions (seed corpus, dense off; each question's median of ${PASSES} passes)`);
console.log(`  ${'retrieval only (search k=6)'.padEnd(30)} p50 ${ms(retrieval.p50).padStart(8)}  p95 ${ms(retrieval.p95).padStart(8)}`);
console.log(`  ${'govqa ask (answer + citations)'.padEnd(30)} p50 ${ms(ask.p50).padStart(8)}  p95 ${ms(ask.p95).padStart(8)}`);
console.log(`  ${'  passages not analysed before'.padEnd(30)} p50 ${ms(cold.p50).padStart(8)}  p95 ${ms(cold.p95).padStart(8)}`);
// What the question log adds to an answer (its write happens after the reply, off the answer's path), and what a
// follow-up costs (the earlier question is analysed again).
const questionLog = new FileQuestionLog(path.join(dir, 'state'));
const logged = await latency(questions, async (q) => {
  const a = await answerer.ask(q);
  questionLog.record({ question: q, lang: a.lang, channel: 'private', outcome: a.answered ? 'answered' : 'declined', docs: a.citations.map((c) => c.docId), ms: 1, userId: 1 });
}, undefined, PASSES);
await questionLog.flush();
const followed = await latency(questions, (q) => answerer.ask(q, {}, 'ru', ['Сколько школ построили в Шымкенте?']), undefined, PASSES);
console.log(`  ${'  + question log (target ≤ +1 ms p95)'.padEnd(30)} p50 ${ms(logged.p50).padStart(8)}  p95 ${ms(logged.p95).padStart(8)}  (+${ms(logged.p95 - ask.p95)} at p95)`);
console.log(`  ${'  as a follow-up of a question'.padEnd(30)} p50 ${ms(followed.p50).padStart(8)}  p95 ${ms(followed.p95).padStart(8)}`);

// Over HTTP: the bot in webhook mode (updates signed with the secret token, as Telegram does) behind a minimal Bot
// API stand-in; users at once, a flood from one user, and the process's memory around the largest crowd.
const api = new BotApiStandIn();
await api.start();
const hookPort = await freePort();
// the bot in a process of its own, as it runs: the stand-in (playing Telegram) must not share its event loop
// BOT_NODE_ARGS: flags for the bot's node (e.g. --cpu-prof), to see where its time goes
const botProcess = spawn(process.execPath, [...(process.env.BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []), path.resolve('bin/govqa.js'), 'bot'], {
  env: {
    PATH: process.env.PATH!, HOME: process.env.HOME!, EMBEDDING_MODEL: 'none', CORPUS_DIR: corpus, INDEX_DIR: config.indexDir,
    STATE_DIR: path.join(dir, 'state'), BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, WEBHOOK_URL: `http://127.0.0.1:${hookPort}/hook`,
    PORT: String(hookPort), LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await api.webhookSet();
/** the bot process's resident memory */
const rss = async () => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${botProcess.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

let nextUser = 100_000;
async function crowd(label: string, users: number, text: (i: number) => string) {
  const ids = Array.from({ length: users }, () => nextUser++);
  const started = performance.now();
  const results = await Promise.all(ids.map(async (id, i) => {
    const t = performance.now();
    const reply = await api.ask(id, text(i));
    return reply ? performance.now() - t : null;
  }));
  const wall = performance.now() - started;
  const times = results.filter((t): t is number => t !== null);
  const p = percentiles(times);
  console.log(`  ${label.padEnd(34)} p50 ${ms(p.p50).padStart(8)}  p95 ${ms(p.p95).padStart(8)}  ${times.length} of ${users} answered, in ${ms(wall)}`);
}
const mb = async () => `${Math.round((await rss()) / 2 ** 20)} MB`;
console.log(`\nover HTTP (webhook, signed updates; a minimal Bot API stand-in, bench/bot-api.ts)`);
for (const users of CROWDS) {
  const before = await mb();
  await crowd(`${users} users at once: /help (baseline)`, users, () => '/help');
  await crowd(`${users} users at once: a question each`, users, (i) => questions[i % questions.length]);
  if (users === CROWDS.at(-1)) console.log(`  ${'the bot\'s memory (rss) around it'.padEnd(34)} ${before} → ${await mb()}`);
}
// A flood: one user sends FLOOD messages at once; meanwhile another user asks one question.
const flooder = nextUser++;
const floodStart = performance.now();
const flood = Promise.all(Array.from({ length: FLOOD }, (_, i) => api.ask(flooder, questions[i % questions.length], 5000)));
const bystander = await api.ask(nextUser++, questions[0]);
const bystanderMs = performance.now() - floodStart;
const floodReplies = (await flood).filter(Boolean) as { text: string }[];
const answered = floodReplies.filter((r) => !r.text.includes('Слишком много')).length;
const limited = floodReplies.length - answered;
console.log(`  ${`a flood of ${FLOOD} from one user`.padEnd(34)} ${answered} answered, ${limited} told to slow down, ${FLOOD - floodReplies.length} dropped silently`);
console.log(`  ${'  another user meanwhile'.padEnd(34)} answered in ${ms(bystanderMs)}${bystander ? '' : ' (no answer!)'}`);
api.clear();

botProcess.kill('SIGTERM');
await once(botProcess, 'exit');
await api.stop();
await rm(dir, { recursive: true, force: true });
