// Follow-up questions: «Шымкентте неше мектеп салынды?» then «Ал Таразда ше?». A question that leans on the one
// before it (an opener or closer such as «ал … ше?», «а …?», a word that refers back, or nothing of its own but a
// name or a number) is asked with the earlier question's concepts carried over at a lower weight, except those
// its own words replace: a new place or name replaces the old ones, a new number the old numbers, and a word
// asked again counts once, at full weight. A question that stands on its own is asked on its own.
import { LANGS, PACKS } from '../lang/index.ts';
import { queryOf, type Concept, type Query } from './query.ts';

export const CONVERSATION = {
  /** what an earlier question's concepts weigh in a follow-up (halved again for each turn further back) */
  carry: 0.5,
  /** questions of one conversation kept: the oldest beyond this no longer shape the next */
  maxTurns: 3,
  /** a conversation idle this long is over */
  ttlMs: 30 * 60 * 1000,
};

const WORD = /[\p{L}\p{N}]+/gu;
const isNumber = (c: Concept) => /^\d/.test(c.stem);
/** a name, or the question's first word, capitalized or not (a place such as «Шымкентте» opening the question) */
const isNamed = (c: Concept) => (c.name || c.firstWord) && !isNumber(c);

/**
 * The names a follow-up brings of its own («Тараз» in «А в Таразе?» after a question on Pavlodar): what it now asks
 * about, in place of the earlier question's names. None for a question that stands on its own.
 */
export function namedAnew(query: Query): Concept[] {
  return query.follows === undefined ? [] : query.concepts.filter((c) => c.weight === undefined && isNamed(c));
}

/** Whether a question leans on the one before it. */
export function isFollowUp(query: Query): boolean {
  const words = query.text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return false;
  for (const lang of LANGS) {
    const { openers, closers, references } = PACKS[lang].followUp;
    if (openers.includes(words[0]!) || closers.includes(words.at(-1)!) || words.some((w) => references.includes(w))) return true;
  }
  // one concept at most, or only names and numbers: too little to stand alone
  return query.concepts.length <= 1 || query.concepts.every((c) => isNamed(c) || isNumber(c));
}

/** The words of a question that mark it as a follow-up («ал», «ше», «толығырақ», «подробнее»). */
function markerWords(query: Query): string[] {
  const words = new Set(query.text.toLowerCase().match(WORD) ?? []);
  const markers = new Set<string>();
  for (const lang of LANGS) {
    const { openers, closers, references } = PACKS[lang].followUp;
    for (const w of [...openers, ...closers, ...references]) if (words.has(w)) markers.add(w);
  }
  return [...markers];
}

/**
 * The follow-up `asked` in the context of `previous` (itself possibly a follow-up); `markers`: the stems of
 * its marker words, which say how it is asked, not what about.
 */
export function followUp(previous: Query, asked: Query, markers: ReadonlySet<string> = new Set()): Query {
  const current = { ...asked, concepts: asked.concepts.filter((c) => !markers.has(c.stem)) };
  const stems = new Set(current.concepts.map((c) => c.stem));
  const newName = current.concepts.some(isNamed);
  const newNumber = current.concepts.some(isNumber);
  // «подробнее» alone asks the same question again: its context counts in full
  const carry = current.concepts.length ? CONVERSATION.carry : 1;
  const carried = previous.concepts
    .filter((c) => !stems.has(c.stem) && !(newName && isNamed(c)) && !(newNumber && isNumber(c)))
    .map((c) => ({ ...c, weight: (c.weight ?? 1) * carry }));
  return queryOf(current.text, current.lang, current.script, [...current.concepts, ...carried], previous.text);
}

/**
 * The query for `question` after the conversation's earlier questions (oldest first, since the last one that
 * stood on its own); `analyze` turns a question into a query, given the language to assume when it does not tell.
 */
export function inConversation(question: string, earlier: readonly string[], analyze: (q: string, langHint?: Query['lang']) => Query, langHint?: Query['lang']): Query {
  let context: Query | null = null;
  for (const q of [...earlier.slice(-CONVERSATION.maxTurns), question]) {
    const query = analyze(q, context?.lang ?? langHint);
    if (context && isFollowUp(query)) {
      const markers = markerWords(query);
      const stems = new Set(markers.length ? analyze(markers.join(' '), query.lang).concepts.map((c) => c.stem) : []);
      context = followUp(context, query, stems);
    } else context = query;
  }
  return context!;
}
