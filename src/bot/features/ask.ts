// Questions: any text in a private chat, /ask in groups (see commands.ts), and replies to the bot's own
// messages in groups; plus the buttons under an answer (full passage, more sources).
import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Answer } from '../../answer/compose.ts';
import { detectLang } from '../../text/lang.ts';
import { separateQuestions } from '../../text/questions.ts';
import type { BotDeps, RecentAnswer } from '../deps.ts';
import { answerBlocks, citationHtml, escapeHtml, passageHtml, splitMessages } from '../format.ts';
import { texts, userLang } from '../texts.ts';
import { messages } from '../../answer/messages.ts';
import { afterQuestion, earlierQuestions } from '../../answer/conversation.ts';
import { FEEDBACK_REASONS, type FeedbackReason } from '../../insights/questions.ts';

export const MAX_QUESTION = 1000;
const FIRST = 3;
const MORE = 5;

/** Feedback buttons: 👍 👎 under every answer; after 👎, the reasons to choose from. */
type FeedbackData = `fb:${string}:${'up' | 'down'}` | `fr:${string}:${FeedbackReason}`;
const feedbackData = (data: FeedbackData) => data;

function keyboard(id: string, answer: Answer, from = 0, reasons = false): InlineKeyboard {
  const say = texts(answer.lang);
  const rows: InlineKeyboardButton[][] = [];
  if (answer.answered) {
    for (const c of answer.citations.slice(from)) rows.push([InlineKeyboard.text(`📄 ${say.passage} [${c.n}]`, `full:${id}:${c.n}`)]);
    if (from === 0) rows.push([InlineKeyboard.text(`➕ ${say.more}`, `more:${id}`)]);
  }
  // declined: the passages nearest the question, on request
  else if (from === 0 && answer.nearest?.length) rows.push([InlineKeyboard.text(`🔎 ${say.nearest}`, `near:${id}`)]);
  if (from === 0) {
    if (reasons) for (const r of FEEDBACK_REASONS) rows.push([InlineKeyboard.text(say.feedbackReasons[r], feedbackData(`fr:${id}:${r}`))]);
    else rows.push([InlineKeyboard.text('👍', feedbackData(`fb:${id}:up`)), InlineKeyboard.text('👎', feedbackData(`fb:${id}:down`))]);
  }
  return InlineKeyboard.from(rows);
}

/** What an answer's buttons are drawn from, rebuilt from the kept entry when one of them is pressed. */
const shownAnswer = (entry: RecentAnswer, lang: Answer['lang']) =>
  ({ answered: entry.citations.length > 0, lang, citations: entry.citations.slice(0, FIRST), nearest: entry.nearest }) as Answer;

/** The answer's buttons once feedback is given: the feedback row goes. */
const withoutFeedback = (id: string, answer: Answer) => InlineKeyboard.from(keyboard(id, answer).inline_keyboard.slice(0, -1));

/** Where a chat's conversation is kept: the chat in private, the user within the chat in a group. */
const conversationKey = (ctx: Context) => (ctx.chat?.type === 'private' ? `${ctx.chat.id}` : `${ctx.chat?.id}:${ctx.from?.id}`);

/** In groups a reply answers the asking message (kept if it was deleted meanwhile); in private chats it need not. */
const replyTo = (ctx: Context) => (ctx.chat?.type !== 'private' && ctx.msg ? { message_id: ctx.msg.message_id, allow_sending_without_reply: true } : undefined);

/**
 * Answers `raw` in the chat of `ctx`, as a reply to the asking message in groups. `followUp`: the message may
 * lean on the conversation before it (private chats, and replies to the bot in groups; not a fresh /ask).
 */
export async function replyWithAnswer(ctx: Context, deps: BotDeps, raw: string, followUp = true): Promise<void> {
  // two or three questions in one message are answered one after the other, each a turn of the conversation
  const questions = separateQuestions(raw);
  if (questions.length > 1) {
    for (const [i, q] of questions.entries()) await replyWithAnswer(ctx, deps, q, followUp || i > 0);
    return;
  }
  const hint = userLang(ctx.from?.language_code);
  const lang = detectLang(raw, hint);
  const question = raw.trim();
  if (!question) {
    await ctx.reply(texts(lang).askUsage);
    return;
  }
  const truncated = question.length > MAX_QUESTION;
  const asked = question.slice(0, MAX_QUESTION);
  const started = performance.now();
  await ctx.replyWithChatAction('typing').catch(() => {}); // cosmetic: never let it fail a reply
  const key = conversationKey(ctx);
  const state = followUp ? await Promise.resolve(deps.conversations.read(key)).catch(() => undefined) : undefined;
  const earlier = earlierQuestions(state);
  const answer = await deps.live.answerer.ask(asked, { excerpts: FIRST }, hint, earlier);
  if (answer.smallTalk) {
    // a hello or a thank-you: replied in kind, and neither a question for the log nor a turn of the conversation
    await ctx.reply(answer.answer, { reply_parameters: replyTo(ctx) });
    return;
  }
  deps.questions++;
  const logId = deps.questionLog.record({
    question: asked, lang: answer.lang, channel: ctx.chat?.type === 'private' ? 'private' : 'group', outcome: answer.answered ? 'answered' : 'declined',
    docs: answer.citations.map((c) => c.docId), ms: Math.round(performance.now() - started), followUp: answer.followsUp, userId: ctx.from?.id,
  });
  // a conversation store that fails costs the next follow-up, never this answer
  await Promise.resolve(deps.conversations.write(key, afterQuestion(state, asked, answer.followsUp))).catch((err) => deps.log.warn('conversation not kept', { err }));
  const id = deps.answers.put({ question: asked, lang: answer.lang, citations: answer.citations, earlier: answer.followsUp ? earlier : [], logId, ...(answer.nearest && { nearest: answer.nearest }) });
  const blocks = answerBlocks(answer);
  if (truncated) blocks.unshift(`<i>${messages(answer.lang).truncated(MAX_QUESTION)}</i>`);
  const parts = splitMessages(blocks);
  for (let i = 0; i < parts.length; i++) {
    await ctx.reply(parts[i], {
      link_preview_options: { is_disabled: true },
      reply_markup: i === parts.length - 1 ? keyboard(id, answer) : undefined,
      reply_parameters: replyTo(ctx),
    });
  }
}

export function askFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();

  feature.chatType('private').on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    await replyWithAnswer(ctx, deps, ctx.message.text);
  });

  // In groups the bot hears only commands and replies to itself (privacy mode): a reply to it is a question.
  feature.chatType(['group', 'supergroup']).on('message:text', async (ctx, next) => {
    if (ctx.message.reply_to_message?.from?.id !== ctx.me.id || ctx.message.text.startsWith('/')) return next();
    await replyWithAnswer(ctx, deps, ctx.message.text);
  });

  feature.callbackQuery(/^full:(\w+):(\d+)$/, async (ctx) => {
    const entry = deps.answers.get(ctx.match[1]);
    const citation = entry?.citations[Number(ctx.match[2]) - 1];
    const chunk = citation && deps.live.engine.chunk(citation.chunkId);
    const lang = entry?.lang ?? userLang(ctx.from.language_code);
    if (!citation || !chunk) return void (await ctx.answerCallbackQuery({ text: texts(lang).expired, show_alert: true }));
    await ctx.answerCallbackQuery();
    for (const part of splitMessages([passageHtml(citation, chunk.text, citation.start - chunk.start)])) await ctx.reply(part);
  });

  // 👍 / 👎: acknowledged at once and logged; a 👎 turns the buttons into the reasons to choose from
  feature.callbackQuery(/^fb:([\w-]+):(up|down)$/, async (ctx) => {
    const entry = deps.answers.get(ctx.match[1]);
    const lang = entry?.lang ?? userLang(ctx.from.language_code);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: texts(lang).expired }));
    const value = ctx.match[2] as 'up' | 'down';
    deps.questionLog.feedback(entry.logId, value);
    await ctx.answerCallbackQuery({ text: texts(lang).feedbackThanks });
    const answer = shownAnswer(entry, lang);
    const markup = value === 'down' ? keyboard(ctx.match[1], answer, 0, true) : withoutFeedback(ctx.match[1], answer);
    await ctx.editMessageReplyMarkup({ reply_markup: markup }).catch(() => {});
  });

  feature.callbackQuery(/^fr:([\w-]+):(\w+)$/, async (ctx) => {
    const entry = deps.answers.get(ctx.match[1]);
    const lang = entry?.lang ?? userLang(ctx.from.language_code);
    const reason = FEEDBACK_REASONS.find((r) => r === ctx.match[2]);
    if (!entry || !reason) return void (await ctx.answerCallbackQuery({ text: texts(lang).expired }));
    deps.questionLog.feedback(entry.logId, 'down', reason);
    await ctx.answerCallbackQuery({ text: texts(lang).feedbackThanks });
    const answer = shownAnswer(entry, lang);
    await ctx.editMessageReplyMarkup({ reply_markup: withoutFeedback(ctx.match[1], answer) }).catch(() => {});
  });

  // a declined question's nearest passages, said to be no answer
  feature.callbackQuery(/^near:(\w+)$/, async (ctx) => {
    const entry = deps.answers.get(ctx.match[1]);
    if (!entry?.nearest?.length) return void (await ctx.answerCallbackQuery({ text: texts(entry?.lang ?? userLang(ctx.from.language_code)).expired, show_alert: true }));
    await ctx.answerCallbackQuery();
    const parts = splitMessages([`<i>${escapeHtml(texts(entry.lang).nearestIntro)}</i>`, ...entry.nearest.map((c) => citationHtml(c, entry.lang))]);
    for (const part of parts) await ctx.reply(part, { link_preview_options: { is_disabled: true } });
  });

  feature.callbackQuery(/^more:(\w+)$/, async (ctx) => {
    const id = ctx.match[1];
    const entry = deps.answers.get(id);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: texts(userLang(ctx.from.language_code)).expired, show_alert: true }));
    const answer = await deps.live.answerer.ask(entry.question, { excerpts: FIRST + MORE, summary: false }, entry.lang, entry.earlier);
    const extra = answer.citations.slice(FIRST);
    if (!answer.answered || extra.length === 0) return void (await ctx.answerCallbackQuery({ text: texts(entry.lang).noMore }));
    await ctx.answerCallbackQuery();
    entry.citations = answer.citations; // the full-passage buttons of the new message point into this list
    const parts = splitMessages(extra.map((c) => citationHtml(c, answer.lang)));
    for (let i = 0; i < parts.length; i++) {
      await ctx.reply(parts[i], { link_preview_options: { is_disabled: true }, reply_markup: i === parts.length - 1 ? keyboard(id, answer, FIRST) : undefined });
    }
  });

  return feature;
}
