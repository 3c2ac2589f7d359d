// What the question log says, for admins (/stats, /unanswered) and `govqa report`: counts and rates over a
// period, questions per day, latency, feedback, and the declined questions people ask most, similar wordings
// grouped (the same words once stemmed, or most of them), which is what tells admins which documents to add.
import { analyze, isPrefixTerm } from '../text/analyzer.ts';
import { detectLang } from '../text/lang.ts';
import { FEEDBACK_REASONS, type FeedbackReason, type LogRecord, type QuestionRecord } from './questions.ts';

export interface Report {
  since: string;
  questions: number;
  answered: number;
  declined: number;
  errors: number;
  rateLimited: number;
  /** answered / (answered + declined) */
  answerRate: number;
  /** 95th percentile of the time to answer, ms */
  p95Ms: number;
  /** distinct users (by their keyed hash) */
  users: number;
  perDay: { day: string; questions: number; answered: number }[];
  feedback: { up: number; down: number; reasons: Record<FeedbackReason, number> };
  unanswered: { question: string; count: number }[];
}

/** Wordings sharing at least this share of their stems (Jaccard) are one question. */
const SAME_QUESTION = 0.5;
export const UNANSWERED_SHOWN = 10;

export function buildReport(records: readonly LogRecord[], since: Date, shown = UNANSWERED_SHOWN): Report {
  const questions = records.filter((r): r is QuestionRecord => r.kind === 'question');
  const count = (o: QuestionRecord['outcome']) => questions.filter((q) => q.outcome === o).length;
  const answered = count('answered');
  const declined = count('declined');
  const times = questions.filter((q) => q.outcome === 'answered' || q.outcome === 'declined').map((q) => q.ms).sort((a, b) => a - b);
  const days = new Map<string, { questions: number; answered: number }>();
  for (const q of questions) {
    const day = days.get(q.at.slice(0, 10)) ?? { questions: 0, answered: 0 };
    day.questions++;
    if (q.outcome === 'answered') day.answered++;
    days.set(q.at.slice(0, 10), day);
  }
  // the last word on a question counts: a 👎 changed to 👍 is a 👍, a reason given after a 👎 is that 👎's
  const verdicts = new Map<string, { value: 'up' | 'down'; reason?: FeedbackReason }>();
  for (const r of records) if (r.kind === 'feedback') verdicts.set(r.id, { value: r.value, reason: r.reason ?? (r.value === 'down' ? verdicts.get(r.id)?.reason : undefined) });
  const reasons = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r, 0])) as Record<FeedbackReason, number>;
  for (const v of verdicts.values()) if (v.reason) reasons[v.reason]++;
  return {
    since: since.toISOString(),
    questions: questions.length,
    answered,
    declined,
    errors: count('error'),
    rateLimited: count('rate-limited'),
    answerRate: answered + declined ? answered / (answered + declined) : 0,
    p95Ms: times.length ? times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] : 0,
    users: new Set(questions.map((q) => q.user).filter(Boolean)).size,
    perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, ...d })),
    feedback: {
      up: [...verdicts.values()].filter((v) => v.value === 'up').length,
      down: [...verdicts.values()].filter((v) => v.value === 'down').length,
      reasons,
    },
    unanswered: groupQuestions(questions.filter((q) => q.outcome === 'declined').map((q) => q.question)).slice(0, shown),
  };
}

/** Questions grouped by similar wording, the commonest first, each shown as its commonest wording. */
export function groupQuestions(asked: readonly string[]): { question: string; count: number }[] {
  const wordings = new Map<string, { question: string; count: number; stems: Set<string> }>();
  for (const raw of asked) {
    const question = raw.replace(/\s+/g, ' ').trim();
    const key = question.toLowerCase();
    const w = wordings.get(key) ?? { question, count: 0, stems: stemsOf(question) };
    w.count++;
    wordings.set(key, w);
  }
  const groups: { question: string; count: number; stems: Set<string> }[] = [];
  // stable: among wordings asked as often, the one asked first stands for the group
  for (const w of [...wordings.values()].sort((a, b) => b.count - a.count)) {
    const group = groups.find((g) => jaccard(g.stems, w.stems) >= SAME_QUESTION);
    if (group) group.count += w.count;
    else groups.push({ ...w });
  }
  return groups.sort((a, b) => b.count - a.count).map(({ question, count }) => ({ question, count }));
}

function stemsOf(question: string): Set<string> {
  return new Set(analyze(question, detectLang(question)).filter((t) => !isPrefixTerm(t)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** «7d», «24h», «30d» → the moment that long ago; an ISO date as itself. */
export function parseSince(value: string, now = new Date()): Date | null {
  const m = /^(\d+)([dh])$/.exec(value.trim());
  if (m) return new Date(now.getTime() - Number(m[1]) * (m[2] === 'd' ? 86_400_000 : 3_600_000));
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}
