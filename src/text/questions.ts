// Several questions in one message. Chat users ask two things at once («Кто аким Алматы? И сколько школ
// построят?»); asked together, the two ask for two different facts, no passage meets both, and the message was
// declined. Each is answered in turn instead, the second as a follow-up of the first when it leans on it.

/** at most this many questions of one message are answered; a longer run of them is read as one text */
export const MAX_QUESTIONS = 3;
/** each part must say this much (words of two letters or more) to be a question of its own: «Почему?» leans on the one before */
const MIN_WORDS = 2;

/**
 * The questions of a message, each ending with its question mark; the message itself when it asks one, too many, or
 * goes on with something else («Кто аким Алматы? Расскажите подробнее.»).
 */
export function separateQuestions(text: string): string[] {
  const parts = text.trim().split(/(?<=[?？])\s+(?=\S)/u).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_QUESTIONS) return [text];
  // each part a question of its own: asked (a question mark ends it) and saying enough
  const asks = (p: string) => /[?？]$/u.test(p) && (p.match(/\p{L}{2,}/gu) ?? []).length >= MIN_WORDS;
  return parts.every(asks) ? parts : [text];
}
