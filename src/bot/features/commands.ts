// The public commands (/start, /help, /ask, /sources), defined once with their Kazakh and Russian menu texts
// through the commands plugin, which also publishes the menu (setMyCommands).
import { CommandGroup } from '@grammyjs/commands';
import type { Context } from 'grammy';
import { sourceLabel } from '../../answer/compose.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml, splitMessages } from '../format.ts';
import { COMMAND_DESCRIPTIONS, texts, userLang } from '../texts.ts';
import { replyWithAnswer } from './ask.ts';

const lang = (ctx: Context) => userLang(ctx.from?.language_code);
/** A text with the bot's @username filled in. */
export const withBot = (text: string, ctx: Context) => text.replaceAll('{bot}', ctx.me.username);

export function publicCommands(deps: BotDeps): CommandGroup<Context> {
  const group = new CommandGroup<Context>();
  const add = (name: keyof typeof COMMAND_DESCRIPTIONS, handler: (ctx: Context & { match: string }) => Promise<unknown>) =>
    group.command(name, COMMAND_DESCRIPTIONS[name].ru, handler).localize('kk', name, COMMAND_DESCRIPTIONS[name].kk);

  add('start', (ctx) => ctx.reply(withBot(texts(lang(ctx)).start, ctx)));
  add('help', (ctx) => ctx.reply(withBot(texts(lang(ctx)).help, ctx)));
  // /ask starts a conversation in a group; replies to the bot's answer continue it
  add('ask', (ctx) => replyWithAnswer(ctx, deps, ctx.match ?? '', ctx.chat?.type === 'private'));
  add('sources', async (ctx) => {
    const docs = deps.live.engine.documents();
    const lines = docs.map((d) => `• ${escapeHtml(sourceLabel(d))}${d.meta.source ? ` — <i>${escapeHtml(d.meta.source)}</i>` : ''}`);
    for (const part of splitMessages([texts(lang(ctx)).sources(docs.length), ...lines])) {
      await ctx.reply(part, { link_preview_options: { is_disabled: true } });
    }
  });
  return group;
}
