// Inline mode: «@bot question» in any chat returns up to 10 articles, one cited excerpt each, well inside
// Telegram's answer deadline; two or three questions at once, each its own articles.
import { createHash } from 'node:crypto';
import { Composer, InlineQueryResultBuilder, type Context } from 'grammy';
import type { Answer } from '../../answer/compose.ts';
import { sourceLabel } from '../../answer/compose.ts';
import type { BotDeps } from '../deps.ts';
import { citationHtml, escapeHtml } from '../format.ts';
import { texts, userLang } from '../texts.ts';
import { MAX_QUESTION } from './ask.ts';
import { Lru } from '../../lru.ts';
import { separateQuestions } from '../../text/questions.ts';

/** Telegram drops an inline answer that comes later than this; keep well inside it. */
const BUDGET_MS = 1500;
const CACHE_SECONDS = 300;
/** results of one inline answer (Telegram shows a list; ten cited excerpts are plenty to choose from) */
const MAX_RESULTS = 10;
/** inline answers remembered until a result of theirs is chosen (the question log needs their language and sources) */
const REMEMBERED = 1000;

// Telegram sends a query as it is typed: a query ending in «?» is taken as finished and logged when answered; any
// other is logged when the user picks one of its results (a chosen_inline_result, sent when inline feedback is on
// in @BotFather), so «@bot Алматы әкімі кім» is logged once, as sent, and its prefixes never.
const finished = (question: string) => /[?？]\s*$/.test(question);

function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function inlineFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const answered = new Lru<string, { lang: Answer['lang']; docs: string[]; ms: number }>(REMEMBERED);
  feature.on('chosen_inline_result', (ctx) => {
    const question = ctx.chosenInlineResult.query.trim().slice(0, MAX_QUESTION);
    const shown = answered.get(ctx.chosenInlineResult.result_id.replace(/-\d+$/, ''));
    if (finished(question) || !shown) return;
    deps.questionLog.record({ question, lang: shown.lang, channel: 'inline', outcome: 'answered', docs: shown.docs, ms: shown.ms, userId: ctx.from.id });
  });
  feature.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim().slice(0, MAX_QUESTION);
    const say = texts(userLang(ctx.from.language_code));
    if (!question) {
      return void (await ctx.answerInlineQuery([], { cache_time: CACHE_SECONDS, button: { text: say.inlineHelp, start_parameter: 'help' } }));
    }
    // «Кто аким Алматы? Сколько школ построят?»: each question answered on its own (text/questions.ts), its results
    // under its own heading, so that the one picked carries the question it answers
    const parts = separateQuestions(question);
    const lang = userLang(ctx.from.language_code);
    const started = performance.now();
    const excerpts = Math.max(1, Math.floor(MAX_RESULTS / parts.length));
    const answers = await within(Promise.all(parts.map((part) => deps.live.answerer.ask(part, { excerpts, summary: false }, lang))), BUDGET_MS);
    deps.questions += parts.length;
    const ms = Math.round(performance.now() - started);
    parts.forEach((part, i) => {
      if (!finished(part)) return;
      const answer = answers?.[i];
      deps.questionLog.record({
        question: part, lang: answer?.lang ?? lang, channel: 'inline', outcome: !answer ? 'error' : answer.answered ? 'answered' : 'declined',
        docs: answer?.citations.map((c) => c.docId) ?? [], ms, userId: ctx.from.id,
      });
    });
    const shown = parts.flatMap((part, i) => (answers?.[i]?.answered ? [{ part, answer: answers[i] }] : []));
    if (shown.length === 0) {
      const none = texts(answers?.[0]?.lang ?? lang).inlineNone;
      return void (await ctx.answerInlineQuery([], { cache_time: answers ? CACHE_SECONDS : 0, button: { text: none, start_parameter: 'help' } }));
    }
    const results = shown.flatMap(({ part, answer }) => {
      const key = createHash('sha1').update(part).digest('hex').slice(0, 16);
      answered.set(key, { lang: answer.lang, docs: answer.citations.map((c) => c.docId), ms });
      return answer.citations.map((c) =>
        InlineQueryResultBuilder.article(`${key}-${c.n}`, `${parts.length > 1 ? `${part} ` : ''}[${c.n}] ${sourceLabel(c)}`.slice(0, 200), { description: c.excerpt.slice(0, 200) })
          .text(`❓ <b>${escapeHtml(part)}</b>\n\n${citationHtml(c, answer.lang)}`, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
      );
    });
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS });
  });
  return feature;
}
