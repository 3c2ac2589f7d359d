import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MODEL, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({ HOME: os.homedir() });
    expect(c.corpusDir).toBe(path.resolve('corpus'));
    expect(c.indexDir).toBe(path.resolve('embeddings'));
    expect(c.embeddingModel).toBe(DEFAULT_MODEL);
    expect(c.embeddingDtype).toBe('q8');
    expect(c.modelCacheDir).toBe(path.join(os.homedir(), '.cache', 'govqa', 'models'));
    expect(c.botToken).toBeNull();
    expect(c.adminIds).toEqual([]);
    expect(c.port).toBe(8080);
  });

  it('reads what is set', () => {
    const c = loadConfig({ EMBEDDING_MODEL: 'none', ADMIN_IDS: '1, 22,333', XDG_CACHE_HOME: '/var/cache', TELEGRAM_API_ROOT: 'http://localhost:8081/' });
    expect(c.embeddingModel).toBeNull();
    expect(c.adminIds).toEqual([1, 22, 333]);
    expect(c.modelCacheDir).toBe('/var/cache/govqa/models');
    expect(c.telegramApiRoot).toBe('http://localhost:8081');
  });

  it.each([
    [{ ADMIN_IDS: '12,abc' }, /ADMIN_IDS/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ BOT_TOKEN: 'not-a-token' }, /BOT_TOKEN/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ EMBEDDING_DTYPE: 'q3' }, /EMBEDDING_DTYPE/],
    [{ WEBHOOK_URL: 'ftp://x' }, /WEBHOOK_URL/],
    [{ WEBHOOK_SECRET: 'has space' }, /WEBHOOK_SECRET/],
  ])('fails fast with one line naming the variable: %o', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it('never echoes a bad token', () => {
    try {
      loadConfig({ BOT_TOKEN: 'secret-value-that-is-wrong' });
    } catch (err) {
      expect((err as Error).message).not.toContain('secret-value-that-is-wrong');
    }
  });
});

describe('bad values in messages', () => {
  it('a token pasted into another variable is never shown; a short harmless value is', () => {
    const token = '123456789:AAH-token-abcdefghijklmnopqrstuvwxyz';
    expect(() => loadConfig({ WEBHOOK_URL: token })).toThrow(`WEBHOOK_URL must be an http(s) URL, got a value of ${token.length} characters (not shown)`);
    expect(() => loadConfig({ PORT: token })).toThrow(`PORT must be a port number, got a value of ${token.length} characters (not shown)`);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a port number, got "eighty"');
  });
});

describe('ANSWER_MIN_CONFIDENCE', () => {
  it('is the decline model’s own threshold unless set, and must lie in 0..1', () => {
    expect(loadConfig({}).answerMinConfidence).toBeNull();
    expect(loadConfig({ ANSWER_MIN_CONFIDENCE: '0.8' }).answerMinConfidence).toBe(0.8);
    expect(() => loadConfig({ ANSWER_MIN_CONFIDENCE: '2' })).toThrow('ANSWER_MIN_CONFIDENCE must be a number from 0 to 1, got "2"');
  });
});
