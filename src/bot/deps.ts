// What the bot's features share: the live index, configuration, logging, recent answers (for buttons) and
// background work (reindexing) that shutdown and tests can wait for.
import { randomInt } from 'node:crypto';
import type { StorageAdapter } from 'grammy';
import type { Citation } from '../answer/compose.ts';
import type { ConversationState } from '../answer/conversation.ts';
import { FileQuestionLog, type QuestionLog } from '../insights/questions.ts';
import { memoryState, type SharedState } from '../state/index.ts';
import type { Config } from '../config.ts';
import type { IndexStore } from '../index/types.ts';
import type { LiveIndex } from '../live.ts';
import type { Logger } from '../log.ts';
import type { Lang } from '../text/lang.ts';
import { Lru } from '../lru.ts';

export interface RecentAnswer {
  question: string;
  lang: Lang;
  citations: Citation[];
  /** the conversation's questions before this one (a follow-up is asked again with them) */
  earlier: string[];
  /** its entry in the question log, for feedback */
  logId: string;
  /** a declined question's nearest passages, shown on request (Answer.nearest) */
  nearest?: Citation[];
}

/**
 * Recent answers by short id, so a button pressed later can show more sources or a full passage. The least recently
 * used are forgotten first: an answer whose buttons are still being pressed stays. Ids start with a tag drawn at
 * start, so a button of a message answered before a restart finds nothing (and says so) instead of the answer that
 * took its number in this process.
 */
export class AnswerCache {
  private readonly entries: Lru<string, RecentAnswer>;
  private readonly tag = randomInt(36 ** 3).toString(36).padStart(3, '0');
  private next = 0;

  constructor(capacity = 1000) {
    this.entries = new Lru(capacity);
  }

  put(answer: RecentAnswer): string {
    const id = `${this.tag}${(this.next++).toString(36)}`;
    this.entries.set(id, answer);
    return id;
  }

  get(id: string): RecentAnswer | undefined {
    return this.entries.get(id);
  }
}

export class BotDeps {
  readonly answers = new AnswerCache();
  readonly startedAt = Date.now();
  questions = 0;
  private readonly background = new Set<Promise<unknown>>();

  constructor(
    readonly config: Config,
    readonly live: LiveIndex,
    readonly log: Logger,
    /** what was asked and what became of it */
    readonly questionLog: QuestionLog = new FileQuestionLog(config.stateDir, config.logRetentionDays, (err) => log.warn('question log write failed', { err })),
    /** what replicas share (memory in one process, Redis across replicas): handled updates, rate counters, conversations, the reindex lock */
    readonly state: SharedState = memoryState(),
    /** where the index lives, for /healthz (a shared store says whether it can be reached) */
    private readonly store?: IndexStore,
  ) {}

  /** Which dependencies are up, for /healthz: 'off' where the embedded default needs none. */
  health(): { redis: 'off' | 'up' | 'down'; postgres: 'off' | 'up' | 'down' } {
    return { redis: this.state.redis(), postgres: this.store?.health?.() ?? 'off' };
  }

  /** conversations by chat (and user, in groups): grammY session storage */
  get conversations(): StorageAdapter<ConversationState> {
    return this.state.conversations;
  }

  isAdmin(userId: number | undefined): boolean {
    return userId !== undefined && this.config.adminIds.includes(userId);
  }

  /** Runs work after the handler has returned (a reindex), logging any failure. */
  inBackground(work: Promise<unknown>): void {
    const tracked = work.catch((err) => this.log.error('background task failed', { err })).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /** Resolves when no background work is left. */
  async idle(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
    await this.questionLog.flush();
  }
}
