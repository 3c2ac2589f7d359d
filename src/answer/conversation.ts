// A conversation's state between questions: the questions since the last one that stood on its own, so that
// the next may follow up on them (text/followup.ts decides how). Plain data, so that any grammY session storage
// (memory today, Redis for replicas) can keep it; it lapses after CONVERSATION.ttlMs without a question.
import { CONVERSATION } from '../text/followup.ts';

export interface ConversationState {
  /** oldest first; the first is the last question that stood on its own */
  questions: string[];
  /** when the last question was asked (ms since the epoch) */
  at: number;
}

/** The earlier questions a new one may follow up on: none once the conversation has lapsed. */
export function earlierQuestions(state: ConversationState | undefined, now = Date.now()): string[] {
  if (!state || now - state.at > CONVERSATION.ttlMs) return [];
  return state.questions;
}

/** The state after `question` was answered: it joins the conversation, or starts a new one. */
export function afterQuestion(state: ConversationState | undefined, question: string, followedUp: boolean, now = Date.now()): ConversationState {
  const earlier = followedUp ? earlierQuestions(state, now) : [];
  return { questions: [...earlier, question].slice(-CONVERSATION.maxTurns), at: now };
}
