// Admin actions: /stats, /reindex (in the background, progress edited in place), and adding a document (a file
// sent to the bot, or /add URL) to the corpus: read, saved, indexed, then one reply. Anyone else gets a polite
// refusal and nothing runs.
import { Composer, type Context } from 'grammy';
import { AddError, addToCorpus, FetchError, fromUrl, safeFileName, type Incoming } from '../../corpus/add.ts';
import { describeProblem, type ProblemError } from '../../corpus/problems.ts';
import { readerFor } from '../../corpus/readers/index.ts';
import { buildReport, parseSince } from '../../insights/report.ts';
import type { Stage } from '../../index/build.ts';
import type { BuildReport } from '../../index/types.ts';
import { ReindexBusy } from '../../live.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml } from '../format.ts';
import { texts, userLang, type Texts } from '../texts.ts';

/** the period /stats and /unanswered look back over */
const REPORT_DAYS = 7;
/** Telegram's limit on files a bot may download */
export const MAX_UPLOAD_MB = 20;
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

export function adminFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const guard = (ctx: Context) => deps.isAdmin(ctx.from?.id);
  const refuse = (ctx: Context) => ctx.reply(texts(lang(ctx)).notAdmin);

  feature.command('stats', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    const { engine } = deps.live;
    await ctx.reply(texts(lang(ctx)).stats({
      docs: engine.documents().length,
      chunks: engine.chunks.length,
      dense: engine.dense,
      model: escapeHtml(engine.modelName ?? ''),
      builtAt: engine.builtAt.replace('T', ' ').slice(0, 16) + ' UTC',
      questions: deps.questions,
      uptime: uptime(Date.now() - deps.startedAt),
      reindexing: deps.live.reindexing,
    }) + (await logStats(deps, texts(lang(ctx)))));
  });

  feature.command('unanswered', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    const say = texts(lang(ctx));
    const since = parseSince(`${REPORT_DAYS}d`)!;
    const report = buildReport(await deps.questionLog.read(since), since);
    const lines = report.unanswered.map((u) => `${u.count}× ${escapeHtml(u.question)}`).join('\n');
    await ctx.reply(say.unanswered(REPORT_DAYS, lines));
  });

  feature.command('reindex', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    await startReindex(ctx, deps, texts(lang(ctx)));
  });

  feature.command('add', async (ctx) => {
    if (!guard(ctx)) return refuse(ctx);
    const say = texts(lang(ctx));
    const url = ctx.match.trim();
    if (!url) return ctx.reply(say.addUsage);
    await ctx.replyWithChatAction('typing');
    deps.inBackground(addAndIndex(ctx, deps, say, () => fromUrl(url, { allowPrivate: deps.config.allowPrivateUrls }), url));
  });

  feature.on('message:document', async (ctx, next) => {
    if (ctx.chat.type !== 'private') return next();
    if (!guard(ctx)) return refuse(ctx);
    const say = texts(lang(ctx));
    const doc = ctx.message.document;
    const name = safeFileName(doc.file_name ?? '');
    if (!name) return ctx.reply(say.docRejected(say.docTypes));
    const limit = Math.min(MAX_UPLOAD_MB * 2 ** 20, readerFor(name)!.maxBytes);
    if ((doc.file_size ?? 0) > limit) return ctx.reply(say.docRejected(say.docTooBig(limit / 2 ** 20)));
    await ctx.replyWithChatAction('typing');
    const download = async (): Promise<Incoming> => {
      const file = await ctx.getFile();
      const root = deps.config.telegramApiRoot ?? 'https://api.telegram.org';
      const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`);
      if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > limit) throw new AddError({ code: 'tooLarge', mb: bytes.byteLength / 2 ** 20, limitMb: limit / 2 ** 20 });
      return { name, bytes };
    };
    deps.inBackground(addAndIndex(ctx, deps, say, download, doc.file_name ?? name));
  });

  return feature;
}

/**
 * Adds one document and reindexes (after any build already running), then answers once: «added: title, N
 * passages», or why not. Runs in the background: reading a scanned PDF takes seconds a page.
 */
async function addAndIndex(ctx: Context, deps: BotDeps, say: Texts, get: () => Promise<Incoming>, input: string): Promise<void> {
  const reply = (text: string) => ctx.reply(text).then(() => {}, (err) => deps.log.warn('reply failed', { err }));
  let added;
  try {
    const incoming = await get();
    added = await deps.live.documents.edit((dir) => addToCorpus(dir, incoming, { cacheDir: deps.live.cacheDir }));
  } catch (err) {
    if (err instanceof AddError || err instanceof FetchError) {
      deps.log.info('document refused', { input, by: ctx.from?.id, why: err.message });
      return reply(say.docRejected(escapeHtml(whyNot(say, err))));
    }
    // the system said no (disk full, …): nothing was kept (writes are atomic); the admin hears it in one line
    deps.log.error('adding a document failed', { input, err });
    const code = (err as NodeJS.ErrnoException)?.code;
    return reply(code ? say.docRejected(escapeHtml(String((err as Error).message).split('\n')[0])) : say.error);
  }
  deps.log.info('document added to the corpus', { input, file: added.file, by: ctx.from?.id, replaced: added.replaced });
  try {
    const report = await deps.live.reindexWhenFree();
    const indexed = deps.live.engine.doc(added.file);
    if (!indexed) {
      const skipped = report.skipped.find((s) => s.path === added.file);
      const why = skipped?.problem ? describeProblem(say.problems, skipped.problem) : (skipped?.reason ?? 'not indexed');
      return reply(say.docRejected(escapeHtml(why)));
    }
    const partly = added.warnings.length ? `\n${escapeHtml(added.warnings.map((w) => describeProblem(say.problems, w)).join('\n'))}` : '';
    await reply(say.docAdded(escapeHtml(indexed.title), indexed.count, added.replaced) + partly);
  } catch (err) {
    deps.log.error('reindex after an upload failed', { err });
    await reply(escapeHtml(say.reindexFailed(String((err as Error)?.message ?? err).split('\n')[0])));
  }
}

/** Why a document was refused, and what the reader noted alongside, in the admin's language. */
function whyNot(say: Texts, err: ProblemError): string {
  return [err.problem, ...err.notes].map((p) => describeProblem(say.problems, p)).join(': ');
}

/** The question log's week, as /stats adds it; nothing when the log cannot be read. */
async function logStats(deps: BotDeps, say: Texts): Promise<string> {
  try {
    const since = parseSince(`${REPORT_DAYS}d`)!;
    const r = buildReport(await deps.questionLog.read(since), since);
    return say.statsLog({
      days: REPORT_DAYS, questions: r.questions, perDay: r.perDay.map((d) => `${d.day.slice(5)}: ${d.questions}`).join(', '),
      answerRate: `${Math.round(100 * r.answerRate)}%`, p95: r.p95Ms, up: r.feedback.up, down: r.feedback.down,
    });
  } catch (err) {
    deps.log.warn('question log unreadable', { err });
    return '';
  }
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
