// One validated Config from the environment and .env: every bad value is reported in one clear line at start.
import 'dotenv/config';
import os from 'node:os';
import path from 'node:path';

export class ConfigError extends Error {}

/** A bad value as an error message may show it: quoted when short and harmless, else only its length, since a
 * secret pasted into the wrong variable (a token in WEBHOOK_URL) must not reach a terminal or a log. */
export function shown(value: string | undefined | null): string {
  const v = value ?? '';
  const secretLike = /\d{6,}:[\w-]{20,}/.test(v) || /(key|token|secret|password)/i.test(v) || /[A-Za-z0-9_-]{24,}/.test(v);
  return v.length <= 40 && !secretLike ? `"${v}"` : `a value of ${v.length} characters (not shown)`;
}

export const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

export interface Config {
  corpusDir: string;
  indexDir: string;
  /** null: dense retrieval off (EMBEDDING_MODEL=none) */
  embeddingModel: string | null;
  embeddingDtype: string;
  /** local folder of models for offline use; nothing is downloaded when set */
  modelsDir: string | null;
  modelCacheDir: string;
  /** ../shared beside the project: eval and bench data */
  sharedDir: string;
  botToken: string | null;
  adminIds: number[];
  telegramApiRoot: string | null;
  /** `govqa add` and the bot's /add may fetch loopback and private addresses (ALLOW_PRIVATE_URLS=1: tests, an intranet) */
  allowPrivateUrls: boolean;
  /** public https URL: webhook mode instead of long polling */
  webhookUrl: string | null;
  webhookSecret: string | null;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** an OpenAI-compatible chat API for an optional summary before the excerpts */
  llm: { baseUrl: string; apiKey: string | null; model: string; timeoutMs: number } | null;
  /** answer when the decline model's confidence reaches this (ANSWER_MIN_CONFIDENCE); null: the model's threshold */
  answerMinConfidence: number | null;
  /** where the question log (and its hashing key) is kept */
  stateDir: string;
  /** PostgreSQL: the question log shared by replicas; null: files under stateDir */
  databaseUrl: string | null;
  /** replicas' shared state (update de-duplication, rate limits, conversations, the reindex lock); null: in memory */
  redisUrl: string | null;
  /** days the question log keeps */
  logRetentionDays: number;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const model = get('EMBEDDING_MODEL') ?? DEFAULT_MODEL;
  const cacheHome = get('XDG_CACHE_HOME') ?? path.join(os.homedir(), '.cache');
  const adminIds = (get('ADMIN_IDS') ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    if (!/^\d+$/.test(s)) throw new ConfigError(`ADMIN_IDS must be comma-separated numeric Telegram user ids, got ${shown(s)}`);
    return Number(s);
  });
  const port = Number(get('PORT') ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${shown(get('PORT'))}`);
  const token = get('BOT_TOKEN');
  if (token && !/^\d+:[\w-]{20,}$/.test(token)) throw new ConfigError('BOT_TOKEN does not look like a token from @BotFather (digits:letters)');
  const logLevel = (get('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got ${shown(logLevel)}`);
  const dtype = get('EMBEDDING_DTYPE') ?? 'q8';
  if (!['q8', 'fp32', 'fp16', 'int8', 'uint8', 'q4'].includes(dtype)) throw new ConfigError(`EMBEDDING_DTYPE must be q8, fp32, fp16, int8, uint8 or q4, got ${shown(dtype)}`);
  const secret = get('WEBHOOK_SECRET');
  // a short secret can be guessed; without one, start-up makes a random one (src/bot/main.ts)
  if (secret && !/^[A-Za-z0-9_-]{16,256}$/.test(secret)) throw new ConfigError('WEBHOOK_SECRET must be 16 to 256 letters, digits, _ or - (Telegram allows only those), or unset for a random one');
  const llmTimeout = Number(get('LLM_TIMEOUT_MS') ?? 8000);
  if (!Number.isInteger(llmTimeout) || llmTimeout <= 0) throw new ConfigError(`LLM_TIMEOUT_MS must be a number of milliseconds, got ${shown(get('LLM_TIMEOUT_MS'))}`);
  const minConfidence = get('ANSWER_MIN_CONFIDENCE');
  if (minConfidence != null && minConfidence !== '' && !(Number(minConfidence) >= 0 && Number(minConfidence) <= 1)) {
    throw new ConfigError(`ANSWER_MIN_CONFIDENCE must be a number from 0 to 1, got ${shown(minConfidence)}`);
  }
  const retention = Number(get('LOG_RETENTION_DAYS') ?? 90);
  if (!Number.isInteger(retention) || retention < 1) throw new ConfigError(`LOG_RETENTION_DAYS must be a whole number of days, at least 1, got ${shown(get('LOG_RETENTION_DAYS'))}`);
  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) throw new ConfigError(`DATABASE_URL must be a postgres:// URL, got ${shown(databaseUrl)}`);
  const redisUrl = get('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\/\S+$/.test(redisUrl)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got ${shown(redisUrl)}`);
  for (const name of ['TELEGRAM_API_ROOT', 'WEBHOOK_URL', 'LLM_BASE_URL']) {
    const v = get(name);
    if (v && !/^https?:\/\/\S+$/.test(v)) throw new ConfigError(`${name} must be an http(s) URL, got ${shown(v)}`);
  }
  return {
    corpusDir: path.resolve(get('CORPUS_DIR') ?? 'corpus'),
    indexDir: path.resolve(get('INDEX_DIR') ?? 'embeddings'),
    embeddingModel: model.toLowerCase() === 'none' ? null : model,
    embeddingDtype: dtype,
    modelsDir: get('MODELS_DIR') && path.resolve(get('MODELS_DIR')!),
    modelCacheDir: path.resolve(get('MODEL_CACHE_DIR') ?? path.join(cacheHome, 'govqa', 'models')),
    sharedDir: path.resolve(get('SHARED_DIR') ?? '../shared'),
    botToken: token,
    adminIds,
    telegramApiRoot: get('TELEGRAM_API_ROOT')?.replace(/\/+$/, '') ?? null,
    allowPrivateUrls: get('ALLOW_PRIVATE_URLS') === '1',
    webhookUrl: get('WEBHOOK_URL'),
    webhookSecret: secret,
    port,
    logLevel,
    answerMinConfidence: minConfidence == null || minConfidence === '' ? null : Number(minConfidence),
    stateDir: path.resolve(get('STATE_DIR') ?? 'state'),
    redisUrl,
    databaseUrl,
    logRetentionDays: retention,
    llm: get('LLM_BASE_URL')
      ? { baseUrl: get('LLM_BASE_URL')!, apiKey: get('LLM_API_KEY'), model: get('LLM_MODEL') ?? 'gpt-4o-mini', timeoutMs: llmTimeout }
      : null,
  };
}
