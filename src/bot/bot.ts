// createBot(config, deps): the grammY bot with its plugins and features, free of how updates arrive (long
// polling or webhook, chosen in main.ts), so tests drive it with bot.handleUpdate.
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, BotError, GrammyError, HttpError, type Context, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { BotDeps } from './deps.ts';
import { reachability } from './reachability.ts';
import { adminFeature } from './features/admin.ts';
import { askFeature } from './features/ask.ts';
import { publicCommands, withBot } from './features/commands.ts';
import { inlineFeature } from './features/inline.ts';
import { texts, userLang } from './texts.ts';

const HTML_METHODS = new Set(['sendMessage', 'editMessageText']);

export interface CreateBotOptions {
  /** known bot info: skips getMe (tests) */
  botInfo?: UserFromGetMe;
  /** API transformers installed first, closest to the network: where a test records the outgoing calls */
  transport?: Transformer[];
  /** Telegram answered 401 to a call: the token was revoked (the process should stop) */
  onTokenRefused?: () => void;
}

/** API calls other than long polling end after this long without an answer (grammY's default is 500 s). */
const CALL_TIMEOUT_S = 60;

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<Context> {
  const { config, log } = deps;
  const bot = new Bot<Context>(config.botToken!, {
    botInfo: options.botInfo,
    client: {
      ...(config.telegramApiRoot && { apiRoot: config.telegramApiRoot }),
      timeoutSeconds: CALL_TIMEOUT_S,
      // In webhook mode the "typing…" action rides on the webhook's own HTTP response instead of a call of its
      // own: one request fewer per question (a profile under load showed HTTP as most of the bot's time), and
      // Telegram hears back at once. Only the action: a reply sent that way could not be checked or retried.
      canUseWebhookReply: (method) => method === 'sendChatAction',
    },
  });

  for (const t of options.transport ?? []) bot.api.config.use(t);
  // next to the network, so that it sees each attempt the retries below make
  bot.api.config.use(reachability(log, config.telegramApiRoot ?? 'https://api.telegram.org', options.onTokenRefused ?? (() => {})));
  // Outgoing calls: retry 429s and network errors; HTML parse mode unless a call says otherwise.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use((prev, method, payload, signal) =>
    prev(method, HTML_METHODS.has(method) && payload && !('parse_mode' in payload) ? { ...payload, parse_mode: 'HTML' } : payload, signal),
  );

  // A webhook retried by Telegram delivers the same update again: handle each one once. The key is the update
  // id with the chat and message (or query) it carries, which a redelivery repeats exactly; emulators that
  // reuse update ids across chats stay served.
  // Across replicas too: the gate is shared state (Redis SET NX when REDIS_URL is set).
  bot.use(async (ctx, next) => {
    const key = `${ctx.update.update_id}:${ctx.chat?.id ?? ''}:${ctx.msg?.message_id ?? ctx.inlineQuery?.id ?? ctx.callbackQuery?.id ?? ''}`;
    if (!(await deps.state.updates.firstTime(key))) return;
    await next();
  });
  // One chat's updates in order, other chats in parallel (matters under the runner's concurrency).
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(
    limit({
      timeFrame: 5000,
      limit: 5,
      // admins are not limited: sending a dozen documents at once is how an admin fills the corpus
      keyGenerator: (ctx) => (deps.isAdmin(ctx.from?.id) ? undefined : ctx.from?.id.toString()),
      storageClient: deps.state.rateCounter, // shared by replicas when REDIS_URL is set
      onLimitExceeded: async (ctx) => {
        const text = ctx.message?.text ?? ctx.inlineQuery?.query;
        if (text) {
          const channel = ctx.inlineQuery ? 'inline' : ctx.chat?.type === 'private' ? 'private' : 'group';
          deps.questionLog.record({ question: text.slice(0, 1000), lang: userLang(ctx.from?.language_code), channel, outcome: 'rate-limited', docs: [], ms: 0, userId: ctx.from?.id });
        }
        if (ctx.chat?.type === 'private') await ctx.reply(texts(userLang(ctx.from?.language_code)).tooFast).catch(() => {});
        else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 }).catch(() => {});
      },
    }),
  );

  // The boundary catches a failing handler whatever delivers updates (polling, webhook, tests): the error is
  // logged, the user gets a short apology, and a webhook still answers 200 so Telegram does not resend.
  const features = bot.errorBoundary(onError);
  features.use(publicCommands(deps));
  features.use(adminFeature(deps));
  features.use(inlineFeature(deps));
  features.use(askFeature(deps));
  // An unknown command in a private chat gets the help; anything else (stickers, group chatter) is left alone.
  features.chatType('private').on('message:text', (ctx) => ctx.reply(withBot(texts(userLang(ctx.from.language_code)).help, ctx)));

  async function onError(err: BotError<Context>) {
    const ctx = err.ctx;
    const cause = err.error;
    const kind = cause instanceof GrammyError ? 'Telegram refused a call' : cause instanceof HttpError ? 'network error' : 'handler error';
    log.error(kind, { update_id: ctx.update.update_id, err: cause instanceof Error ? cause : String(cause) });
    const text = ctx.message?.text;
    if (text && !text.startsWith('/')) {
      deps.questionLog.record({ question: text.slice(0, 1000), lang: userLang(ctx.from?.language_code), channel: ctx.chat?.type === 'private' ? 'private' : 'group', outcome: 'error', docs: [], ms: 0, userId: ctx.from?.id });
    }
    if (ctx.chat && !(cause instanceof HttpError)) {
      await ctx.reply(texts(userLang(ctx.from?.language_code)).error).catch(() => {});
    }
  }
  bot.catch(onError); // errors outside the boundary (the plugins above it)
  return bot;
}
