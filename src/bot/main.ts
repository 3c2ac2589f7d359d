// Running the bot: long polling through @grammyjs/runner by default, a webhook server when WEBHOOK_URL is set;
// the command menus in Kazakh and Russian; a clean stop on SIGINT/SIGTERM.
import { run } from '@grammyjs/runner';
import { randomBytes } from 'node:crypto';
import { GrammyError, HttpError, type Bot, type Context } from 'grammy';
import type { Config } from '../config.ts';
import type { Embedder } from '../index/types.ts';
import { LiveIndex } from '../live.ts';
import { openSummarizer } from '../app.ts';
import { createLogger, type Logger } from '../log.ts';
import type { SearchEngine } from '../search/engine.ts';
import type { Lang } from '../text/lang.ts';
import { createBot } from './bot.ts';
import { BotDeps } from './deps.ts';
import { publicCommands } from './features/commands.ts';
import { COMMAND_DESCRIPTIONS } from './texts.ts';
import { webhookServer } from './webhook.ts';
import { openSharedState } from '../state/index.ts';
import { openQuestionLog } from '../insights/index.ts';
import type { Stores } from '../app.ts';
import path from 'node:path';

/** The bot could not start (Telegram refused the token, or cannot be reached): one line for the admin. */
export class BotStartError extends Error {}

export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'chosen_inline_result'] as const;
const STOP_GRACE_MS = 4000;
/** one attempt to reach Telegram at start (getMe) ends after this; then it is tried again */
const START_TIMEOUT_MS = 15_000;
/** pauses between start attempts: doubling from the first to the last */
const START_RETRY_MS = { first: 2000, last: 60_000 };

/** Public menu for everyone; admins also see /stats and /reindex in their private chat with the bot. */
export async function setCommandMenus(bot: Bot<Context>, deps: BotDeps): Promise<void> {
  await publicCommands(deps).setCommands(bot);
  const menu = (lang: Lang) => Object.entries(COMMAND_DESCRIPTIONS).map(([command, d]) => ({ command, description: d[lang] }));
  for (const chat_id of deps.config.adminIds) {
    await bot.api.setMyCommands(menu('ru'), { scope: { type: 'chat', chat_id } });
    await bot.api.setMyCommands(menu('kk'), { scope: { type: 'chat', chat_id }, language_code: 'kk' });
  }
}

export interface Running {
  stop(): Promise<void>;
  /** the webhook server's address, in webhook mode */
  address?: { port: number };
}

/** Starts receiving updates; returns a handle that stops cleanly. */
export async function startBot(bot: Bot<Context>, deps: BotDeps): Promise<Running> {
  const { config, log } = deps;
  // grammY types its signal with the abort-controller package's class; the platform's is the same thing at run time
  await bot.init(AbortSignal.timeout(START_TIMEOUT_MS) as unknown as Parameters<typeof bot.init>[0]);
  await setCommandMenus(bot, deps).catch((err) => log.warn('could not set the command menus', { err }));

  if (config.webhookUrl) {
    const url = new URL(config.webhookUrl);
    // every update must be signed: with no WEBHOOK_SECRET set, a random one is made and registered for this run
    const secret = config.webhookSecret ?? randomBytes(24).toString('base64url');
    const server = webhookServer(bot, { path: url.pathname, secretToken: secret, log, health: () => deps.health() });
    await new Promise<void>((resolve) => server.listen(config.port, resolve));
    const port = (server.address() as { port: number }).port;
    await bot.api.setWebhook(url.href, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    log.info(`bot @${bot.botInfo.username} receiving updates by webhook`, { url: url.origin + url.pathname, port });
    return {
      address: { port },
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
      },
    };
  }

  await bot.api.deleteWebhook().catch((err) => log.warn('could not delete a webhook', { err }));
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  log.info(`bot @${bot.botInfo.username} receiving updates by long polling`);
  return { stop: () => (runner.isRunning() ? runner.stop() : Promise.resolve()) };
}

/** Starts the bot, trying again with growing pauses while Telegram cannot be reached (a refused token is final). */
async function startRetrying(bot: Bot<Context>, deps: BotDeps, stopped: () => boolean): Promise<Running> {
  for (let pause = START_RETRY_MS.first; ; pause = Math.min(pause * 2, START_RETRY_MS.last)) {
    try {
      return await startBot(bot, deps);
    } catch (err) {
      if (!(err instanceof HttpError) || stopped()) throw err;
      // the reachability transformer has said what fails; this says when the next try is
      deps.log.info(`starting again in ${pause / 1000} s`);
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}

/** A token Telegram refused at start, in one line (the token itself is never part of it). */
function startError(err: unknown): unknown {
  if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
    return new BotStartError(`Telegram refused BOT_TOKEN (${err.error_code} ${err.description}): check the token @BotFather gave you`);
  }
  return err; // network failures never get here: startRetrying tries again until a stop is asked for
}

/** `govqa bot`: runs until SIGINT or SIGTERM, then stops within a few seconds. */
export async function runBot(
  config: Config,
  engine: SearchEngine,
  embedder: Embedder | null,
  /** the document source and index store (closed by whoever opened them: the command line) */
  stores: Stores,
  log: Logger = createLogger(config.logLevel, [config.botToken, config.llm?.apiKey]),
): Promise<void> {
  // Listen for signals before starting, so one that arrives during start-up still means a clean stop.
  const stopRequested = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info(`${signal}: stopping`);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const summarizer = openSummarizer(config, (line) => log.debug(line));
  const state = await openSharedState(config, log);
  const questionLog = await openQuestionLog(config, (err) => log.warn('question log write failed', { err }));
  const live = new LiveIndex(config, engine, embedder, undefined, summarizer, state.reindexLock, stores);
  // replicas: a build published by another (or by `govqa index`) is served here within seconds
  const unfollow = live.follow(
    (dir) => log.info('serving a build published elsewhere', { build: path.basename(dir) }),
    (err) => log.warn('could not load a build published elsewhere', { err }),
  );
  const deps = new BotDeps(config, live, log, questionLog, state, stores.store);
  // A revoked token (401 on any call) stops the bot: no retry can help.
  let refused = false;
  const bot = createBot(deps, {
    onTokenRefused: () => {
      if (refused) return;
      refused = true;
      log.error('Telegram refused BOT_TOKEN (401 Unauthorized): stopping; check the token @BotFather gave you');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    },
  });
  // A stop asked for while start-up still waits on Telegram ends the wait: the grace timer exits the process.
  let stopping = false;
  void stopRequested.then(() => (stopping = true));
  const starting = startRetrying(bot, deps, () => stopping);
  starting.catch(() => {}); // a failure is handled below, or moot once a stop was asked for
  const running = await Promise.race([starting.catch((err) => Promise.reject(startError(err))), stopRequested.then(() => null)]);
  if (!running) {
    log.info('stopped during start-up');
    setImmediate(() => process.exit(0)); // the request that start-up waits on may take minutes to fail
    return;
  }
  await stopRequested;
  const timer = setTimeout(() => {
    log.warn('stop took too long; exiting');
    process.exit(0);
  }, STOP_GRACE_MS);
  timer.unref();
  await running.stop();
  await Promise.race([deps.idle(), new Promise((r) => setTimeout(r, STOP_GRACE_MS - 500).unref())]);
  unfollow();
  await state.close();
  await questionLog.close?.();
  log.info('stopped');
}
