// The question log, chosen in one place: PostgreSQL when DATABASE_URL is set (replicas share it), files under
// STATE_DIR otherwise.
import type { Config } from '../config.ts';
import { FileQuestionLog, type QuestionLog } from './questions.ts';

export type { QuestionLog } from './questions.ts';

export async function openQuestionLog(config: Pick<Config, 'databaseUrl' | 'stateDir' | 'logRetentionDays'>, onError: (err: unknown) => void = () => {}): Promise<QuestionLog & { close?(): Promise<void> }> {
  if (!config.databaseUrl) return new FileQuestionLog(config.stateDir, config.logRetentionDays, onError);
  const { PgQuestionLog } = await import('./pg.ts'); // pg only where PostgreSQL is used
  return PgQuestionLog.open(config.databaseUrl, config.logRetentionDays, onError);
}
