// The answer metrics of ../shared/eval/README.md, as the judges compute them from `govqa ask --json` output.
import { containsEvidence, mean } from './metrics.ts';

export interface AnswerQuestion {
  lang: string;
  question: string;
  evidence?: string | null;
  answers?: string[];
  answerable?: boolean;
}

export interface Reply {
  answered: boolean;
  lang: string;
  excerpts: string[];
  /** the sentence of each excerpt the bot sets in bold, when the system marks one */
  highlights?: string[];
}

/** The strings that show a question answered: its evidence (seeds) or any of its gold answers. */
export const goldOf = (q: AnswerQuestion): string[] => (q.evidence ? [q.evidence] : (q.answers ?? []));

/**
 * The answer inside one of the first 3 excerpts (each at most 600 characters) of an answer given, unanswerable
 * questions declined, the share of all questions handled right, and the reply language; then what a reader sees
 * first: the answer inside the first excerpt, and inside its sentence in bold (when the system marks one).
 */
export async function scoreAnswers(questions: AnswerQuestion[], ask: (q: string) => Promise<Reply>): Promise<Record<string, number>> {
  const hits: number[] = [];
  const declined: number[] = [];
  const langOk: number[] = [];
  const first: number[] = [];
  const bold: number[] = [];
  for (const q of questions) {
    const a = await ask(q.question);
    langOk.push(a.lang === q.lang ? 1 : 0);
    if (q.answerable === false) {
      declined.push(a.answered ? 0 : 1);
      continue;
    }
    const holds = (e: string | undefined) => a.answered && e !== undefined && e.length <= 600 && goldOf(q).some((g) => containsEvidence(e, g));
    hits.push(a.excerpts.slice(0, 3).some(holds) ? 1 : 0);
    first.push(holds(a.excerpts[0]) ? 1 : 0);
    if (a.highlights) bold.push(holds(a.highlights[0]) ? 1 : 0);
  }
  // a set without unanswerable questions has no decline figure (printed as «-»), not a zero
  return {
    'answer in first 3 excerpts': mean(hits),
    ...(declined.length ? { 'unanswerable declined': mean(declined) } : {}),
    'all handled right': mean([...hits, ...declined]),
    'reply language': mean(langOk),
    'answer in the first excerpt': mean(first),
    ...(bold.length ? { 'in its sentence in bold': mean(bold) } : {}),
  };
}
