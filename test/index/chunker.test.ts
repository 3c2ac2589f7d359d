import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chunkText, DEFAULT_CHUNKING } from '../../src/index/chunker.ts';
import { sentenceSpans } from '../../src/text/sentences.ts';

describe('chunker', () => {
  it('keeps chunks within the size bounds on the real corpus, verbatim, covering all text', async () => {
    for (const file of ['kyzylorda-internal-policy-interview-2022.kk.txt', 'almaty-akim-city-activists-2019.ru.txt']) {
      const text = await readFile(`corpus/${file}`, 'utf8');
      const chunks = chunkText(text);
      expect(chunks.length).toBeGreaterThan(3);
      chunks.forEach((c, i) => {
        expect(c.end - c.start).toBeLessThanOrEqual(DEFAULT_CHUNKING.max);
        if (i < chunks.length - 1) expect(c.end - c.start).toBeGreaterThanOrEqual(DEFAULT_CHUNKING.min * 0.5);
        expect(text.slice(c.start, c.end).trim()).toBe(text.slice(c.start, c.end));
      });
      // every sentence lies inside some chunk
      for (const s of sentenceSpans(text)) {
        expect(chunks.some((c) => c.start <= s.start && s.end <= c.end || s.end - s.start > DEFAULT_CHUNKING.max)).toBe(true);
      }
    }
  });

  it('overlaps consecutive chunks by whole sentences', () => {
    const sentence = (i: number) => `Сөйлем нөмірі ${i} мұнда біраз сөздер бар.`;
    const text = Array.from({ length: 80 }, (_, i) => sentence(i)).join(' ');
    const chunks = chunkText(text);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
      expect(chunks[i].start).toBeGreaterThan(chunks[i - 1].start);
      expect(text[chunks[i].start]).toBe('С'); // starts at a sentence
    }
  });

  it('treats a line break as a sentence end (no period needed)', () => {
    const text = 'Бірінші жол нүктесіз\nЕкінші жол да нүктесіз\nҮшінші.';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Бірінші жол нүктесіз', 'Екінші жол да нүктесіз', 'Үшінші.']);
  });

  it('closes a chunk at a paragraph break once it is long enough', () => {
    const para = (n: number) => Array.from({ length: 12 }, (_, i) => `Абзац ${n}, сөйлем ${i}: мәтін мәтін мәтін мәтін мәтін.`).join(' ');
    const text = [para(1), para(2), para(3)].join('\n\n');
    const chunks = chunkText(text);
    expect(text.slice(chunks[0].start, chunks[0].end)).toBe(para(1));
  });

  it('cuts a sentence longer than the maximum at spaces', () => {
    const text = ('сөз '.repeat(1000)).trim();
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(DEFAULT_CHUNKING.max);
      expect(text[c.start]).toBe('с');
    }
  });

  it('gives no chunks for empty text', () => {
    expect(chunkText('  \n\n ')).toEqual([]);
  });
});
