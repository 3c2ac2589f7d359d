import { describe, expect, it } from 'vitest';
import { MAX_QUESTIONS, separateQuestions } from '../../src/text/questions.ts';

describe('several questions in one message', () => {
  it('are taken one by one, each with its question mark', () => {
    expect(separateQuestions('Кто аким Алматы? И сколько школ построят?')).toEqual(['Кто аким Алматы?', 'И сколько школ построят?']);
    expect(separateQuestions('Алматы әкімі кім?  Қанша мектеп салынады?')).toEqual(['Алматы әкімі кім?', 'Қанша мектеп салынады?']);
  });

  it('stay one when a part is too short to ask alone, when there are too many, or when there is one', () => {
    expect(separateQuestions('Сколько школ построят? Почему?')).toEqual(['Сколько школ построят? Почему?']);
    const many = Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => `Вопрос номер ${i}?`).join(' ');
    expect(separateQuestions(many)).toEqual([many]);
    expect(separateQuestions('Кто аким Алматы?')).toEqual(['Кто аким Алматы?']);
    expect(separateQuestions('Кто аким Алматы? Расскажите подробнее.')).toEqual(['Кто аким Алматы? Расскажите подробнее.']);
    expect(separateQuestions('Что значит «Кто, если не мы?» в программе?')).toEqual(['Что значит «Кто, если не мы?» в программе?']);
  });
});
