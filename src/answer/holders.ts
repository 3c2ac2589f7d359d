// Who holds a post. «Кто аким Алматы?» is answered by a sentence naming a person beside the post («Алматы қаласының
// әкімі Бақытжан Сағынтаев…»), not by one naming the post alone («Аким Алматы встретился с городским активом»), nor by
// one naming the post's deputy («облыс әкімінің орынбасары…»). What a post and a surname look like is the language
// packs' (`office`); this module reads a question and a sentence by them.
import { defaultAnalyzer } from '../text/analyzer.ts';
import { fold, normalize } from '../text/normalize.ts';
import type { Concept, Query } from '../text/query.ts';
import { LANGS, PACKS, type AnswerKind, type Lang } from '../lang/index.ts';
import { readsAs, wordsOf } from './question.ts';
import type { DocMeta } from '../corpus/types.ts';

/** What a «who» question asks of a post. */
export interface PostAsked {
  /** the question's concept naming the post («аким», «төрағасы»), by index; null when it asks by a verb of heading («Кто возглавляет…?») */
  post: number | null;
  /**
   * the concept of the question's word naming what the post is of (the pack's `office.of`), by index, which the
   * answering sentence must meet too: «министра образования» is not answered by «Индустрия… министрі Бейбіт
   * Атамқұлов», nor «Алматы қаласының әкімі» by another city's; a word on the other side may go unsaid («Кто был
   * первым руководителем Синодального отдела…?» by «Синодальный отдел… возглавляет (Шатов Аркадий Викторович)»)
   */
  besides: readonly number[];
  /** it asks a deputy («Кто заместитель акима…?»): the deputy is the post, and a deputy's word beside it is no other post's */
  deputy: boolean;
  /** it asks who heads something (a chief's post, or a verb of heading): a text may say so with a verb of heading */
  heads: boolean;
}

/**
 * Whether a written word (normalized) is one of the packs' words of that list, with an ending the pack allows; in
 * folded letters, as Kazakh is typed without its own («әкими», «акими» for «әкімі»).
 */
function isOffice(word: string, list: (office: (typeof PACKS)[Lang]['office']) => readonly string[]): boolean {
  const folded = fold(word);
  return LANGS.some((l) => {
    const { office } = PACKS[l];
    return foldedList(l, list).some((base) => folded.startsWith(base) && office.endings.test(folded.slice(base.length)));
  });
}
const FOLDED = new Map<string, readonly string[]>();
const foldedList = (l: Lang, list: (office: (typeof PACKS)[Lang]['office']) => readonly string[]) => {
  const words = list(PACKS[l].office);
  const key = `${l}\u0000${words.join(' ')}`;
  return FOLDED.get(key) ?? FOLDED.set(key, words.map((w) => fold(normalize(w)))).get(key)!;
};
const isPost = (word: string) => isOffice(word, (o) => o.posts);
const isDeputy = (word: string) => isOffice(word, (o) => o.deputy);
const isChief = (word: string) => isOffice(word, (o) => o.chiefs);
const isHeading = (word: string) => LANGS.some((l) => foldedList(l, (o) => o.heads).some((h) => fold(word).startsWith(h)));

/**
 * What a question asks of a post, when it asks who holds one (null: it asks no such thing); `phrase`: its question
 * phrase (askedBy), which must ask who someone is.
 */
export function postAsked(query: Pick<Query, 'text' | 'lang' | 'script'>, concepts: readonly Concept[], kind: AnswerKind, phrase: string): PostAsked | null {
  if (kind !== 'person' || !PACKS[query.lang].office.asks.includes(phrase)) return null;
  const { words } = wordsOf(query.text);
  const deputy = words.findIndex(isDeputy);
  const at = deputy >= 0 ? deputy : words.findIndex(isPost);
  const heading = at >= 0 ? at : words.findIndex(isHeading);
  if (heading < 0) return null;
  const conceptOf = (w: number) => (w >= 0 && w < words.length ? concepts.findIndex((c) => readsAs(c, words[w], query) || readings(words[w], query).some((t) => c.terms.has(t))) : -1);
  const post = at >= 0 ? conceptOf(at) : -1;
  // a post word read otherwise than any concept (typed: its reading the index knows was taken) asks nothing the
  // sentences can be held to
  if (at >= 0 && post < 0) return null;
  const of = conceptOf(PACKS[query.lang].office.of === 'after' ? heading + 1 : heading - 1);
  const besides = of >= 0 && of !== post ? [of] : [];
  return { post: at >= 0 ? post : null, besides, deputy: deputy >= 0, heads: deputy < 0 && (at < 0 || isChief(words[at])) };
}

/** a question word's readings as index terms: as written, and, in a question typed partly without Kazakh letters, as typed */
const readings = (word: string, query: Pick<Query, 'lang' | 'script'>) => [
  ...defaultAnalyzer.wordTerms(word, query.lang, query.script),
  ...(query.script === 'mixed' ? defaultAnalyzer.wordTerms(word, query.lang, 'typed') : []),
];

/**
 * How far after the post's word its holder's name may stand, in words that are not stopwords: Kazakh and Russian
 * texts name the holder right away («Облыс әкімі Нұралхан Оралбайұлы») or after the post's other titles («…филиалының
 * төрағасы, Түркістан облыстық мәслихатындағы партиялық фракцияның жетекшісі Алтынсары Үмбетәлиевпен»: six words;
 * «Руководителем сети Галилейских учебных заведений ИППО на протяжении многих лет был Александр Гаврилович Кезма»:
 * nine). Before it, the name stands right there, with a comma («Бакытжан Сагинтаев, аким города») or a word saying
 * the person became it («Бөкейхан төраға болып сайланды», «Иванов стал председателем»).
 */
export const HOLDER_AFTER = 10;
/** how near a deputy's word makes a post a deputy's: «облыс әкімінің орынбасары», «Премьер-Министрдің бірінші орынбасары» */
const DEPUTY_WITHIN = 3;

const CAPITALIZED = /^\p{Lu}\p{Ll}/u;
// two words of one name: only spaces or a hyphen between them («Бақытжан Сағынтаев», «Қасым-Жомарт»)
const JOINED = /^[\s\-‐‑]*$/;
// a person named before the post: only spaces and a comma between («Бакытжан Сагинтаев, аким города»)
const APPOSED = /^\s*,?\s*$/;
const isSurname = (word: string) => LANGS.some((l) => PACKS[l].office.surname.test(word));
const becomes = (word: string) => LANGS.some((l) => PACKS[l].office.becomes.includes(word));

/**
 * Whether a sentence names a person beside the post asked: a name of two capitalized words, or one the language
 * writes as a surname, that is none of the question's own names (`questionNames`, as terms), after a word of the
 * post (`meetsPost`: a post word meeting the one asked, or any post for a verb of heading) or right before it; a
 * post with a deputy's word beside it is the deputy's, unless the question asks a deputy.
 */
export function namesHolder(sentence: string, lang: Lang, asked: PostAsked, questionNames: ReadonlySet<string>, meetsPost: (terms: ReadonlySet<string>) => boolean): boolean {
  const tokens = defaultAnalyzer.analyzeTokens(sentence, lang);
  const words = tokens.map((t) => normalize(t.token.word));
  const terms = tokens.map((t) => new Set(t.terms));
  const written = (k: number) => tokens[k].token.word;
  const between = (a: number, b: number) => sentence.slice(tokens[a].token.start + written(a).length, tokens[b].token.start);
  const named = (k: number) => CAPITALIZED.test(written(k)) && !hasAny(terms[k], questionNames);
  // a person's name starting at word k: two capitalized words, or a surname
  const personAt = (k: number) => named(k) && (isSurname(written(k)) || (k + 1 < tokens.length && CAPITALIZED.test(written(k + 1)) && JOINED.test(between(k, k + 1))));
  // … and one right before the post's word i: a surname or two capitalized words, with a comma between or a word of
  // becoming («Иванов стал председателем»); one capitalized word will do with a word of becoming before or after the
  // post («Бөкейхан төраға болып сайланды»)
  const personBefore = (i: number) => {
    const saysBecame = i > 1 && becomes(words[i - 1]);
    const k = saysBecame ? i - 2 : i - 1;
    if (k < 0 || !named(k) || !(saysBecame || APPOSED.test(between(k, i)))) return false;
    const twoWords = k > 0 && CAPITALIZED.test(written(k - 1)) && JOINED.test(between(k - 1, k));
    return isSurname(written(k)) || twoWords || saysBecame || (i + 1 < tokens.length && becomes(words[i + 1]));
  };
  const nearDeputy = (i: number) => words.some((w, k) => k !== i && Math.abs(k - i) <= DEPUTY_WITHIN && isDeputy(w));
  for (let i = 0; i < tokens.length; i++) {
    // a text may say a chief's post with a verb of heading («Синодальный отдел… возглавляет (Шатов Аркадий
    // Викторович)»), or say one asked so («…восстанием руководил Виленский Центральный Комитет»); not an assistant's
    const post = isPost(words[i]);
    if (!(post ? meetsPost(terms[i]) : asked.heads && isHeading(words[i]))) continue;
    if (!asked.deputy && (isDeputy(words[i]) || nearDeputy(i))) continue;
    let content = 0;
    for (let k = i + 1; k < tokens.length && content < HOLDER_AFTER; k++) {
      if (personAt(k)) return true;
      if (terms[k].size > 0) content++;
    }
    if (personBefore(i)) return true;
  }
  return false;
}

/**
 * For «Кто такой Бакытжан Сагинтаев?», «Алшанов кім?»: the question's names (by index), when it asks who someone is
 * and says nothing else; none otherwise. The answer is most often the person's post («…отметил председатель
 * общественного совета г. Алматы Рахман Алшанов»).
 */
export function personAsked(concepts: readonly Concept[], kind: AnswerKind, phrase: string, lang: Lang): number[] {
  if (kind !== 'person' || !PACKS[lang].office.asks.includes(phrase) || concepts.some((c) => !c.name)) return [];
  return concepts.flatMap((c, k) => (/^\d/.test(c.stem) ? [] : [k]));
}

/** How near a person's name a post of theirs stands, in words that are not stopwords: before it («…председатель общественного совета г. Алматы Рахман Алшанов»: five), after it. */
export const POST_BEFORE = 6;
export const POST_AFTER = 3;

/** Whether a sentence names a post beside one of the person's names (`meetsName`, a word's terms). */
export function namesPostOf(sentence: string, lang: Lang, meetsName: (terms: ReadonlySet<string>) => boolean): boolean {
  const tokens = defaultAnalyzer.analyzeTokens(sentence, lang);
  const terms = tokens.map((t) => new Set(t.terms));
  const posts = tokens.map((t) => isPost(normalize(t.token.word)));
  for (let i = 0; i < tokens.length; i++) {
    if (!meetsName(terms[i])) continue;
    if (within(terms, posts, i, -1, POST_BEFORE) || within(terms, posts, i, 1, POST_AFTER)) return true;
  }
  return false;
}

/** whether a post stands within `most` words that are not stopwords of word i, going `step` (−1 back, 1 on) */
function within(terms: readonly ReadonlySet<string>[], posts: readonly boolean[], i: number, step: -1 | 1, most: number): boolean {
  let content = 0;
  for (let k = i + step; k >= 0 && k < terms.length && content < most; k += step) {
    if (posts[k]) return true;
    if (terms[k].size > 0) content++;
  }
  return false;
}

function hasAny(terms: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  for (const t of terms) if (of.has(t)) return true;
  return false;
}

/** the year a document is of: its own, or its date's (undefined: it says none) */
function yearOf(meta: DocMeta): number | undefined {
  if (meta.year !== undefined) return meta.year;
  const m = meta.date?.match(/\b(1\d{3}|20\d{2})\b/);
  return m ? Number(m[1]) : undefined;
}

/**
 * The quote candidates in the order to quote them for a question asking who holds a post: those naming a holder
 * first, a document of a year the question asks about first («…в 2013 году?»), then the newest document's (posts
 * change hands: «Алматы қаласының әкімі кім?» is answered by 2019's «…әкімі Бақытжан Сағынтаев» before 2013's «Қала
 * әкімі Ахметжан Есімов»; each citation shows its date), then the rest as they were.
 */
export function holdersFirst<T extends { namesHolder: boolean; result: { doc: { meta: DocMeta } } }>(ranked: readonly T[], years: readonly string[] = []): T[] {
  const year = (c: T) => yearOf(c.result.doc.meta) ?? 0;
  const asked = (c: T) => (years.includes(String(year(c))) ? 1 : 0);
  const holders = ranked.filter((c) => c.namesHolder);
  // a stable sort: among holders of one year (or none), the better scored first
  return [...holders.sort((a, b) => asked(b) - asked(a) || year(b) - year(a)), ...ranked.filter((c) => !c.namesHolder)];
}
