// The bot's shared state, chosen in one place: Redis when REDIS_URL is set (replicas), memory otherwise.
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { memoryState } from './memory.ts';
import type { SharedState } from './types.ts';

export type { SharedState } from './types.ts';
export { memoryState } from './memory.ts';

export async function openSharedState(config: Pick<Config, 'redisUrl'>, log: Logger): Promise<SharedState> {
  if (!config.redisUrl) return memoryState();
  const { redisState } = await import('./redis.ts'); // ioredis only where Redis is used
  return redisState(config.redisUrl, log);
}
