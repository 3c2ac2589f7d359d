// The `govqa` command line: index | search | ask | chat | bot | start. A thin front door: parsing, printing,
// exit codes; all the work is in the engine.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { CorpusError } from './corpus/ingest.ts';
import { openEmbedder, openEngine, openSummarizer } from './app.ts';
import { buildIndex } from './index/build.ts';
import { IndexError, readManifest } from './index/store.ts';
import { AddError, addToCorpus, FetchError, fromFile, fromUrl, type AddedDoc } from './corpus/add.ts';
import type { BuildReport } from './index/types.ts';
import { openStores, type StoreOptions, type Stores } from './app.ts';
import { copyCorpus } from './corpus/copy.ts';
import { downloadProgress, progressBar } from './progress.ts';
import { SearchEngine, type SearchMode } from './search/engine.ts';
import type { Embedder } from './index/types.ts';
import { Answerer, DEFAULT_ANSWER } from './answer/compose.ts';
import { consoleChat } from './chat.ts';
import { separateQuestions } from './text/questions.ts';
import { openQuestionLog } from './insights/index.ts';
import { buildReport, parseSince } from './insights/report.ts';
import { describeProblem, PROBLEM_EN } from './corpus/problems.ts';

const USAGE = `usage: govqa <command> [options]

  index  [--corpus DIR|FILE.jsonl] [--index DIR] [--json]  build or update the index (incremental)
  add    [--corpus DIR] [--index DIR] (FILE|URL)...      add documents or web pages to the corpus and reindex
  search [--index DIR] [-k N] [--json] [--mode hybrid|lexical|dense] (QUESTION | --queries FILE.jsonl)
  ask    [--index DIR] [--json] (QUESTION | --queries FILE.jsonl)
  chat   [--index DIR]                                  ask questions in the console
  report [--since 7d] [--json]                          what people asked the bot: answer rate, latency, feedback, unanswered
  bot                                                   run the Telegram bot (needs BOT_TOKEN)
  start                                                 the bot when BOT_TOKEN is set, else the console chat

Defaults: --corpus $CORPUS_DIR or ./corpus, --index $INDEX_DIR or ./embeddings.`;

class UsageError extends Error {}
/** A command that could not do its job, for a reason the user can act on: one line, exit 1. */
class CommandError extends Error {}

const say = (line: string) => process.stderr.write(line + '\n');

interface Query {
  id: string;
  question: string;
}

async function readQueries(file: string): Promise<Query[]> {
  const raw = await readFile(file, 'utf8').catch((err) => {
    throw new UsageError(`cannot read ${file}: ${err.code ?? err.message}`);
  });
  const out: Query[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const rec = JSON.parse(line);
      if (typeof rec.question !== 'string') throw new Error('no "question"');
      out.push({ id: String(rec.id ?? i + 1), question: rec.question });
    } catch (err) {
      say(`warning: ${file}:${i + 1} skipped: ${(err as Error).message}`);
    }
  });
  return out;
}

async function queriesFrom(values: { queries?: string }, positionals: string[]): Promise<Query[]> {
  if (values.queries) return readQueries(values.queries);
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('give a QUESTION or --queries FILE.jsonl');
  return [{ id: 'q', question }];
}

function reportLine(r: BuildReport): string {
  const parts = `added ${r.added}, updated ${r.updated}, removed ${r.removed}, unchanged ${r.unchanged}`;
  const pending = r.pending ? `, ${r.pending} waiting for the embedding model` : '';
  const tail = r.written ? `; ${r.chunks} chunks, ${r.embedded} embedded${pending}` : '; index already up to date';
  return `indexed: ${parts}${tail}${r.rebuilt ? ` (full rebuild: ${r.rebuilt})` : ''}`;
}

function printSkipped(r: BuildReport) {
  for (const s of r.skipped) say(`warning: skipped ${s.path}: ${s.reason}`);
}

/** Stores this command opened (a database pool keeps the process alive): closed when the command ends. */
const opened: Stores[] = [];

async function stores(config: Config, options: StoreOptions = {}): Promise<Stores> {
  const s = await openStores(config, { say, ...options });
  opened.push(s);
  return s;
}

async function engineFor(config: Config): Promise<SearchEngine> {
  return (await openAll(config)).engine;
}

async function openAll(config: Config): Promise<{ engine: SearchEngine; embedder: Embedder | null; stores: Stores }> {
  const progress = progressBar();
  const embedder = await openEmbedder(config, say, downloadProgress(progress));
  progress.stop();
  const where = await stores(config);
  const engine = await openEngine(
    config,
    where,
    embedder,
    (r) => {
      printSkipped(r);
      say(reportLine(r));
    },
    (stage, done, total) => progress.update(stage, done, total),
  );
  progress.stop();
  if (embedder && engine.denseOff) say(`dense retrieval off: ${engine.denseOff}`);
  return { engine, embedder, stores: where };
}

async function cmdIndex(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { corpus: { type: 'string' }, index: { type: 'string' }, json: { type: 'boolean' } } });
  const where = await stores(config, { corpus: values.corpus, indexDir: values.index });
  if (config.databaseUrl && values.corpus) {
    // with PostgreSQL the folder is loaded into the database first: the corpus every replica builds from
    const corpus = values.corpus;
    const { copied, removed } = await where.source.edit((mirror) => copyCorpus(corpus, mirror));
    say(`corpus in PostgreSQL: ${copied} files written, ${removed} removed, from ${corpus}`);
  }
  const progress = progressBar();
  const embedder = await openEmbedder(config, say, downloadProgress(progress));
  progress.stop();
  const report = await buildIndex({
    ...where,
    embedder,
    wantedModel: config.embeddingModel,
    onProgress: (stage, done, total) => progress.update(stage, done, total),
  });
  progress.stop();
  printSkipped(report);
  say(reportLine(report));
  if (values.json) {
    const { added, updated, removed, unchanged, chunks, embedded, pending, skipped } = report;
    console.log(JSON.stringify({ added, updated, removed, unchanged, chunks, embedded, pending, skipped }));
  }
}

/** One line per input on stderr; exit 0 when at least one was added and none failed. */
async function cmdAdd(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { corpus: { type: 'string' }, index: { type: 'string' } } });
  if (!positionals.length) throw new UsageError('give one or more FILEs or URLs');
  const where = await stores(config, { corpus: values.corpus, indexDir: values.index });
  const added: { input: string; doc: AddedDoc }[] = [];
  let failed = 0;
  for (const input of positionals) {
    try {
      const isUrl = /^[a-z][a-z0-9+.-]*:/i.test(input) && !(await stat(input).catch(() => null));
      const incoming = isUrl ? await fromUrl(input, { allowPrivate: config.allowPrivateUrls }) : await fromFile(input);
      const doc = await where.source.edit((dir) => addToCorpus(dir, incoming, { cacheDir: where.store.cacheDir }));
      for (const problem of doc.warnings) say(`warning: ${input}: partly read: ${describeProblem(PROBLEM_EN, problem)}`);
      added.push({ input, doc });
    } catch (err) {
      if (!(err instanceof AddError || err instanceof FetchError)) throw err;
      failed++;
      say(`failed: ${input}: ${err.message}`);
    }
  }
  if (added.length) {
    const progress = progressBar();
    const embedder = await openEmbedder(config, say, downloadProgress(progress));
    progress.stop();
    const report = await buildIndex({ ...where, embedder, wantedModel: config.embeddingModel, onProgress: (stage, done, total) => progress.update(stage, done, total) });
    progress.stop();
    const indexed = (await readManifest(report.dir)).docs;
    for (const { input, doc } of added) {
      const entry = indexed[doc.file];
      if (!entry) {
        failed++;
        const why = report.skipped.find((s) => s.path === doc.file)?.reason ?? 'not indexed';
        say(`failed: ${input}: ${why}`);
        continue;
      }
      const pages = doc.pages ? `, ${doc.pages} pages` : '';
      say(`${doc.replaced ? 'updated' : 'added'}: ${input} → ${doc.file}: «${entry.title}», ${entry.count} passages${pages}`);
    }
    say(reportLine(report));
  }
  return added.length > 0 && failed === 0 ? 0 : 1;
}

async function cmdSearch(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { index: { type: 'string' }, k: { type: 'string', short: 'k' }, json: { type: 'boolean' }, queries: { type: 'string' }, mode: { type: 'string' } },
  });
  const k = Number(values.k ?? 10);
  if (!Number.isInteger(k) || k < 1 || k > 100) throw new UsageError('-k must be a whole number from 1 to 100');
  const mode = (values.mode ?? 'hybrid') as SearchMode;
  if (!['hybrid', 'lexical', 'dense'].includes(mode)) throw new UsageError('--mode must be hybrid, lexical or dense');
  const queries = await queriesFrom(values, positionals);
  const engine = await engineFor({ ...config, indexDir: values.index ?? config.indexDir });
  for (const q of queries) {
    const results = await engine.search(q.question, { k, mode });
    if (values.json) {
      const out = results.map((r) => ({ docId: r.chunk.docId, title: r.doc.title, chunkId: r.chunk.id, score: Number(r.score.toFixed(4)), text: r.chunk.text }));
      process.stdout.write(JSON.stringify({ id: q.id, results: out }) + '\n');
    } else {
      console.log(`\n${q.question}`);
      if (!results.length) console.log('  (nothing found)');
      results.forEach((r, i) => {
        console.log(`  ${i + 1}. [${r.score.toFixed(3)}] ${r.doc.title} (${r.chunk.id})`);
        console.log(`     ${r.chunk.text.replace(/\s+/g, ' ').slice(0, 220)}…`);
      });
    }
  }
}

async function cmdAsk(config: Config, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { index: { type: 'string' }, json: { type: 'boolean' }, queries: { type: 'string' } },
  });
  const queries = await queriesFrom(values, positionals);
  const answerer = new Answerer(await engineFor({ ...config, indexDir: values.index ?? config.indexDir }), { ...DEFAULT_ANSWER, minConfidence: config.answerMinConfidence }, openSummarizer(config, say));
  for (const q of queries) {
    if (values.json) {
      const a = await answerer.ask(q.question);
      // page (PDF) and url (web pages) only where the source has them
      const citations = a.citations.map(({ n, docId, title, excerpt, highlight, page, lastPage, url }) => ({ n, docId, title, excerpt, ...(highlight && { highlight }), ...(page && { page }), ...(lastPage && { lastPage }), ...(url && { url }) }));
      process.stdout.write(JSON.stringify({ id: q.id, answered: a.answered, lang: a.lang, answer: a.answer, citations }) + '\n');
      continue;
    }
    // as read, two or three questions in one are answered one after the other, as the bot and the chat do
    // (text/questions.ts); --json keeps one answer per question asked, its contract
    const asked = separateQuestions(q.question);
    for (const part of asked) {
      const a = await answerer.ask(part);
      console.log(`${queries.length > 1 || asked.length > 1 ? `\n${part}\n` : ''}${a.answer}`);
    }
  }
}

async function cmdReport(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { since: { type: 'string', default: '7d' }, json: { type: 'boolean' } } });
  const since = parseSince(values.since!);
  if (!since) throw new UsageError('--since must be a period such as 7d or 24h, or a date');
  const log = await openQuestionLog(config);
  let report;
  try {
    report = buildReport(await log.read(since), since);
  } finally {
    await log.close?.();
  }
  if (values.json) return void console.log(JSON.stringify(report));
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  console.log(`Since ${report.since.slice(0, 16).replace('T', ' ')} UTC (${config.databaseUrl ? 'PostgreSQL' : config.stateDir})`);
  console.log(`  questions ${report.questions}: answered ${report.answered}, declined ${report.declined}, errors ${report.errors}, rate-limited ${report.rateLimited}; ${report.users} users`);
  console.log(`  answer rate ${pct(report.answerRate)}, p95 time to answer ${report.p95Ms} ms`);
  console.log(`  feedback 👍 ${report.feedback.up} 👎 ${report.feedback.down} (${Object.entries(report.feedback.reasons).map(([r, n]) => `${r} ${n}`).join(', ')})`);
  console.log(`  per day: ${report.perDay.map((d) => `${d.day} ${d.questions}`).join(', ') || '—'}`);
  console.log(report.unanswered.length ? '  most asked without an answer:' : '  no unanswered questions');
  for (const u of report.unanswered) console.log(`    ${String(u.count).padStart(4)}× ${u.question}`);
}

async function cmdChat(config: Config, args: string[]) {
  const { values } = parseArgs({ args, options: { index: { type: 'string' } } });
  const answerer = new Answerer(await engineFor({ ...config, indexDir: values.index ?? config.indexDir }), { ...DEFAULT_ANSWER, minConfidence: config.answerMinConfidence }, openSummarizer(config, say));
  await consoleChat(answerer, config);
}

async function cmdBot(config: Config) {
  if (!config.botToken) throw new ConfigError('BOT_TOKEN is not set: get one from @BotFather and put it in .env');
  const { runBot, BotStartError } = await import('./bot/main.ts');
  const { engine, embedder, stores: where } = await openAll(config);
  await runBot(config, engine, embedder, where).catch((err) => {
    throw err instanceof BotStartError ? new CommandError(err.message) : err;
  });
}

async function cmdStart(config: Config, args: string[]) {
  if (config.botToken) return cmdBot(config);
  say('BOT_TOKEN is not set, so here is the console chat on the same engine. To run the Telegram bot, put BOT_TOKEN=... (from @BotFather) in .env and run `npm start` again.');
  return cmdChat(config, args);
}

const COMMANDS: Record<string, (config: Config, args: string[]) => Promise<void | number>> = {
  index: cmdIndex,
  add: cmdAdd,
  search: cmdSearch,
  ask: cmdAsk,
  chat: cmdChat,
  report: cmdReport,
  bot: cmdBot,
  start: cmdStart,
};

const SYSTEM_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EMFILE', 'ENFILE', 'EIO', 'ENAMETOOLONG', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT']);

// `govqa search … | head`: the reader went away; what is left to print goes nowhere, and that is fine.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    say(`govqa: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  try {
    return (await run(loadConfig(), args)) ?? 0;
  } catch (err) {
    return failed(command, err);
  } finally {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => {})));
  }
}

/** One line for what went wrong, and the exit status it means. */
function failed(command: string, err: unknown): number {
  if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith?.('ERR_PARSE_ARGS')) {
    say(`govqa ${command}: ${(err as Error).message}`);
    return 2;
  }
  if (err instanceof ConfigError || err instanceof CorpusError || err instanceof IndexError || err instanceof CommandError) {
    say(`govqa ${command}: ${err.message}`);
    return 1;
  }
  // the system said no (disk full, read-only, not a folder, too many open files): its own one line says it all
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && SYSTEM_ERRORS.has(code)) {
    say(`govqa ${command}: ${(err as Error).message}`);
    return 1;
  }
  say(`govqa ${command}: unexpected error: ${(err as Error).stack ?? err}`);
  return 1;
}

process.exitCode = await main();
