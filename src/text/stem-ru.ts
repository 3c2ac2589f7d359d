// Russian stemming: the Snowball algorithm, from the snowball-stemmers package.
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');

/** Stems one lower-cased Russian word: «акиматами» → «акимат». */
export function stemRussian(word: string): string {
  return russian.stem(word);
}
