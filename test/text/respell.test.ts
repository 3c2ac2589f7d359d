import { describe, expect, it } from 'vitest';
import { questionWordFor, respellQuestionWords } from '../../src/text/respell.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';
import { Speller } from '../../src/text/spelling.ts';
import { analyze } from '../../src/text/analyzer.ts';
import { askedKind } from '../../src/answer/question.ts';
import { TranslationTable } from '../../src/translate/table.ts';

const unknownAll = () => true;

describe('question words as chat users type them', () => {
  it('are put back from one mistyped letter, in either language, with or without Kazakh letters', () => {
    expect(questionWordFor('Кошда', 'ru')).toBe('когда');
    expect(questionWordFor('скодько', 'ru')).toBe('сколько');
    expect(questionWordFor('қагша', 'kk')).toBe('қанша');
    expect(questionWordFor('кагша', 'kk')).toBe('қанша');
    expect(questionWordFor('қащан', 'kk')).toBe('қашан');
  });

  it('and from a colloquial form, which no text holds', () => {
    expect(questionWordFor('Скока', 'ru', () => false)).toBe('сколько');
    expect(questionWordFor('када', 'ru', () => false)).toBe('когда');
    expect(questionWordFor('Чё', 'ru', () => false)).toBe('что'); // as normalized: ё is е
  });

  it('but not a word the index or the table knows, a question word itself, or a short word', () => {
    expect(questionWordFor('года', 'ru', () => false)).toBeNull(); // one letter off «когда», and a word
    expect(questionWordFor('когда', 'ru')).toBeNull();
    expect(questionWordFor('гдк', 'ru')).toBeNull();
  });

  it('read a word whole with its stress marks: «дуда́ев» is no «куда» and «айда́р» no «қайда»', () => {
    expect(respellQuestionWords('где похоронен джоха́р муса́евич дуда́ев?', 'ru', 'native', unknownAll)).toBe('где похоронен джоха́р муса́евич дуда́ев?');
    expect(respellQuestionWords('батальон «айда́р» қашан құрылды?', 'kk', 'native', unknownAll)).toBe('батальон «айда́р» қашан құрылды?');
  });

  it('keep a capital, leave names alone, and follow a question typed without Kazakh letters', () => {
    expect(respellQuestionWords('Кошда родилась Салли Филд?', 'ru', 'native', unknownAll)).toBe('Когда родилась Салли Филд?');
    expect(respellQuestionWords('Где живёт Кошда?', 'ru', 'native', unknownAll)).toBe('Где живёт Кошда?');
    expect(respellQuestionWords('Шымкентте кагша мектеп бар?', 'kk', 'typed', unknownAll)).toBe('Шымкентте канша мектеп бар?');
  });
});

describe('the query analyzer', () => {
  const index = (words: string[], lang: 'kk' | 'ru') => {
    const terms = new Set(words.flatMap((w) => analyze(w, lang)));
    return { has: (t: string) => terms.has(t), frequency: () => 1, speller: () => new Speller([...terms]) };
  };

  it('reads a mistyped question word for its kind, drops it as a stopword, and reads the language again', () => {
    // «Кошда» alone made the question look Kazakh
    const q = new QueryAnalyzer().analyze('Кошда родилась Салли Филд?', 'ru', index(['родилась', 'Салли', 'Филд'], 'ru'));
    expect(q.lang).toBe('ru');
    expect(askedKind(q)).toBe('date');
    expect(q.concepts.map((c) => c.stem)).not.toContain(analyze('кошда', 'ru')[0]);
  });

  it('keeps a word the index holds even one letter off a question word', () => {
    const q = new QueryAnalyzer().analyze('Решение суда по делу?', 'ru', index(['решение', 'суда', 'делу'], 'ru'));
    expect(q.text).toBe('Решение суда по делу?');
    expect(askedKind(q)).toBe('other');
  });

  it('takes a word the translation table knows only by scattered rare senses for a typo, not one it translates well', () => {
    const [kk, ru] = [analyze('қагша', 'kk')[0], analyze('суда', 'ru')[0]];
    const table = new TranslationTable({ kk: new Map([[kk, [['клапан', 0.19], ['крышечка', 0.16]]]]), ru: new Map([[ru, [['сот', 0.58]]]]) });
    const analyzer = new QueryAnalyzer({ translation: table });
    expect(askedKind(analyzer.analyze('Шымкентте қагша мектеп бар?', 'kk', index(['Шымкентте', 'мектеп', 'бар'], 'kk')))).toBe('quantity');
    expect(analyzer.analyze('Решение суда по делу?', 'ru', index(['решение', 'делу'], 'ru')).text).toBe('Решение суда по делу?');
  });

  it('leaves a question alone without an index to tell typos from words, colloquial forms aside', () => {
    expect(new QueryAnalyzer().analyze('Кошда родилась Салли Филд?', 'ru').text).toBe('Кошда родилась Салли Филд?');
    expect(askedKind(new QueryAnalyzer().analyze('Скока станций метро в Алматы?', 'ru'))).toBe('quantity');
  });
});
