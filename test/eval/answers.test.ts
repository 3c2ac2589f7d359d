import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../eval/answers.ts';

describe('the eval table of answers', () => {
  const questions = [
    { lang: 'ru', question: 'a', answers: ['10 тысяч'], answerable: true },
    { lang: 'ru', question: 'b', answers: ['Лебедевский'], answerable: true },
    { lang: 'kk', question: 'c', evidence: '«Іскер ана»', answerable: true },
    { lang: 'ru', question: 'd', answerable: false },
  ];
  const replies: Record<string, { answered: boolean; lang: string; excerpts: string[] }> = {
    a: { answered: true, lang: 'ru', excerpts: ['x', 'y', 'больше 10  ТЫСЯЧ алматинцев'] },
    b: { answered: true, lang: 'ru', excerpts: ['x', 'y', 'z', 'Лебедевский мост'] }, // only in the 4th excerpt
    c: { answered: true, lang: 'ru', excerpts: ['программа "Іскер ана"'] }, // right quote, wrong reply language
    d: { answered: false, lang: 'ru', excerpts: [] },
  };

  it('has the columns the issue names, computed as the judges do', async () => {
    const row = await scoreAnswers(questions, async (q) => replies[q]);
    expect(Object.keys(row)).toEqual(['answer in first 3 excerpts', 'unanswerable declined', 'all handled right', 'reply language', 'answer in the first excerpt']);
    expect(row['answer in first 3 excerpts']).toBeCloseTo(2 / 3); // case, spaces and quotes folded; only 3 excerpts count
    expect(row['unanswerable declined']).toBe(1);
    expect(row['all handled right']).toBeCloseTo(3 / 4);
    expect(row['reply language']).toBeCloseTo(3 / 4);
    expect(row['answer in the first excerpt']).toBeCloseTo(1 / 3); // «Іскер ана» only
  });

  it('says whether the sentence in bold holds the answer, when the system marks one', async () => {
    const row = await scoreAnswers(questions.slice(0, 3), async (q) => ({ ...replies[q], excerpts: ['больше 10 тысяч. Лебедевский мост'], highlights: q === 'a' ? ['Лебедевский мост'] : ['больше 10 тысяч.'] }));
    expect(row['answer in the first excerpt']).toBeCloseTo(2 / 3);
    expect(row['in its sentence in bold']).toBe(0);
  });

  it('counts an answer that was not given as a miss, and an excerpt over 600 characters as none', async () => {
    const row = await scoreAnswers(questions.slice(0, 1), async () => ({ answered: false, lang: 'ru', excerpts: ['10 тысяч'] }));
    expect(row['answer in first 3 excerpts']).toBe(0);
    const long = await scoreAnswers(questions.slice(0, 1), async () => ({ answered: true, lang: 'ru', excerpts: ['10 тысяч' + ' '.repeat(600)] }));
    expect(long['answer in first 3 excerpts']).toBe(0);
  });
});
