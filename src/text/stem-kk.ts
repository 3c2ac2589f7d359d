// A Kazakh suffix-stripping stemmer. No maintained one exists for JavaScript, so it is written here: Kazakh is
// agglutinative (root + plural + possessive + case, or verb + tense + person), and every suffix comes in
// vowel-harmony and consonant-assimilation variants, all of which are listed. Suffixes are stripped from the
// end, longest first, while a root of at least MIN_STEM letters with a vowel remains.

const v = (...forms: string[]) => forms;

// Grouped by what they mark, for whoever edits this; the stemmer only needs the union.
const SUFFIXES: string[] = [
  // plural
  ...v('лар', 'лер', 'дар', 'дер', 'тар', 'тер'),
  // possessive
  ...v('ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'ңыз', 'ңіз', 'ым', 'ім', 'ың', 'ің', 'сы', 'сі', 'ы', 'і'),
  // genitive, dative, accusative, locative, ablative, instrumental, equative
  ...v('ның', 'нің', 'дың', 'дің', 'тың', 'тің'),
  ...v('ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е'),
  ...v('ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н'),
  ...v('нда', 'нде', 'да', 'де', 'та', 'те'),
  ...v('нан', 'нен', 'дан', 'ден', 'тан', 'тен'),
  ...v('менен', 'бенен', 'пенен', 'мен', 'бен', 'пен'),
  ...v('ша', 'ше', 'дай', 'дей', 'тай', 'тей'),
  // attributive «-дағы» (Алматыдағы), «-ғы» (алғашқы, жоғарғы)
  ...v('дағы', 'дегі', 'тағы', 'тегі', 'ндағы', 'ндегі', 'ғы', 'гі', 'қы', 'кі'),
  // derivation that keeps the meaning close: «-лық» (биіктік ← биік), «-шы» (саяхатшы)
  ...v('лық', 'лік', 'дық', 'дік', 'тық', 'тік', 'шы', 'ші'),
  // verbal: participles, converbs, tenses, verbal nouns, moods
  ...v('ған', 'ген', 'қан', 'кен', 'атын', 'етін', 'йтын', 'йтін', 'итын', 'итін'),
  ...v('ып', 'іп', 'ады', 'еді', 'йды', 'йді', 'ды', 'ді', 'ты', 'ті'),
  ...v('мақ', 'мек', 'бақ', 'бек', 'пақ', 'пек', 'уы', 'уі', 'у', 'са', 'се', 'сын', 'сін'),
  ...v('ылды', 'ілді', 'ынды', 'інді', 'луы', 'луі', 'нуы', 'нуі'),
  // predicative person endings
  ...v('мын', 'мін', 'бын', 'бін', 'пын', 'пін', 'быз', 'біз', 'пыз', 'піз', 'сың', 'сің', 'сыз', 'сіз'),
];

const BY_LENGTH = [...new Set(SUFFIXES)].sort((a, b) => b.length - a.length);
const MAX_LEN = BY_LENGTH[0].length;
const SUFFIX_SET = new Set(BY_LENGTH);
const VOWELS = 'аәеиоөұүыіэюяу';
const VOICELESS = 'кқпстфхцчшщ';
const MIN_STEM = 3;
const MAX_STRIPS = 5;

const isVowel = (c: string) => VOWELS.includes(c);

/**
 * Kazakh suffixes assimilate to the sound before them («-да» after a vowel or voiced consonant, «-та» after a
 * voiceless one, «-сы» only after a vowel, «-ы» only after a consonant). Checking that stops most false cuts:
 * «саясаты» is «саясат» + «ы», not «саяса» + «ты».
 */
function fits(before: string, suffix: string): boolean {
  const c = suffix[0];
  // attributive «-ғы/-қы» only after a consonant: «әкімдігі» is әкімдік + і
  if (['ғы', 'гі', 'қы', 'кі'].includes(suffix) && isVowel(before)) return false;
  if (c === 'у') return true; // the verbal noun: тірке-у, қаржыландыр-у
  // у is a glide before a suffix vowel: тау-ы, not тау-сы
  if (isVowel(c)) return !isVowel(before) || before === 'у';
  // after a vowel or a sonorant Kazakh voices the suffix (да, not та); loanwords keep т after voiced stops (геологтың)
  if ('ткқп'.includes(c)) return !isVowel(before) && !'лмнңрйу'.includes(before);
  if ('дгғб'.includes(c)) return !VOICELESS.includes(before);
  if (c === 'л') return isVowel(before) || 'рйу'.includes(before);
  if (c === 'м') return isVowel(before) || 'лрйумнңзж'.includes(before);
  if (c === 'й') return isVowel(before);
  if (suffix === 'н') return before === 'ы' || before === 'і';
  if (c === 'н') return isVowel(before) || 'мнң'.includes(before);
  // a root seldom ends in ы/і: «облысы» is «облыс» + «ы», not «облы» + «сы»
  if (suffix === 'сы' || suffix === 'сі') return isVowel(before) && !'ыіу'.includes(before);
  return true;
}

// The converb «-ып/-іп» only after a root of 4+ letters: «кәсіп», «тұрып» are words, not кәс + іп.
const longEnough = (root: string, suffix: string) => root.length >= (suffix === 'ып' || suffix === 'іп' ? 4 : MIN_STEM);

// Before a vowel-initial suffix a final к/қ/п voices to г/ғ/б (әкімдік → әкімдігі), while loanwords keep a
// voiced final in every form (клуб, клубы). Devoicing every stem's final consonant makes both kinds meet.
const DEVOICE: Record<string, string> = { 'г': 'к', 'ғ': 'қ', 'б': 'п', 'д': 'т' };
const devoice = (stem: string) => (DEVOICE[stem[stem.length - 1]] ? stem.slice(0, -1) + DEVOICE[stem[stem.length - 1]] : stem);

/** Stems one lower-cased Kazakh word: «қаласындағы» → «қал», «жұмыстарының» → «жұмыс». */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let strips = 0; strips < MAX_STRIPS; strips++) {
    let cut = '';
    for (let len = Math.min(MAX_LEN, stem.length - MIN_STEM); len >= 1; len--) {
      const suffix = stem.slice(-len);
      const root = stem.slice(0, -len);
      if (SUFFIX_SET.has(suffix) && fits(root[root.length - 1], suffix) && [...root].some(isVowel) && longEnough(root, suffix)) {
        cut = suffix;
        break;
      }
    }
    if (!cut) break;
    stem = stem.slice(0, -cut.length);
    // devoice as soon as a vowel suffix is gone, so the restored root can lose its own suffixes (әкімдігі → әкімдік → әкім)
    if (isVowel(cut[0])) stem = devoice(stem);
  }
  return devoice(stem);
}
