// Russian stemming: the Snowball algorithm, from the snowball-stemmers package, with guards where its stems split
// one word's forms.
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');

/**
 * A stem shorter than this, cut from a word longer than it by two letters or more, is taken for a mistake and the
 * word kept whole (short words such as «еда» → «ед» stem as before): Snowball reads
 * the end of «аким» and «ауыл» as adjective and verb endings («ак», «ау»), while every other form of them stems
 * to «аким» and «ауыл», and «ак» meets the Kazakh «ақ» (white).
 */
const MIN_STEM = 3;

/**
 * Nouns whose forms Snowball splits in two, each with the stem all its forms get: a word that is one of these
 * followed by a noun case ending stems to it. Kazakh names as Russian texts decline them, whose end Snowball takes
 * for the verb ending -н after а («Астана» → «аста» but «Астане» → «астан», «Казахстан» → «казахста» but
 * «Казахстане» → «казахстан»; the lands in -стан by the pattern below), and nouns in -сь, whose end it takes for a
 * verb's reflexive («Беларусь» → «белар» but «Беларуси» → «беларус»). Only nouns whose stems split; the others
 * (Шымкент, Караганда, Тараз, Россия) agree already. Семей is left out: it is also «семей», of families.
 */
const SPLIT_NOUNS = ['астан', 'костана', 'конаев', 'отан', 'талдыкорган', 'жезказган', 'беларус', 'рус'];
const CASE_ENDING = /^(?:|а|я|ы|и|е|у|ю|ь|ью|ой|ей|ом|ем|ою|ам|ям|ами|ями|ах|ях|ов|ев)$/;
/** the lands in -стан (Казахстан → «казахста» but Казахстане → «казахстан»; Туркестан, Узбекистан…), declined */
const STAN = /^(.{2,}стан)(.*)$/;

function splitNoun(word: string): string | null {
  for (const noun of SPLIT_NOUNS) if (word.startsWith(noun) && CASE_ENDING.test(word.slice(noun.length))) return noun;
  const stan = STAN.exec(word);
  return stan && CASE_ENDING.test(stan[2]) ? stan[1] : null;
}

/** Stems one lower-cased Russian word: «акиматами» → «акимат». */
export function stemRussian(word: string): string {
  const noun = splitNoun(word);
  if (noun) return noun;
  const stem = russian.stem(word);
  return stem.length < MIN_STEM && word.length >= stem.length + 2 && word.length > MIN_STEM ? word : stem;
}
