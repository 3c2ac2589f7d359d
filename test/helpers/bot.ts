// Drives the real bot in-process: updates go in through bot.handleUpdate, outgoing API calls are recorded by a
// transformer at the network end of the chain (so every other transformer still runs) and answered locally.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { Bot, Context, Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/bot.ts';
import { BotDeps } from '../../src/bot/deps.ts';
import { loadConfig } from '../../src/config.ts';
import { buildIndex } from '../../src/index/build.ts';
import { LiveIndex } from '../../src/live.ts';
import { createLogger } from '../../src/log.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SharedState } from '../../src/state/index.ts';
import { beforeRemoval, CORPUS, tempDir } from './tmp.ts';

export const TOKEN = '123456789:TEST-token-abcdefghijklmnopqrstuvwxyz';
export const BOT_INFO: UserFromGetMe = {
  id: 4242, is_bot: true, first_name: 'GovQA', username: 'govqa_bot', can_join_groups: true, can_read_all_group_messages: false,
  supports_inline_queries: true, can_connect_to_business: false, has_main_web_app: false,
} as UserFromGetMe;
export const ADMIN = 1001;
export const USER = 2002;

export interface Call {
  method: string;
  payload: Record<string, any>;
}

export interface Harness {
  bot: Bot<Context>;
  deps: BotDeps;
  calls: Call[];
  logs: string[];
  corpus: string;
  send(update: Partial<Update>): Promise<Call[]>;
  fail: Map<string, () => Error>;
}

let updateId = 1;
let messageId = 100;

/** `gate`: when given, every reindex waits for it before building, so a test can act while one runs. */
export async function makeHarness(env: Record<string, string> = {}, gate?: Promise<void>, state?: SharedState): Promise<Harness> {
  const dir = await tempDir();
  const corpus = path.join(dir, 'corpus');
  await cp(CORPUS, corpus, { recursive: true });
  const config = loadConfig({ BOT_TOKEN: TOKEN, ADMIN_IDS: String(ADMIN), CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, 'index'), EMBEDDING_MODEL: 'none', STATE_DIR: path.join(dir, 'state'), ...env });
  await buildIndex({ corpus, indexDir: config.indexDir, embedder: null });
  const logs: string[] = [];
  const log = createLogger('debug', [TOKEN], (line) => logs.push(line));
  const build: typeof buildIndex = async (options) => {
    await gate;
    return buildIndex(options);
  };
  const deps = new BotDeps(config, new LiveIndex(config, await SearchEngine.open(config.indexDir, null), null, build, null, state?.reindexLock), log, undefined, state);
  beforeRemoval(() => deps.idle());
  const calls: Call[] = [];
  const fail = new Map<string, () => Error>();
  const record: Transformer = async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    const failure = fail.get(method);
    if (failure) throw failure();
    return { ok: true, result: fakeResult(method, payload as Record<string, any>) } as any;
  };
  const bot = createBot(deps, { botInfo: BOT_INFO, transport: [record] });
  return {
    bot, deps, calls, logs, corpus, fail,
    async send(update) {
      const from = calls.length;
      await bot.handleUpdate({ update_id: updateId++, ...update } as Update);
      return calls.slice(from);
    },
  };
}

function fakeResult(method: string, payload: Record<string, any>): unknown {
  switch (method) {
    case 'sendMessage':
    case 'editMessageText':
      return { message_id: messageId++, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
    case 'getFile':
      return { file_id: payload.file_id, file_unique_id: 'u', file_path: `documents/${payload.file_id}` };
    default:
      return true;
  }
}

const user = (id: number, language_code = 'ru') => ({ id, is_bot: false, first_name: 'Test', language_code });

/** A fresh user per update unless a test names one: the rate limiter must only meet the tests that flood. */
let nextUser = 50_000;
const anyone = () => nextUser++;

export function privateText(text: string, from = anyone(), language_code = 'ru'): Partial<Update> {
  const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0].length }] : undefined;
  return { message: { message_id: messageId++, date: 0, chat: { id: from, type: 'private', first_name: 'Test' }, from: user(from, language_code), text, entities } as any };
}

export function groupText(text: string, from = anyone(), replyTo?: { from: { id: number } }): Partial<Update> {
  const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0].length }] : undefined;
  const reply_to_message = replyTo && { message_id: 1, date: 0, chat: { id: -500, type: 'group', title: 'G' }, from: { ...replyTo.from, is_bot: true, first_name: 'GovQA' }, text: 'previous' };
  return { message: { message_id: messageId++, date: 0, chat: { id: -500, type: 'group', title: 'G' }, from: user(from), text, entities, reply_to_message } as any };
}

export function inlineQuery(query: string, from = anyone()): Partial<Update> {
  return { inline_query: { id: String(messageId++), from: user(from), query, offset: '' } as any };
}

/** The user picked result `resultId` of an inline query (sent when inline feedback is on in @BotFather). */
export function chosenInline(query: string, resultId: string, from = anyone()): Partial<Update> {
  return { chosen_inline_result: { result_id: resultId, from: user(from), query } as any };
}

export function callback(data: string, from = anyone()): Partial<Update> {
  return {
    callback_query: {
      id: String(messageId++), from: user(from), chat_instance: 'c', data,
      message: { message_id: 1, date: 0, chat: { id: from, type: 'private', first_name: 'Test' }, text: 'x' },
    } as any,
  };
}

export function document(fileName: string, fileId: string, from = ADMIN, size = 100): Partial<Update> {
  return {
    message: {
      message_id: messageId++, date: 0, chat: { id: from, type: 'private', first_name: 'Test' }, from: user(from),
      document: { file_id: fileId, file_unique_id: fileId, file_name: fileName, file_size: size },
    } as any,
  };
}

export const sent = (calls: Call[]) => calls.filter((c) => c.method === 'sendMessage');
