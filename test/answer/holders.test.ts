import { describe, expect, it } from 'vitest';
import { holdersFirst, namesHolder, namesPostOf, personAsked, postAsked, type PostAsked } from '../../src/answer/holders.ts';
import { askedBy } from '../../src/answer/question.ts';
import { candidates } from '../../src/answer/quotes.ts';
import { QueryAnalyzer } from '../../src/text/query.ts';
import type { Lang } from '../../src/lang/index.ts';
import { defaultAnalyzer } from '../../src/text/analyzer.ts';

const queries = new QueryAnalyzer();
const stem = (word: string) => defaultAnalyzer.wordTerms(word, 'ru')[0];
const asked = (question: string) => {
  const q = queries.analyze(question);
  const { kind, phrase } = askedBy(q);
  return { q, post: postAsked(q, q.concepts, kind, phrase) };
};
const stems = (question: string, post: PostAsked | null, which: 'post' | 'besides') => {
  const { q } = asked(question);
  if (!post) return [];
  return which === 'post' ? (post.post === null ? [] : [q.concepts[post.post].stem]) : post.besides.map((k) => q.concepts[k].stem);
};

describe('who holds a post', () => {
  it('knows a question asking who holds a post, and what the post is of', () => {
    const alm = asked('Кто аким Алматы?').post;
    expect(alm).not.toBeNull();
    expect(stems('Кто аким Алматы?', alm, 'post')).toEqual(['аким']);
    expect(stems('Кто аким Алматы?', alm, 'besides')).toEqual(['алмат']); // Russian names what a post is of after it
    const kk = asked('Алматы қаласының әкімі кім?').post;
    expect(kk?.post).not.toBeNull();
    expect(kk?.besides).toHaveLength(1); // «қаласының»: Kazakh names it before
    expect(asked('Как зовут министра образования?').post?.besides).toHaveLength(1);
    expect(asked('Кто заместитель акима области?').post?.deputy).toBe(true);
    expect(asked('Облыс әкімінің орынбасары кім?').post?.deputy).toBe(true);
    expect(asked('Кто возглавляет отдел внутренней политики?').post?.post).toBeNull(); // asked by a verb of heading
    expect(asked('Алматы каласынын акими ким?').post?.post).not.toBeNull(); // Kazakh typed without its letters
    expect(asked('Президенттин көмекшиси ким?').post?.heads).toBe(false); // an assistant heads nothing
  });

  it('does not take a post in a question asking something else as asking its holder', () => {
    expect(asked('С кем аким обсуждал финансирование школ?').post).toBeNull(); // with whom, not who
    expect(asked('Когда аким встретился с активом?').post).toBeNull();
    expect(asked('Кто построил мост?').post).toBeNull(); // no post
    expect(asked('Кто такой аким?').post).not.toBeNull();
  });

  const post: PostAsked = { post: null, besides: [], deputy: false, heads: true };
  const deputy: PostAsked = { post: null, besides: [], deputy: true, heads: false };
  const holds = (sentence: string, lang: Lang, p = post, own: string[] = []) => namesHolder(sentence, lang, p, new Set(own), () => true);

  it('finds a person named beside the post: after it, before it with a comma, or with a word of becoming', () => {
    expect(holds('Облыс әкімі Нұралхан Оралбайұлының іскерлік беделінің арқасында өңір өсті.', 'kk')).toBe(true);
    expect(holds('Кеңесте Алматы қаласының әкімі Бақытжан Сағынтаев сөз сөйледі.', 'kk')).toBe(true);
    expect(holds('Бөлімнің басшысы Парасат Жаңабергеновпен сұхбаттасқан едік.', 'kk')).toBe(true);
    expect(holds('Об этом рассказал Бакытжан Сагинтаев, аким города.', 'ru')).toBe(true);
    expect(holds('Көп дауыс алған Бөкейхан төраға болып сайланды.', 'kk')).toBe(true);
    expect(holds('На заседании председателем комиссии стал Иванов.', 'ru')).toBe(true); // a surname after
    expect(holds('Отдел возглавляет (Шатов Аркадий Викторович), викарий Патриарха.', 'ru')).toBe(true); // a verb of heading
  });

  it('finds no holder where the post stands alone, is a deputy\'s, or is beside the question\'s own names only', () => {
    expect(holds('Аким Алматы встретился с городским активом.', 'ru', post, ['алмат'])).toBe(false);
    expect(holds('Облыс әкімінің орынбасары, жауапты басқармалар мен Түркістан, Арыс қалалары әкімдерінің есептері тыңдалды.', 'kk', post, ['туркистан'])).toBe(false);
    expect(holds('Вчера я разговаривал с министром образования, прозвучала цифра 500 школ.', 'ru')).toBe(false);
    expect(holds('Доклад сделал заместитель акима Иванов.', 'ru')).toBe(false); // the akim's deputy, not the akim
    expect(holds('Доклад сделал заместитель акима Иванов.', 'ru', deputy)).toBe(true); // … who is the deputy asked
    expect(holds('Акимат Алматинской области сообщил новости.', 'ru')).toBe(false); // the akimat is no post
  });

  it('quotes, for «who holds the post», the sentence naming the holder over one naming the post alone', () => {
    const question = 'Кто аким района?';
    const { q, post: p } = asked(question);
    // both sentences name the post and someone (Кокжар, a village; Ерлан Сапаров, the akim): the holder's is the answer
    const text = 'Аким района провёл встречу с жителями села Кокжар и обсудил дороги. В совещании участвовал аким района Ерлан Сапаров.';
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title: 't', lang: 'ru' as const, meta: {}, hash: '', chunks: [] };
    const [best] = candidates({ concepts: q.concepts, weights: q.concepts.map(() => 1) }, [{ chunk, doc, score: 1 } as never], 'ru', 'person', { post: p });
    expect(text.slice(best.sentence.start, best.sentence.end)).toContain('Ерлан Сапаров');
    expect(best.namesHolder).toBe(true);
  });

  it('quotes holders first, the newest document\'s first, the rest as they were', () => {
    const c = (id: string, namesHolder: boolean, meta: { year?: number; date?: string }) => ({ id, namesHolder, result: { doc: { meta } } });
    const ranked = [c('a', false, { year: 2019 }), c('b', true, { year: 2013 }), c('c', true, { date: '2019-10-29' }), c('d', true, {}), c('e', false, {})];
    expect(holdersFirst(ranked).map((x) => x.id)).toEqual(['c', 'b', 'd', 'a', 'e']);
    expect(holdersFirst(ranked, ['2013']).map((x) => x.id)).toEqual(['b', 'c', 'd', 'a', 'e']); // the year asked first
  });

  it('knows «who is X», and a sentence naming X beside a post of theirs', () => {
    const who = (question: string) => {
      const q = queries.analyze(question);
      const { kind, phrase } = askedBy(q);
      return personAsked(q.concepts, kind, phrase, q.lang).map((k) => q.concepts[k].stem);
    };
    expect(who('Кто такой Рахман Алшанов?')).toEqual([stem('Рахман'), stem('Алшанов')]);
    expect(who('Алтынсары Үмбетәлиев кім?')).toHaveLength(2);
    expect(who('Кто встретился с Рахманом Алшановым?')).toEqual([]); // asks about someone else
    expect(who('Кто аким Алматы?')).toEqual([]); // asks a post's holder
    const alshanov = (terms: ReadonlySet<string>) => terms.has(stem('Алшанов'));
    expect(namesPostOf('Проблем много», - отметил председатель общественного совета г. Алматы Рахман Алшанов.', 'ru', alshanov)).toBe(true);
    expect(namesPostOf('Рахман Алшанов, председатель совета, выступил первым.', 'ru', alshanov)).toBe(true);
    expect(namesPostOf('Рахман Алшанов поддержал инициативы о прозрачной работе КСК и бюджете города.', 'ru', alshanov)).toBe(false);
  });

  it('sets in bold, for «who is X», the sentence naming X\'s post, not one naming someone else', () => {
    const question = 'Кто такой Парасат Жаңабергенов?';
    const q = queries.analyze(question);
    const { kind, phrase } = askedBy(q);
    const text = 'Сұхбатқа Парасат Жаңабергенов Айгүл Сейітқызымен бірге келді. Біз қалалық ішкі саясат бөлімінің басшысы Парасат Жаңабергеновпен сұхбаттасқан едік.';
    const chunk = { id: 'c', docId: 'd', start: 0, end: text.length, text };
    const doc = { docId: 'd', title: 't', lang: 'kk' as const, meta: {}, hash: '', chunks: [] };
    const [best] = candidates({ concepts: q.concepts, weights: q.concepts.map(() => 1) }, [{ chunk, doc, score: 1 } as never], 'ru', kind, { person: personAsked(q.concepts, kind, phrase, q.lang) });
    expect(text.slice(best.sentence.start, best.sentence.end)).toContain('бөлімінің басшысы');
  });
});
