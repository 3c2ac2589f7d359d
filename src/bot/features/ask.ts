// Questions: any text in a private chat, /ask in groups (see commands.ts), and replies to the bot's own
// messages in groups; plus the buttons under an answer (full passage, more sources).
import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Answer } from '../../answer/compose.ts';
import { detectLang } from '../../text/lang.ts';
import type { BotDeps } from '../deps.ts';
import { answerBlocks, citationHtml, passageHtml, splitMessages } from '../format.ts';
import { texts, userLang } from '../texts.ts';
import { messages } from '../../answer/messages.ts';

export const MAX_QUESTION = 1000;
const FIRST = 3;
const MORE = 5;

function keyboard(id: string, answer: Answer, from = 0): InlineKeyboard | undefined {
  if (!answer.answered) return undefined;
  const say = texts(answer.lang);
  const kb = new InlineKeyboard();
  for (const c of answer.citations.slice(from)) kb.text(`📄 ${say.passage} [${c.n}]`, `full:${id}:${c.n}`).row();
  if (from === 0) kb.text(`➕ ${say.more}`, `more:${id}`);
  return kb;
}

/** Answers `raw` in the chat of `ctx`, as a reply to the asking message in groups. */
export async function replyWithAnswer(ctx: Context, deps: BotDeps, raw: string): Promise<void> {
  const hint = userLang(ctx.from?.language_code);
  const lang = detectLang(raw, hint);
  const question = raw.trim();
  if (!question) {
    await ctx.reply(texts(lang).askUsage);
    return;
  }
  const truncated = question.length > MAX_QUESTION;
  await ctx.replyWithChatAction('typing').catch(() => {}); // cosmetic: never let it fail a reply
  const answer = await deps.live.answerer.ask(question.slice(0, MAX_QUESTION), { excerpts: FIRST }, hint);
  deps.questions++;
  const id = deps.answers.put({ question: question.slice(0, MAX_QUESTION), lang: answer.lang, citations: answer.citations });
  const blocks = answerBlocks(answer);
  if (truncated) blocks.unshift(`<i>${messages(answer.lang).truncated(MAX_QUESTION)}</i>`);
  const parts = splitMessages(blocks);
  const group = ctx.chat?.type !== 'private';
  for (let i = 0; i < parts.length; i++) {
    await ctx.reply(parts[i], {
      link_preview_options: { is_disabled: true },
      reply_markup: i === parts.length - 1 ? keyboard(id, answer) : undefined,
      reply_parameters: group && ctx.msg ? { message_id: ctx.msg.message_id, allow_sending_without_reply: true } : undefined,
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

  feature.callbackQuery(/^more:(\w+)$/, async (ctx) => {
    const id = ctx.match[1];
    const entry = deps.answers.get(id);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: texts(userLang(ctx.from.language_code)).expired, show_alert: true }));
    const answer = await deps.live.answerer.ask(entry.question, { excerpts: FIRST + MORE, summary: false }, entry.lang);
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
