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

/** Stems one lower-cased Russian word: «акиматами» → «акимат». */
export function stemRussian(word: string): string {
  const stem = russian.stem(word);
  return stem.length < MIN_STEM && word.length >= stem.length + 2 && word.length > MIN_STEM ? word : stem;
}
