// Admin actions: /stats, /reindex (in the background, progress edited in place) and adding a .txt/.md
// document to the corpus. Anyone else gets a polite refusal and nothing runs.
import { rename, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Composer, type Context } from 'grammy';
import type { Stage } from '../../index/build.ts';
import type { BuildReport } from '../../index/types.ts';
import { ReindexBusy } from '../../live.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml } from '../format.ts';
import { texts, userLang, type Texts } from '../texts.ts';

export const MAX_UPLOAD_MB = 2;
/** at most one progress edit this often: Telegram answers 429 to faster edits */
const EDIT_EVERY_MS = 3000;

const lang = (ctx: Context) => userLang(ctx.from?.language_code);

function reportLine(r: BuildReport): string {
  const pending = r.pending ? `; ${r.pending} without vectors (model not loaded)` : '';
  return `+${r.added} ~${r.updated} −${r.removed} =${r.unchanged}; ${r.chunks} chunks${pending}${r.skipped.length ? `; ${r.skipped.length} skipped` : ''}`;
}

function uptime(ms: number): string {
  const m = Math.floor(ms / 60000);
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** A safe file name: the base name only, no leading dot, letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string | null {
  const base = path.basename(name.replace(/\\/g, '/')).normalize('NFC');
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '').slice(0, 120);
  const ext = path.extname(clean).toLowerCase();
  return clean && (ext === '.txt' || ext === '.md') ? clean : null;
}

export function adminFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const guard = (ctx: Context) => deps.isAdmin(ctx.from?.id);
  const refuse = (ctx: Context) => ctx.reply(texts(lang(ctx)).notAdmin);

  feature.command('stats', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    const { engine } = deps.live;
    await ctx.reply(texts(lang(ctx)).stats({
      docs: Object.keys(engine.manifest.docs).length,
      chunks: engine.chunks.length,
      dense: engine.dense,
      model: escapeHtml(engine.manifest.model?.name ?? ''),
      builtAt: engine.manifest.createdAt.replace('T', ' ').slice(0, 16) + ' UTC',
      questions: deps.questions,
      uptime: uptime(Date.now() - deps.startedAt),
      reindexing: deps.live.reindexing,
    }));
  });

  feature.command('reindex', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    await startReindex(ctx, deps, texts(lang(ctx)));
  });

  feature.on('message:document', async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    if (!guard(ctx)) return refuse(ctx);
    const say = texts(lang(ctx));
    const doc = ctx.message.document;
    const name = safeFileName(doc.file_name ?? '');
    if (!name) return ctx.reply(say.docRejected(say.docTypes));
    if ((doc.file_size ?? 0) > MAX_UPLOAD_MB * 1024 * 1024) return ctx.reply(say.docRejected(say.docTooBig(MAX_UPLOAD_MB)));
    const file = await ctx.getFile();
    const root = deps.config.telegramApiRoot ?? 'https://api.telegram.org';
    const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.byteLength > MAX_UPLOAD_MB * 1024 * 1024) return ctx.reply(say.docRejected(say.docTooBig(MAX_UPLOAD_MB)));
    let text: string;
    try {
      if (bytes.includes(0)) throw new Error('binary');
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return ctx.reply(say.docRejected(say.docNotUtf8));
    }
    if (!text.trim()) return ctx.reply(say.docRejected(say.docEmpty));
    const target = path.join(deps.config.corpusDir, name);
    const existed = await stat(target).then(() => true, () => false);
    const tmp = `${target}.${process.pid}.upload`;
    await writeFile(tmp, text);
    await rename(tmp, target); // a half-written upload never becomes a corpus document
    deps.log.info('document added to the corpus', { file: name, by: ctx.from.id, bytes: bytes.byteLength });
    await ctx.reply(say.docSaved(escapeHtml(name), existed));
    await startReindex(ctx, deps, say);
  });

  return feature;
}

/** Starts a reindex in the background and edits one progress message in place until it is done. */
async function startReindex(ctx: Context, deps: BotDeps, say: Texts): Promise<void> {
  if (deps.live.reindexing) {
    await ctx.reply(say.reindexBusy);
    return;
  }
  const status = await ctx.reply(say.reindexStarted);
  const chatId = status.chat.id;
  let lastEdit = 0;
  let lastText = say.reindexStarted;
  const edit = async (text: string, force = false) => {
    const now = Date.now();
    if (text === lastText || (!force && now - lastEdit < EDIT_EVERY_MS)) return;
    lastEdit = now;
    lastText = text;
    await ctx.api.editMessageText(chatId, status.message_id, text).catch((err) => deps.log.warn('progress edit failed', { err }));
  };
  const onProgress = (stage: Stage, done: number, total: number) => {
    void edit(say.reindexProgress(say.stages[stage] ?? stage, Math.round((100 * done) / Math.max(total, 1))));
  };
  deps.inBackground(
    deps.live.reindex(onProgress).then(
      (report) => {
        deps.log.info('reindex done', { ...report, skipped: report.skipped.length });
        return edit(escapeHtml(say.reindexDone(reportLine(report))), true);
      },
      (err) => {
        if (err instanceof ReindexBusy) return edit(say.reindexBusy, true);
        deps.log.error('reindex failed', { err });
        return edit(escapeHtml(say.reindexFailed(String(err?.message ?? err).split('\n')[0])), true);
      },
    ),
  );
}
