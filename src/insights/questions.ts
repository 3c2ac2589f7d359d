// The question log: what people asked and what became of it (answered, declined, an error, rate-limited), with
// the cited documents, the time it took and the feedback given, so that admins see what the corpus does not
// answer. One JSON line per event in a file per UTC day under <STATE_DIR>/questions/: appends from any number of
// processes never interleave (one write per line, O_APPEND), a damaged line costs only itself, and whole days
// past the retention limit are deleted. No Telegram user or chat id is kept: at most a keyed hash of the user.
import { createHmac, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../text/lang.ts';

export type Outcome = 'answered' | 'declined' | 'error' | 'rate-limited';
export type Channel = 'private' | 'group' | 'inline';
export type FeedbackValue = 'up' | 'down';
export const FEEDBACK_REASONS = ['wrong', 'incomplete', 'offtopic'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface QuestionRecord {
  kind: 'question';
  id: string;
  /** ISO 8601, UTC */
  at: string;
  question: string;
  lang: Lang;
  channel: Channel;
  outcome: Outcome;
  /** documents cited, in order */
  docs: string[];
  /** milliseconds from the question to the answer */
  ms: number;
  followUp?: boolean;
  /** a keyed hash of the asking user (counts distinct users; cannot be turned back into an id) */
  user?: string;
}

export interface FeedbackRecord {
  kind: 'feedback';
  /** the question's id */
  id: string;
  at: string;
  value: FeedbackValue;
  reason?: FeedbackReason;
}

export type LogRecord = QuestionRecord | FeedbackRecord;

/** Where questions are logged: a file store today; the replicas' PostgreSQL store implements the same. */
export interface QuestionLog {
  record(entry: Omit<QuestionRecord, 'kind' | 'id' | 'at' | 'user'> & { userId?: number }): string;
  feedback(id: string, value: FeedbackValue, reason?: FeedbackReason): void;
  /** everything logged at or after `since`, oldest first; unreadable lines skipped */
  read(since: Date): Promise<LogRecord[]>;
  /** resolves when every record so far is written */
  flush(): Promise<void>;
}

export const DEFAULT_RETENTION_DAYS = 90;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** What the log keeps of a user: an HMAC of the id with the log's key, enough to count users, not to find them. */
export const userHash = (key: Buffer, userId: number): string => createHmac('sha256', key).update(String(userId)).digest('hex').slice(0, 16);
const FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export class FileQuestionLog implements QuestionLog {
  private readonly dir: string;
  private writing: Promise<void> = Promise.resolve();
  private key: Promise<Buffer> | null = null;
  private prunedDay = '';

  constructor(
    stateDir: string,
    private readonly retentionDays = DEFAULT_RETENTION_DAYS,
    /** failures to write are reported here, never thrown at the caller: a log must not cost an answer */
    private readonly onError: (err: unknown) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dir = path.join(stateDir, 'questions');
  }

  record(entry: Omit<QuestionRecord, 'kind' | 'id' | 'at' | 'user'> & { userId?: number }): string {
    const id = randomBytes(6).toString('base64url');
    const { userId, ...rest } = entry;
    this.enqueue(async () => {
      const user = userId === undefined ? undefined : await this.hash(userId);
      return { kind: 'question', id, at: this.now().toISOString(), ...rest, ...(user && { user }) } satisfies QuestionRecord;
    });
    return id;
  }

  feedback(id: string, value: FeedbackValue, reason?: FeedbackReason): void {
    this.enqueue(async () => ({ kind: 'feedback', id, at: this.now().toISOString(), value, ...(reason && { reason }) }) satisfies FeedbackRecord);
  }

  flush(): Promise<void> {
    return this.writing;
  }

  async read(since: Date): Promise<LogRecord[]> {
    await this.writing; // what this process logged so far is part of what it reads
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => FILE.test(n)).sort();
    const firstDay = since.toISOString().slice(0, 10);
    const out: LogRecord[] = [];
    for (const name of names) {
      if (name.slice(0, 10) < firstDay) continue;
      const raw = await readFile(path.join(this.dir, name), 'utf8').catch(() => '');
      for (const line of raw.split('\n')) {
        if (!line) continue;
        try {
          const rec = JSON.parse(line) as LogRecord;
          if ((rec.kind === 'question' || rec.kind === 'feedback') && typeof rec.at === 'string' && rec.at >= since.toISOString()) out.push(rec);
        } catch {
          // a line cut short by a crash or a full disk: the others still count
        }
      }
    }
    return out;
  }

  /** Writes in order, one line per append; the reply that caused it has long been sent. */
  private enqueue(make: () => Promise<LogRecord>): void {
    this.writing = this.writing.then(async () => {
      try {
        const rec = await make();
        const day = rec.at.slice(0, 10);
        await mkdir(this.dir, { recursive: true });
        if (day !== this.prunedDay) await this.prune(day);
        await appendFile(path.join(this.dir, `${day}.jsonl`), JSON.stringify(rec) + '\n');
      } catch (err) {
        this.onError(err);
      }
    });
  }

  /** Deletes the days past the retention limit (once a day). */
  private async prune(today: string): Promise<void> {
    this.prunedDay = today;
    const cutoff = new Date(Date.parse(today) - this.retentionDays * DAY_MS).toISOString().slice(0, 10);
    for (const name of await readdir(this.dir)) {
      const day = FILE.exec(name)?.[1];
      if (day && day < cutoff) await rm(path.join(this.dir, name), { force: true });
    }
  }

  /** HMAC of the user id with a key kept beside the log (made on first use, readable by its owner only). */
  private async hash(userId: number): Promise<string> {
    this.key ??= (async () => {
      const file = path.join(path.dirname(this.dir), 'log-key');
      try {
        return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
      } catch {
        const key = randomBytes(32);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, key.toString('hex'), { mode: 0o600, flag: 'wx' }).catch(() => {});
        return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'); // another process may have made it first
      }
    })();
    return userHash(await this.key, userId);
  }
}
