// What the bot's features share: the live index, configuration, logging, recent answers (for buttons) and
// background work (reindexing) that shutdown and tests can wait for.
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

export interface RecentAnswer {
  question: string;
  lang: Lang;
  citations: Citation[];
  /** the conversation's questions before this one (a follow-up is asked again with them) */
  earlier: string[];
  /** its entry in the question log, for feedback */
  logId: string;
}

/** Recent answers by short id, so a button pressed later can show more sources or a full passage. */
export class AnswerCache {
  private readonly entries = new Map<string, RecentAnswer>();
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  put(answer: RecentAnswer): string {
    const id = (this.next++).toString(36);
    this.entries.set(id, answer);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
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
