// An optional short summary before the excerpts, written by an OpenAI-compatible chat API (LLM_BASE_URL).
// The model sees only the numbered excerpts; its text is kept only if it passes checks against them: every
// sentence cites an excerpt that exists, every number it states stands in the excerpts it cites, and it speaks
// the question's language. Anything else (refusal, timeout, error, a failed check) means no summary.
import { detectLang, type Lang } from '../text/lang.ts';
import { sentenceSpans } from '../text/sentences.ts';
import type { Citation } from './compose.ts';

export interface SummaryConfig {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

export const MAX_SUMMARY = 600;
const LANGUAGE: Record<Lang, string> = { kk: 'Kazakh', ru: 'Russian' };

export function summaryPrompt(question: string, lang: Lang, citations: Citation[]): { role: string; content: string }[] {
  const excerpts = citations.map((c) => `[${c.n}] ${c.excerpt}`).join('\n\n');
  return [
    {
      role: 'system',
      content:
        `You answer questions about regional governance in Kazakhstan using only the numbered excerpts given. ` +
        `Write 1 to 3 short sentences in ${LANGUAGE[lang]}. End every sentence with the numbers of the excerpts it ` +
        `relies on, like [1] or [1][2]. Use no fact, name or number that is not in those excerpts. If the excerpts ` +
        `do not answer the question, reply with exactly NONE.`,
    },
    { role: 'user', content: `Excerpts:\n\n${excerpts}\n\nQuestion: ${question}` },
  ];
}

/** The reasons a summary is refused, or an empty list when it may be shown. */
export function checkSummary(summary: string, lang: Lang, citations: Citation[]): string[] {
  const problems: string[] = [];
  if (!summary || summary.length > MAX_SUMMARY) problems.push('empty or too long');
  const byN = new Map(citations.map((c) => [c.n, c]));
  for (const span of sentenceSpans(summary)) {
    const sentence = summary.slice(span.start, span.end);
    const cited = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    if (cited.length === 0) {
      if (/[\p{L}\p{N}]/u.test(sentence)) problems.push(`uncited sentence: ${sentence.slice(0, 60)}`);
      continue;
    }
    const sources = cited.map((n) => byN.get(n));
    if (sources.some((c) => !c)) {
      problems.push(`cites a missing excerpt: ${cited.join(',')}`);
      continue;
    }
    const text = sources.map((c) => c!.excerpt).join(' ').replace(/\s+/g, '');
    for (const number of sentence.replace(/\[\d+\]/g, '').match(/\d[\d\s.,]*\d|\d/g) ?? []) {
      if (!text.includes(number.replace(/\s+/g, ''))) problems.push(`number not in its excerpts: ${number}`);
    }
  }
  if (detectLang(summary.replace(/\[\d+\]/g, ''), lang) !== lang) problems.push('wrong language');
  return problems;
}

export class Summarizer {
  constructor(
    private readonly config: SummaryConfig,
    private readonly onRefused: (why: string) => void = () => {},
  ) {}

  async summarize(question: string, lang: Lang, citations: Citation[]): Promise<string | null> {
    if (citations.length === 0) return null;
    try {
      const response = await fetch(`${this.config.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.config.model, temperature: 0, max_tokens: 300, messages: summaryPrompt(question, lang, citations) }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { choices?: { message?: { content?: string } }[] };
      const summary = body.choices?.[0]?.message?.content?.trim() ?? '';
      if (!summary || summary === 'NONE') return null;
      const problems = checkSummary(summary, lang, citations);
      if (problems.length) {
        this.onRefused(problems.join('; '));
        return null;
      }
      return summary;
    } catch (err) {
      this.onRefused(`summary unavailable: ${(err as Error).message}`);
      return null;
    }
  }
}
