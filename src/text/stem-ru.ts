// Russian stemming: the Snowball algorithm, from the snowball-stemmers package, with one guard.
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
 * Kazakh names as Russian texts decline them, whose forms Snowball splits in two («Астана» → «аста» but «Астане» →
 * «астан», «Туркестан» → «туркеста» but «Туркестане» → «туркестан»): a word that is one of these followed by a
 * noun case ending stems to it. Only names whose stems split; the others (Шымкент, Караганда, Тараз) agree already.
 */
const KAZAKH_NAMES = ['астан', 'туркестан', 'костана', 'конаев', 'отан'];
const CASE_ENDING = /^(?:|а|я|ы|и|е|у|ю|ой|ей|ом|ем|ою|ам|ям|ами|ями|ах|ях|ов|ев)$/;

function kazakhName(word: string): string | null {
  for (const name of KAZAKH_NAMES) if (word.startsWith(name) && CASE_ENDING.test(word.slice(name.length))) return name;
  return null;
}

/** Stems one lower-cased Russian word: «акиматами» → «акимат». */
export function stemRussian(word: string): string {
  const name = kazakhName(word);
  if (name) return name;
  const stem = russian.stem(word);
  return stem.length < MIN_STEM && word.length >= stem.length + 2 && word.length > MIN_STEM ? word : stem;
}
