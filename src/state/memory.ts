// The embedded default: the shared state of one process, in memory.
import { MemorySessionStorage } from 'grammy';
import type { ConversationState } from '../answer/conversation.ts';
import { CONVERSATION } from '../text/followup.ts';
import type { ReindexLock, SharedState, UpdateGate } from './types.ts';

/** updates remembered, the oldest forgotten first */
const SEEN_LIMIT = 10_000;

export class MemoryUpdateGate implements UpdateGate {
  private readonly seen = new Set<string>();
  async firstTime(key: string): Promise<boolean> {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}

/** Within one process LiveIndex already runs one build at a time: this lock never refuses. */
export const LOCAL_LOCK: ReindexLock = { acquire: async () => true, release: async () => {} };

export function memoryState(): SharedState {
  return {
    updates: new MemoryUpdateGate(),
    rateCounter: 'MEMORY_STORE',
    conversations: new MemorySessionStorage<ConversationState>(CONVERSATION.ttlMs),
    reindexLock: LOCAL_LOCK,
    redis: () => 'off',
    close: async () => {},
  };
}
