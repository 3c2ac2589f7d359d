// Inline mode: «@bot question» in any chat returns up to 10 articles, one cited excerpt each, well inside
// Telegram's answer deadline.
import { createHash } from 'node:crypto';
import { Composer, InlineQueryResultBuilder, type Context } from 'grammy';
import type { Answer } from '../../answer/compose.ts';
import { sourceLabel } from '../../answer/compose.ts';
import type { BotDeps } from '../deps.ts';
import { citationHtml, escapeHtml } from '../format.ts';
import { texts, userLang } from '../texts.ts';
import { MAX_QUESTION } from './ask.ts';
import { Lru } from '../../lru.ts';

/** Telegram drops an inline answer that comes later than this; keep well inside it. */
const BUDGET_MS = 1500;
const CACHE_SECONDS = 300;
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
    const started = performance.now();
    const answer: Answer | null = await within(deps.live.answerer.ask(question, { excerpts: 10, summary: false }, userLang(ctx.from.language_code)), BUDGET_MS);
    deps.questions++;
    const ms = Math.round(performance.now() - started);
    if (finished(question)) {
      deps.questionLog.record({
        question, lang: answer?.lang ?? userLang(ctx.from.language_code), channel: 'inline', outcome: !answer ? 'error' : answer.answered ? 'answered' : 'declined',
        docs: answer?.citations.map((c) => c.docId) ?? [], ms, userId: ctx.from.id,
      });
    }
    if (!answer || !answer.answered) {
      const none = texts(answer?.lang ?? userLang(ctx.from.language_code)).inlineNone;
      return void (await ctx.answerInlineQuery([], { cache_time: answer ? CACHE_SECONDS : 0, button: { text: none, start_parameter: 'help' } }));
    }
    const key = createHash('sha1').update(question).digest('hex').slice(0, 16);
    answered.set(key, { lang: answer.lang, docs: answer.citations.map((c) => c.docId), ms });
    const results = answer.citations.map((c) =>
      InlineQueryResultBuilder.article(`${key}-${c.n}`, `[${c.n}] ${sourceLabel(c)}`.slice(0, 200), { description: c.excerpt.slice(0, 200) })
        .text(`❓ <b>${escapeHtml(question)}</b>\n\n${citationHtml(c, answer.lang)}`, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
    );
    await ctx.answerInlineQuery(results, { cache_time: CACHE_SECONDS });
  });
  return feature;
}
