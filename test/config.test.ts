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
