import { describeProblem, type DocProblem } from '../../src/corpus/problems.ts';
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { buildIndex } from '../../src/index/build.ts';
import path from 'node:path';
import { GrammyError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/answer/messages.ts';
import { TEXTS } from '../../src/bot/texts.ts';
import { cp1251, haveFont, makeDocx, makeHtml, makePdf } from '../fixtures/documents.ts';
import { answerBlocks, escapeHtml, excerptHtml, splitMessages } from '../../src/bot/format.ts';
import { createLogger } from '../../src/log.ts';
import { tempDir } from '../helpers/tmp.ts';
import {
  ADMIN, callback, chosenInline, document, groupText, inlineQuery, makeHarness, privateText, sent, TOKEN, USER, type Harness,
} from '../helpers/bot.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});

describe('private chat', () => {
  it('answers any text with cited excerpts in HTML, typing first, buttons under it', async () => {
    const calls = await h.send(privateText('Какая средняя зарплата в Наурызбайском районе?'));
    expect(calls[0].method).toBe('sendChatAction');
    expect(calls[0].payload.action).toBe('typing');
    const [reply] = sent(calls);
    expect(reply.payload.parse_mode).toBe('HTML');
    expect(reply.payload.text).toContain(`<b>${MESSAGES.ru.intro}</b>`);
    const first = reply.payload.text.split('<b>[2]</b>')[0];
    expect(first).toMatch(/<b>\[1\]<\/b> <i>[^<]+<\/i>\n<blockquote>[^]+<\/blockquote>/); // source, then the verbatim excerpt as a quote block
    expect(first).toContain('126 тысяч');
    expect(reply.payload.text.length).toBeLessThan(4096);
    const buttons = reply.payload.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data);
    expect(buttons).toContain(buttons.find((d: string) => /^full:\w+:1$/.test(d)));
    expect(buttons.some((d: string) => /^more:\w+$/.test(d))).toBe(true);
  });

  it('replies in Kazakh to a Kazakh question', async () => {
    const [reply] = sent(await h.send(privateText('Түркістан облысында неше бастауыш партия ұйымы бар?')));
    expect(reply.payload.text).toContain(MESSAGES.kk.intro);
    expect(reply.payload.text).toContain('242 бастауыш партия ұйымдарын');
  });

  it('answers two questions of one message one after the other, each with its own sources', async () => {
    const replies = sent(await h.send(privateText('Какая средняя зарплата в Наурызбайском районе? И сколько школ нужно построить в Алматы?')));
    expect(replies).toHaveLength(2);
    expect(replies[0].payload.text).toContain('126 тысяч');
    expect(replies[1].payload.text).toContain('500 школ');
  });

  it('declines in one sentence, with the nearest passages on request, said to be no answer, and the feedback buttons', async () => {
    const [reply] = sent(await h.send(privateText('Какой курс доллара сегодня?')));
    expect(reply.payload.text).toBe(MESSAGES.ru.decline);
    const rows = reply.payload.reply_markup.inline_keyboard as { text: string; callback_data: string }[][];
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([[`🔎 ${TEXTS.ru.nearest}`], ['👍', '👎']]);
    const near = sent(await h.send(callback(rows[0][0].callback_data)));
    expect(near[0].payload.text.startsWith(`<i>${TEXTS.ru.nearestIntro}</i>\n\n<b>[1]</b>`)).toBe(true);
    // a place the sources never name has no passage near it worth showing: its own refusal, only the feedback buttons
    const [elsewhere] = sent(await h.send(privateText('Сколько человек вступило в партию AMANAT в Шымкенте?')));
    expect(elsewhere.payload.reply_markup.inline_keyboard.map((row: { text: string }[]) => row.map((b) => b.text))).toEqual([['👍', '👎']]);
  });

  it('handles emoji-only, HTML-looking and very long questions', async () => {
    expect(sent(await h.send(privateText('🙂🙂🙂')))[0].payload.text).toBe(MESSAGES.ru.notAQuestion);
    const hello = sent(await h.send(privateText('Привет!')))[0].payload;
    expect(hello.text).toBe(MESSAGES.ru.greeting);
    expect(hello.reply_markup).toBeUndefined(); // nothing to rate or expand
    const html = sent(await h.send(privateText('<b>Аким</b> Алматы & <script>alert(1)</script> активисты?')))[0].payload.text;
    expect(html).not.toContain('<script>');
    const long = 'Что поручил аким Алматы акимам районов? ' + 'очень '.repeat(300);
    const reply = sent(await h.send(privateText(long)))[0].payload.text;
    expect(reply).toContain(MESSAGES.ru.truncated(1000));
  });

  it('shows the full passage and more sources from the buttons', async () => {
    const [reply] = sent(await h.send(privateText('Сколько жителей Алматы написали комментарии акиму в соцсетях?')));
    const data = reply.payload.reply_markup.inline_keyboard.flat().map((b: { callback_data: string }) => b.callback_data);
    const full = await h.send(callback(data.find((d: string) => d.startsWith('full:'))));
    expect(full.find((c) => c.method === 'answerCallbackQuery')).toBeTruthy();
    const passage = sent(full)[0].payload.text;
    expect(passage).toMatch(/^<b>\[1\] /);
    expect(passage).toMatch(/<b>[^<]+<\/b>/); // the quoted excerpt in bold inside its passage
    const more = await h.send(callback(data.find((d: string) => d.startsWith('more:'))));
    const extra = sent(more);
    if (extra.length) expect(extra[0].payload.text).toMatch(/<b>\[4\]<\/b>/);
    else expect(more.find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe(TEXTS.ru.noMore);
    const stale = await h.send(callback('full:zzzz:1'));
    expect(stale[0].payload).toMatchObject({ text: TEXTS.ru.expired, show_alert: true });
  });
});

describe('commands', () => {
  it('/start and /help in the user\'s language, /sources lists the documents', async () => {
    expect(sent(await h.send(privateText('/start', undefined, 'kk')))[0].payload.text).toContain('Сәлеметсіз бе');
    expect(sent(await h.send(privateText('/start')))[0].payload.text).toContain('@govqa_bot');
    expect(sent(await h.send(privateText('/help')))[0].payload.text).toContain('/ask');
    expect(sent(await h.send(privateText('/frobnicate')))[0].payload.text).toContain('/ask');
    const sources = sent(await h.send(privateText('/sources')))[0].payload.text;
    expect(sources).toContain('Документы (5)');
    expect(sources).toContain('Еселі еңбекпен өрілген берекелі жұмыс (Түркістан облысы, 2025)');
  });
});

describe('groups', () => {
  it('stays silent on chatter', async () => {
    expect(await h.send(groupText('Всем привет, кто идёт на собрание?'))).toEqual([]);
  });

  it('answers /ask, /ask@botname and replies to its own messages, as a reply', async () => {
    for (const text of ['/ask Какая средняя зарплата в Наурызбайском районе?', '/ask@govqa_bot Какая средняя зарплата в Наурызбайском районе?']) {
      const [reply] = sent(await h.send(groupText(text)));
      expect(reply.payload.text).toContain('126 тысяч');
      expect(reply.payload.reply_parameters.message_id).toBeGreaterThan(0);
    }
    const [reply] = sent(await h.send(groupText('Түркістан облысында неше бастауыш партия ұйымы бар?', undefined, { from: { id: 4242 } })));
    expect(reply.payload.text).toContain('242');
    expect(await h.send(groupText('а это ответ другому человеку', undefined, { from: { id: 777 } }))).toEqual([]);
    expect(sent(await h.send(groupText('/ask')))[0].payload.text).toBe(TEXTS.ru.askUsage);
  });
});

describe('inline mode', () => {
  it('returns up to 10 cited articles within the deadline, cached', async () => {
    const started = Date.now();
    const calls = await h.send(inlineQuery('Қызылорда қаласында неше үкіметтік емес ұйым тіркелген?'));
    expect(Date.now() - started).toBeLessThan(2000);
    const answer = calls.find((c) => c.method === 'answerInlineQuery')!;
    expect(answer.payload.cache_time).toBeGreaterThan(0);
    expect(answer.payload.results.length).toBeGreaterThan(0);
    expect(answer.payload.results.length).toBeLessThanOrEqual(10);
    for (const r of answer.payload.results) {
      expect(r.type).toBe('article');
      expect(r.id.length).toBeLessThanOrEqual(64);
      expect(r.input_message_content.parse_mode).toBe('HTML');
      expect(r.input_message_content.message_text).toMatch(/<b>\[\d+\]<\/b> <i>[^]*<blockquote>/);
    }
  });

  it('answers two questions of one query each with its own articles, under its own question', async () => {
    const first = 'Какая средняя зарплата в Наурызбайском районе?';
    const second = 'Сколько школ нужно построить в Алматы?';
    const answer = (await h.send(inlineQuery(`${first} ${second}`))).find((c) => c.method === 'answerInlineQuery')!;
    const results: { id: string; title: string; input_message_content: { message_text: string } }[] = answer.payload.results;
    expect(results.length).toBeLessThanOrEqual(10);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    for (const question of [first, second]) {
      const own = results.filter((r) => r.input_message_content.message_text.startsWith(`❓ <b>${question}</b>`));
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((r) => r.title.startsWith(question))).toBe(true);
    }
  });

  it('offers help for an empty query and says so when there is no answer', async () => {
    const empty = (await h.send(inlineQuery(''))).find((c) => c.method === 'answerInlineQuery')!;
    expect(empty.payload.results).toEqual([]);
    expect(empty.payload.button.text).toBe(TEXTS.ru.inlineHelp);
    const none = (await h.send(inlineQuery('Какой курс доллара сегодня?'))).find((c) => c.method === 'answerInlineQuery')!;
    expect(none.payload.button.text).toBe(TEXTS.ru.inlineNone);
  });

  it('logs a query without «?» once, when one of its results is chosen, and never its prefixes as typed', async () => {
    const logged = async () => {
      await h.deps.questionLog.flush();
      return (await h.deps.questionLog.read(new Date(0))).filter((r) => r.kind === 'question' && r.channel === 'inline').map((r) => (r.kind === 'question' ? r.question : ''));
    };
    const before = await logged();
    const question = 'Қызылорда қаласында неше үкіметтік емес ұйым тіркелген';
    await h.send(inlineQuery(question.slice(0, 20)));
    const answer = (await h.send(inlineQuery(question))).find((c) => c.method === 'answerInlineQuery')!;
    expect(await logged()).toEqual(before);
    await h.send(chosenInline(question, answer.payload.results[0].id));
    expect(await logged()).toEqual([...before, question]);
  });
});

describe('admin actions', () => {
  it('refuses anyone else politely and runs nothing', async () => {
    for (const cmd of ['/stats', '/reindex']) {
      const calls = await h.send(privateText(cmd, USER));
      expect(sent(calls).map((c) => c.payload.text)).toEqual([TEXTS.ru.notAdmin]);
    }
    expect(h.deps.live.reindexing).toBe(false);
    expect(sent(await h.send(document('new.txt', 'f1', USER)))[0].payload.text).toBe(TEXTS.ru.notAdmin);
  });

  it('/stats for an admin', async () => {
    const text = sent(await h.send(privateText('/stats', ADMIN)))[0].payload.text;
    expect(text).toContain('Документов: 5');
    expect(text).toContain('лексический');
  });

  it('/reindex runs in the background with a progress message edited in place; a second one is told to wait', async () => {
    let open!: () => void;
    const h = await makeHarness({}, new Promise<void>((resolve) => (open = resolve)));
    const first = sent(await h.send(privateText('/reindex', ADMIN)));
    expect(first[0].payload.text).toBe(TEXTS.ru.reindexStarted);
    expect(h.deps.live.reindexing).toBe(true);
    // the old index keeps answering while the build runs
    expect((await h.deps.live.answerer.ask('Какая средняя зарплата в Наурызбайском районе?')).answered).toBe(true);
    const second = sent(await h.send(privateText('/reindex', ADMIN)));
    expect(second[0].payload.text).toBe(TEXTS.ru.reindexBusy);
    open();
    await h.deps.idle();
    const edits = h.calls.filter((c) => c.method === 'editMessageText');
    expect(edits.at(-1)!.payload.text).toMatch(/^Готово: \+0 ~0 −0 =5/);
    expect(new Set(edits.map((e) => e.payload.message_id)).size).toBe(1); // one message, edited in place
  });
});

describe('live index', () => {
  it('picks up an index that another process built meanwhile', async () => {
    const hl = await makeHarness();
    const before = hl.deps.live.engine.dir;
    await writeFile(path.join(hl.corpus, 'extra.txt'), 'Мәслихат депутаттары жаңа саябақ салуды қолдады.');
    await buildIndex({ corpus: hl.corpus, indexDir: hl.deps.config.indexDir, embedder: null }); // as `govqa index` would
    const report = await hl.deps.live.reindex();
    expect(report.written).toBe(false); // nothing left to build…
    expect(hl.deps.live.engine.dir).not.toBe(before); // …but the bot now serves the new build
    expect(hl.deps.live.engine.chunk('extra.txt#0')).toBeTruthy();
  });
});

describe('admin document upload', () => {
  let files: http.Server;
  let hu: Harness;
  let root: string;
  const bodies: Record<string, Uint8Array> = {
    'doc-ok': Buffer.from('Мәслихат сессиясы өтті\nАудандық мәслихат жаңа жол салуға 5 миллиард теңге бөлді.'),
    'doc-cp1251': cp1251('Аким района поручил построить 14 новых спортивных площадок во дворах до осени.'),
    'doc-broken': Buffer.from('%PDF-1.4\nnot a pdf'),
  };
  const NEWS = makeHtml({
    title: 'Шиелі ауданында су құбыры тартылды',
    paragraphs: [
      'Шиелі ауданының 9 ауылына орталықтандырылған су құбыры тартылды, деп хабарлады аудан әкімдігі.',
      'Жобаға республикалық бюджеттен 2,7 миллиард теңге бөлінген, 4 мыңнан астам тұрғын таза ауызсумен қамтылды.',
    ],
  });
  beforeAll(async () => {
    // the generated PDF needs DejaVu Sans (fonts-dejavu-core, which .ci/run installs); without it that test skips
    if (haveFont) bodies['doc-pdf'] = await makePdf([
      'Аудандық мәслихаттың есебі.\nБірінші бет: жалпы мәліметтер.',
      'Екінші бет: аудандағы 27 көпір\nкүрделі жөндеуден өтті.',
    ], 'Мәслихат есебі');
    bodies['doc-docx'] = await makeDocx(['Тұрғындар жиналысында 3 жаңа саябақ салу туралы шешім қабылданды.'], [], 'Жиналыс хаттамасы');
    files = http.createServer((req, res) => {
      if (req.url === '/news/water') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS);
      const id = req.url!.split('/').pop()!;
      if (!req.url!.startsWith(`/file/bot${TOKEN}/`) || !bodies[id]) return void res.writeHead(404).end();
      res.writeHead(200).end(bodies[id]);
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    root = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    hu = await makeHarness({ TELEGRAM_API_ROOT: root, ALLOW_PRIVATE_URLS: '1' });
  });
  afterAll(() => new Promise<void>((r) => files.close(() => r())));

  /** What the bot said once the background work (reading, indexing) is done. */
  async function finally_(update: Parameters<Harness['send']>[0]): Promise<string[]> {
    const from = hu.calls.length;
    await hu.send(update);
    await hu.deps.idle();
    return sent(hu.calls.slice(from)).map((c) => c.payload.text);
  }

  it('adds a text file under a safe name, indexes it, then answers once', async () => {
    const replies = await finally_(document('../../etc/Аудан жаңалығы.txt', 'doc-ok'));
    const passages = hu.deps.live.engine.doc('Аудан_жаңалығы.txt')!.count;
    expect(replies).toEqual([TEXTS.ru.docAdded('Мәслихат сессиясы өтті', passages, false)]);
    expect(await readFile(path.join(hu.corpus, 'Аудан_жаңалығы.txt'), 'utf8')).toContain('5 миллиард теңге');
    const answer = await hu.deps.live.answerer.ask('Мәслихат жол салуға қанша теңге бөлді?');
    expect(answer.citations[0].docId).toBe('Аудан_жаңалығы.txt');
  });

  it.skipIf(!haveFont)('a PDF: its answers name the page', async () => {
    expect(await finally_(document('esep.pdf', 'doc-pdf'))).toEqual([TEXTS.ru.docAdded('Мәслихат есебі', 1, false)]);
    const reply = sent(await hu.send(privateText('Аудандағы неше көпір жөндеуден өтті?', ADMIN, 'kk')))[0].payload.text;
    expect(reply).toContain('27 көпір');
    expect(reply).toMatch(/Мәслихат есебі.*, (1–)?2-бет/);
  });

  it('a DOCX, and a windows-1251 text file', async () => {
    expect(await finally_(document('hattama.docx', 'doc-docx'))).toEqual([TEXTS.ru.docAdded('Жиналыс хаттамасы', 1, false)]);
    const replies = await finally_(document('old.txt', 'doc-cp1251'));
    expect(replies[0]).toMatch(/^Добавлено: «Аким района поручил построить 14 новых спортивных площадок/);
  });

  it('/add URL: the page is added, and its answers link to it', async () => {
    expect(await finally_(privateText(`/add ${root}/news/water`, ADMIN))).toEqual([TEXTS.ru.docAdded('Шиелі ауданында су құбыры тартылды', 1, false)]);
    const reply = sent(await hu.send(privateText('Шиелі ауданының неше ауылына су құбыры тартылды?', ADMIN, 'kk')))[0].payload.text;
    expect(reply).toContain(`<a href="${root}/news/water">`);
    expect(await finally_(privateText(`/add ${root}/news/water`, ADMIN))).toEqual([TEXTS.ru.docAdded('Шиелі ауданында су құбыры тартылды', 1, true)]);
  });

  it('one clear reason for each input it cannot take, and nothing saved', async () => {
    expect(await finally_(document('report.exe', 'doc-ok'))).toEqual([TEXTS.ru.docRejected(TEXTS.ru.docTypes)]);
    expect(await finally_(document('big.pdf', 'doc-pdf', ADMIN, 50 * 1024 * 1024))).toEqual([TEXTS.ru.docRejected(TEXTS.ru.docTooBig(20))]);
    // the reasons in the admin's language (corpus/problems.ts has them as data)
    const why = (lang: 'ru' | 'kk', p: DocProblem) => TEXTS[lang].docRejected(describeProblem(TEXTS[lang].problems, p));
    expect(await finally_(document('broken.pdf', 'doc-broken'))).toEqual([why('ru', { code: 'corrupt', format: 'PDF', detail: 'Invalid PDF structure.' })]);
    expect(await finally_(privateText(`/add ${root}/missing`, ADMIN))).toEqual([why('ru', { code: 'http', status: 404 })]);
    expect(await finally_(privateText('/add ftp://example.kz/x.pdf', ADMIN))).toEqual([why('ru', { code: 'scheme', scheme: 'ftp:' })]);
    expect(await finally_(privateText('/add ftp://example.kz/x.pdf', ADMIN, 'kk'))).toEqual(['Құжат қабылданбады: тек http және https мекенжайлары оқылады, ftp: емес.']);
    expect(await finally_(privateText('/add', ADMIN))).toEqual([TEXTS.ru.addUsage]);
    expect(await finally_(privateText(`/add ${root}/news/water`, USER))).toEqual([TEXTS.ru.notAdmin]);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(hu.corpus)).filter((f) => /report|big|broken/.test(f))).toEqual([]);
  });

  it('when the system refuses the write (disk full, not a folder): one line to the admin, nothing half-written', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'file'), 'x');
    const hf = await makeHarness({ TELEGRAM_API_ROOT: root, CORPUS_DIR: path.join(dir, 'file', 'corpus') });
    const from = hf.calls.length;
    await hf.send(document('note.txt', 'doc-ok'));
    await hf.deps.idle();
    expect(sent(hf.calls.slice(from)).map((c) => c.payload.text)).toEqual([expect.stringMatching(/^Документ не принят: ENOTDIR: not a directory, mkdir .*\.$/)]);
  });

  it('a document sent while a reindex runs is indexed by a build after it', async () => {
    let open!: () => void;
    const hg = await makeHarness({ TELEGRAM_API_ROOT: root }, new Promise<void>((r) => (open = r)));
    await hg.send(privateText('/reindex', ADMIN));
    expect(hg.deps.live.reindexing).toBe(true);
    const from = hg.calls.length;
    await hg.send(document('during.txt', 'doc-ok'));
    open();
    await hg.deps.idle();
    const passages = hg.deps.live.engine.doc('during.txt')?.count ?? 0;
    expect(passages).toBeGreaterThan(0);
    expect(sent(hg.calls.slice(from)).map((c) => c.payload.text)).toContain(TEXTS.ru.docAdded('Мәслихат сессиясы өтті', passages, false));
  });

  it('refuses an address inside the host\'s network unless allowed', async () => {
    const replies: string[] = [];
    const from = h.calls.length;
    await h.send(privateText(`/add ${root}/news/water`, ADMIN));
    await h.deps.idle();
    replies.push(...sent(h.calls.slice(from)).map((c) => c.payload.text));
    expect(replies).toEqual([TEXTS.ru.docRejected(describeProblem(TEXTS.ru.problems, { code: 'internal', host: '127.0.0.1' }))]);
  });
});

describe('reliability', () => {
  it('rate-limits a user who floods', async () => {
    const hr = await makeHarness();
    const replies: string[] = [];
    for (let i = 0; i < 8; i++) replies.push(...sent(await hr.send(privateText(`/help`, 3003))).map((c) => c.payload.text));
    expect(replies).toContain(TEXTS.ru.tooFast);
    expect(replies.filter((t) => t === TEXTS.ru.tooFast).length).toBeLessThan(4);
  });

  it('handles each update id once (webhook retries)', async () => {
    const update = { update_id: 999_001, ...privateText('/help') };
    await h.bot.handleUpdate(update as never);
    const before = h.calls.length;
    await h.bot.handleUpdate(update as never);
    expect(h.calls.length).toBe(before);
  });

  it('logs a failed call with the update id, tells the user, never crashes; the token never reaches the log', async () => {
    h.fail.set('sendMessage', () => new GrammyError(`Call to 'sendMessage' failed! (400: Bad Request) bot${TOKEN}`, { ok: false, error_code: 400, description: 'Bad Request' }, 'sendMessage', {}));
    const calls = await h.send(privateText('Какая средняя зарплата в Наурызбайском районе?'));
    h.fail.clear();
    expect(calls.filter((c) => c.method === 'sendMessage').length).toBe(2); // the answer, then the apology
    const line = h.logs.find((l) => l.includes('Telegram refused a call'))!;
    expect(line).toMatch(/"update_id":\d+/);
    expect(h.logs.join('\n')).not.toContain(TOKEN);
    expect(line).toContain('***');
  });

  it('splits long replies below 4096 characters without cutting a tag', () => {
    const blocks = Array.from({ length: 12 }, (_, i) => `<b>[${i}]</b> «${'ж'.repeat(590)}»`);
    const parts = splitMessages(blocks);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect((p.match(/<b>/g) ?? []).length).toBe((p.match(/<\/b>/g) ?? []).length);
    }
    const huge = splitMessages(['<b>' + 'слово '.repeat(2000) + '</b>']);
    for (const p of huge) expect(p.length).toBeLessThanOrEqual(4096);
  });

  it('renders a checked summary first, escaped, when the answer has one', () => {
    const blocks = answerBlocks({ answered: true, lang: 'ru', answer: '', coverage: 1, confidence: 1, summary: 'Зарплата <126> тысяч [1].', citations: [], followsUp: false });
    expect(blocks[0]).toBe('Зарплата &lt;126&gt; тысяч [1].');
    expect(blocks[1]).toBe(`<b>${MESSAGES.ru.intro}</b>`);
  });

  it('sets the sentence an excerpt was quoted for in bold, the excerpt itself unchanged and escaped', () => {
    const excerpt = 'Контекст <до>. Зарплата 126 тысяч. После & всё.';
    const start = excerpt.indexOf('Зарплата');
    const html = excerptHtml({ excerpt, highlight: { start, end: excerpt.indexOf(' После') } });
    expect(html).toBe('Контекст &lt;до&gt;. <b>Зарплата 126 тысяч.</b> После &amp; всё.');
    expect(html.replace(/<\/?b>/g, '')).toBe(escapeHtml(excerpt));
    expect(excerptHtml({ excerpt })).toBe(escapeHtml(excerpt)); // a one-sentence excerpt has nothing to set apart
  });

  it('the logger masks secrets', () => {
    const lines: string[] = [];
    createLogger('info', [TOKEN], (l) => lines.push(l)).error(`failed https://api.telegram.org/bot${TOKEN}/getMe`);
    expect(lines[0]).not.toContain(TOKEN);
  });
});
