// Conversations through the bot: follow-ups in private chats and in group threads, their expiry, a topic switch,
// feedback buttons, the question log behind them, and the admin views of it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/answer/messages.ts';
import { TEXTS } from '../../src/bot/texts.ts';
import { CONVERSATION } from '../../src/text/followup.ts';
import type { QuestionRecord } from '../../src/insights/questions.ts';
import { ADMIN, callback, groupText, makeHarness, privateText, sent, USER, type Harness } from '../helpers/bot.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  await writeFile(path.join(h.corpus, 'kostanay.ru.txt'), [
    'Итоги года в Костанае',
    'В сфере образования в Костанае построили 7 новых школ на 9 тысяч учеников. Трёхсменное обучение ликвидировано.',
    'По дорогам в Костанае отремонтировали 64 километра улиц, на ремонт направили 12 миллиардов тенге.',
    'В здравоохранении в Костанае открыли 3 новые поликлиники и центр крови.',
  ].join('\n\n'));
  await writeFile(path.join(h.corpus, 'semey.ru.txt'), [
    'Итоги года в Семее',
    'В сфере образования в Семее построили 5 новых школ на 6 тысяч учеников. Две школы отремонтированы.',
    'По дорогам в Семее отремонтировали 41 километр улиц, на ремонт направили 9 миллиардов тенге.',
    'В здравоохранении в Семее открыли 2 новые поликлиники и детскую больницу.',
  ].join('\n\n'));
  await h.deps.live.reindex();
});

const textOf = async (update: Parameters<Harness['send']>[0]) => sent(await h.send(update))[0]?.payload.text as string;
const records = async () => (await h.deps.questionLog.flush(), await h.deps.questionLog.read(new Date(0)));
const lastQuestion = async () => (await records()).filter((r): r is QuestionRecord => r.kind === 'question').at(-1)!;

describe('follow-up questions', () => {
  it('«А в Семее?» after a question about Kostanay schools answers about Semey schools', async () => {
    const user = 70_001;
    expect(await textOf(privateText('Сколько новых школ построили в Костанае?', user))).toContain('7 новых школ');
    expect(await textOf(privateText('А в Семее?', user))).toContain('5 новых школ');
    expect((await lastQuestion()).followUp).toBe(true);
    // the subject changes, the place is kept
    expect(await textOf(privateText('А поликлиник?', user))).toContain('2 новые поликлиники');
  });

  it('asked alone, the follow-up has nothing to lean on', async () => {
    await textOf(privateText('А в Семее?', 70_002));
    expect((await lastQuestion()).followUp).toBe(false);
  });

  it('a conversation lapses after its time', async () => {
    const user = 70_003;
    await textOf(privateText('Сколько новых школ построили в Костанае?', user));
    const state = await h.deps.conversations.read(String(user));
    await h.deps.conversations.write(String(user), { ...state!, at: Date.now() - CONVERSATION.ttlMs - 1000 });
    await textOf(privateText('А в Семее?', user));
    expect((await lastQuestion()).followUp).toBe(false);
  });

  it('a question that stands on its own is answered on its own (a topic switch)', async () => {
    const user = 70_004;
    await textOf(privateText('Сколько новых школ построили в Костанае?', user));
    const reply = await textOf(privateText('Какая средняя зарплата в Наурызбайском районе?', user));
    expect(reply).toContain('126 тысяч');
    expect((await lastQuestion()).followUp).toBe(false);
  });

  it('in a group: a reply to the bot continues the asker\'s /ask, not someone else\'s', async () => {
    const asker = 70_005;
    await h.send(groupText('/ask Сколько километров улиц отремонтировали в Костанае?', asker));
    const reply = await textOf(groupText('А в Семее?', asker, { from: { id: 4242 } }));
    expect(reply).toContain('41 километр');
    expect((await lastQuestion()).followUp).toBe(true);
    await textOf(groupText('А в Семее?', 70_006, { from: { id: 4242 } }));
    expect((await lastQuestion()).followUp).toBe(false);
  });
});

describe('feedback', () => {
  it('👍 is acknowledged and logged; 👎 offers reasons, and the reason is logged', async () => {
    const user = 70_010;
    const answer = sent(await h.send(privateText('Сколько новых школ построили в Костанае?', user))).at(-1)!;
    const rows: { text: string; callback_data: string }[][] = answer.payload.reply_markup.inline_keyboard;
    const [up, down] = rows.at(-1)!;
    expect([up.text, down.text]).toEqual(['👍', '👎']);
    const thanks = await h.send(callback(up.callback_data, user));
    expect(thanks.find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe(TEXTS.ru.feedbackThanks);
    const edits = await h.send(callback(down.callback_data, user));
    const reasons: { text: string; callback_data: string }[][] = edits.find((c) => c.method === 'editMessageReplyMarkup')!.payload.reply_markup.inline_keyboard;
    expect(reasons.slice(-3).map((r) => r[0].text)).toEqual(Object.values(TEXTS.ru.feedbackReasons));
    await h.send(callback(reasons.at(-2)![0].callback_data, user)); // «incomplete»
    const id = (await records()).filter((r) => r.kind === 'question').at(-1)!.id;
    const said = (await records()).filter((r) => r.kind === 'feedback' && r.id === id).map((r) => r.kind === 'feedback' && [r.value, r.reason]);
    expect(said).toEqual([['up', undefined], ['down', undefined], ['down', 'incomplete']]);
  });
});

describe('what admins learn', () => {
  it('/unanswered lists the commonest declined questions, similar wordings grouped; others are refused', async () => {
    for (const [q, user] of [['Какой курс доллара сегодня?', 70_020], ['какой курс доллара сегодня', 70_021], ['Какой сегодня курс доллара?', 70_022], ['Когда откроют метро в Семее?', 70_023]] as const) {
      expect(await textOf(privateText(q, user))).toBe(MESSAGES.ru.decline);
    }
    expect(await textOf(privateText('/unanswered', USER))).toBe(TEXTS.ru.notAdmin);
    const list = await textOf(privateText('/unanswered', ADMIN));
    expect(list).toMatch(/^<b>Вопросы без ответа за 7 дн\.<\/b>\n3× Какой курс доллара сегодня\?\n/);
    expect(list).toContain('1× Когда откроют метро в Семее?');
  });

  it('/stats adds the week: questions per day, answer rate, p95 latency, feedback', async () => {
    const stats = await textOf(privateText('/stats', ADMIN));
    expect(stats).toMatch(/<b>За 7 дн\.<\/b>\nВопросов: \d+ \(по дням: \d\d-\d\d: \d+\)\nОтвечено: \d+%\np95 времени ответа: \d+ мс\nОценки: 👍 0 · 👎 1/); // the last word on a question counts: 👍 then 👎 is a 👎
  });

  it('the log keeps no Telegram ids, only a keyed hash of the user', async () => {
    const all = JSON.stringify(await records());
    expect(all).not.toContain('70010');
    expect((await lastQuestion()).user).toMatch(/^[0-9a-f]{16}$/);
  });
});
