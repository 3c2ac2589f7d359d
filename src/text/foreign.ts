// A question in a language the product does not answer in. The corpus and the replies are Kazakh and Russian; a
// question in English («Who is the akim of Almaty?») was read as Kazakh typed in Latin letters and declined in
// Kazakh, which its writer cannot read. English is what a visitor or a foreign resident writes, so it is told by
// its commonest function words, none of which is a word of Russian or Kazakh typed in Latin letters («kto», «qansha»).

const ENGLISH = new Set(['the', 'of', 'is', 'are', 'was', 'were', 'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'which', 'does', 'did', 'many', 'much', 'there', 'this', 'that', 'and', 'with', 'for', 'from', 'about', 'can', 'will', 'should']);
/** English words it takes, and the share of the words they must be: «is» alone may be Kazakh «іс» typed in Latin («is-shara») */
const ENGLISH_EVIDENCE = { words: 2, share: 0.25 };

/** Whether a text is written in English (Latin letters only, enough English function words). */
export function writtenInEnglish(text: string): boolean {
  if (/\p{Script=Cyrillic}/u.test(text)) return false;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH.has(w)).length;
  return english >= ENGLISH_EVIDENCE.words && english >= ENGLISH_EVIDENCE.share * words.length;
}
