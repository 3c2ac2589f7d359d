// Bot state that replicas must share: which updates were handled, how often each user asked, the conversations,
// and whether a reindex runs. One process keeps it in memory (the embedded default); replicas keep it in Redis.
import type { StorageAdapter } from 'grammy';
import type { ConversationState } from '../answer/conversation.ts';

/** Handles each update once, whichever replica it reaches (a webhook redelivery, a retried POST). */
export interface UpdateGate {
  /** true the first time a key is seen (within a day); false for a repeat */
  firstTime(key: string): Promise<boolean>;
}

/** The counter the rate limiter keeps per user (the shape @grammyjs/ratelimiter's Redis store calls). */
export interface RateCounter {
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<number>;
}

/** One reindex at a time across replicas. */
export interface ReindexLock {
  /** true when this process now holds it; it lapses by itself if the holder dies */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

export interface SharedState {
  updates: UpdateGate;
  rateCounter: RateCounter | 'MEMORY_STORE';
  conversations: StorageAdapter<ConversationState>;
  reindexLock: ReindexLock;
  /** for /healthz: 'off' (no REDIS_URL), 'up', or 'down' (answering with in-process state meanwhile) */
  redis(): 'off' | 'up' | 'down';
  close(): Promise<void>;
}
