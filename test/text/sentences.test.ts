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
});
