import { describe, expect, it } from 'vitest';
import { sentenceSpans, sentenceSpansYielding } from '../../src/text/sentences.ts';

/** ICU over the whole string at once: what sentenceSpans must equal, however it feeds ICU. */
function whole(text: string) {
  const out: { start: number; end: number }[] = [];
  for (const { segment, index } of new Intl.Segmenter('ru', { granularity: 'sentence' }).segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    if (segment.trim()) out.push({ start: index + lead, end: index + lead + segment.trim().length });
  }
  return out;
}

describe('sentenceSpans', () => {
  it('equals ICU over the whole text: many lines, long lines, a sentence longer than a window, CRLF', () => {
    const texts = [
      'Аким поручил. Работы начнутся весной!\nӘкім тапсырма берді\r\n\n  Ещё строка без точки\n',
      Array.from({ length: 900 }, (_, i) => `Сөйлем ${i} аяқталды.`).join(' '), // one line of ~20 000 characters
      `Басы. ${'ұзын '.repeat(3000)}соңы. Келесі сөйлем.\nЖаңа жол.`,
      '',
      '\n\n\n',
    ];
    for (const text of texts) expect(sentenceSpans(text)).toEqual(whole(text));
  });

  it('the yielding variant gives the same spans, pausing between slices', async () => {
    const text = Array.from({ length: 12_000 }, (_, i) => `Сөйлем ${i} аяқталды.${i % 7 === 0 ? '\n' : ' '}`).join('');
    let pauses = 0;
    expect(await sentenceSpansYielding(text, async () => void pauses++)).toEqual(sentenceSpans(text));
    expect(pauses).toBeGreaterThan(1);
  });

  it('adds the offset', () => {
    expect(sentenceSpans('Бір. Екі.', 10)).toEqual([{ start: 10, end: 14 }, { start: 15, end: 19 }]);
  });

  it('goes on past an initial, which ICU takes for a sentence end, but not past a line break', () => {
    const texts = (t: string, offset = 0) => sentenceSpans(t, offset).map((s) => t.slice(s.start - offset, s.end - offset));
    expect(texts('Әскери губернаторы Г.А. Колпаковский еді. Келесі.')).toEqual(['Әскери губернаторы Г.А. Колпаковский еді.', 'Келесі.']);
    expect(texts('Акт подписан А. А. Пещуровым 20 декабря. Далее.', 5)).toEqual(['Акт подписан А. А. Пещуровым 20 декабря.', 'Далее.']);
    expect(texts('Сказку написал Дж. Толкин.')).toEqual(['Сказку написал Дж. Толкин.']);
    expect(texts('Витамин C.\nДалее.')).toEqual(['Витамин C.', 'Далее.']);
  });

  it('goes on past an abbreviation written before a name («г.», «ул.», «акад.»), and not past one that may end a sentence', () => {
    const texts = (t: string) => sentenceSpans(t).map((s) => t.slice(s.start, s.end));
    expect(texts('Отметил председатель совета г. Алматы Рахман Алшанов. Далее.')).toEqual(['Отметил председатель совета г. Алматы Рахман Алшанов.', 'Далее.']);
    expect(texts('Школа стоит на ул. Абая. Далее.')).toEqual(['Школа стоит на ул. Абая.', 'Далее.']);
    expect(texts('Баяндаманы акад. Ғ. Есім жасады. Келесі.')).toEqual(['Баяндаманы акад. Ғ. Есім жасады.', 'Келесі.']);
    expect(texts('Так было в 1990-х гг. Потом всё изменилось.')).toEqual(['Так было в 1990-х гг.', 'Потом всё изменилось.']);
    expect(texts('Түркістан, Кентау т.б. Келесі сөйлем.')).toHaveLength(2);
  });

  it('goes on inside brackets the next part closes, and not past a bracket left open', () => {
    const texts = (t: string) => sentenceSpans(t).map((s) => t.slice(s.start, s.end));
    expect(texts('Махмұд Қашқари (араб. "Махмұт әл-Қашғари"; 1029—1101) — түркі ғалымы. Келесі.')).toEqual(['Махмұд Қашқари (араб. "Махмұт әл-Қашғари"; 1029—1101) — түркі ғалымы.', 'Келесі.']);
    expect(texts('Скобка (не закрыта. Далее текст. Ещё.')).toEqual(['Скобка (не закрыта.', 'Далее текст.', 'Ещё.']);
  });

  it('joins at initials alike when it yields', async () => {
    const text = Array.from({ length: 9_000 }, (_, i) => `Оны М. Әуезов ${i} жазды.${i % 7 === 0 ? '\n' : ' '}`).join('');
    expect(await sentenceSpansYielding(text, async () => {})).toEqual(sentenceSpans(text));
    expect(sentenceSpans(text).length).toBe(9_000);
  });
});
