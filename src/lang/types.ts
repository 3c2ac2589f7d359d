// What the product knows about one language, in one place: detection cues, stemming, stopwords, how people type
// it, and its question words. Everything that loops over languages loops over the packs (index.ts).

export type Lang = 'kk' | 'ru';

/** The administrative units a place name comes with («Қызылорда облысы», «города Алматы», «Алатау ауданы»). */
export type UnitKind = 'region' | 'city' | 'district' | 'village';

/** What kind of answer a question asks for, from its question word. */
export type AnswerKind = 'quantity' | 'date' | 'person' | 'place' | 'other';

export interface LanguagePack {
  code: Lang;
  /** letters this language has and the other does not: the strongest cue (global, for counting) */
  ownLetters: RegExp;
  /**
   * A word with one of `ownLetters` belongs to this language whatever text it stands in: true for Kazakh (its
   * letters never occur in Russian words), false for Russian (ё, щ, ъ, э occur in Kazakh loanwords).
   */
  ownLettersMarkWords: boolean;
  /** the commonest function and question words, lower case: detection cues */
  functionWords: ReadonlySet<string>;
  /** word endings typical of this language and rare in the other, for words without telltale letters */
  endings: RegExp;
  /** stems one normalized word of this language */
  stem(word: string): string;
  /**
   * Other stems a question's word should meet, where the stemmer gives one word's forms two stems (Russian
   * surnames: «Токаев» → «тока», «Токаева» → «токаев»). `name`: the word is capitalized, so may be a name.
   */
  otherStems?(word: string, stem: string, name: boolean): readonly string[];
  /**
   * A negating particle texts write apart from a describing word or participle and also joined to it («не занятых»
   * and «незанятых»): a text's pair also gives the joined word's stem, so that either spelling meets the other.
   */
  negation?: string;
  /**
   * The name a capitalized word is derived from, lower case (the place of a place adjective: «Алатауском» →
   * «алатау», «Кызылординской» → «кызылорд»): names are written alike in both languages, so the base meets the
   * place in the other language's texts («Алатау ауданы»), where the adjective never stands.
   */
  nameBases?(word: string): readonly string[];
  /**
   * Where a stem means the opposite of the word it begins with (the Kazakh privative: «жұмыссыз», unemployed, of
   * «жұмыс», work; «тәуелсіз», independent), a pattern of such stems, folded: they get no prefix term, which would
   * meet that word («Түркістан облысында жұмыссыздық деңгейі қандай?» was answered by sentences on «жұмыс»).
   */
  opposite?: RegExp;
  /** stopword list file under data/ */
  stopwordsFile: string;
  /**
   * How a question leans on the one before it (a follow-up in a conversation), lower case: words that open one
   * («ал», «а»), words that close one («ше»), and words that refer back (pronouns, «толығырақ», «подробнее»).
   */
  followUp: { openers: readonly string[]; closers: readonly string[]; references: readonly string[] };
  /**
   * a number written as a word, whole and lower case («шесть», «тринадцати», «тысяч»; «алты», «мың»): an amount in
   * words answers «сколько» too. Words that are also something else («один», «бір»: a, one of) are left out.
   */
  numberWord: RegExp;
  /**
   * «one» before a unit of time, which is a duration and no article («бір жыл бір ай», «один год»): it answers «how
   * long» («қанша уақыт», «сколько времени») as a number does. Tested on a sentence, lower case.
   */
  oneSpan: RegExp;
  /** a month's name, whole and lower case, any case form («марта», «наурызда»): a date answers «когда» even without a year */
  monthWord: RegExp;
  /**
   * Words that open a sentence leaning on the one before it, lower case: pronouns («это», «бұл») and connectives
   * («причём», «оның ішінде»). «…план действий. Причём срок указан конкретный — до 1 августа»: the date belongs to
   * the sentence before, and a quote of such a sentence grows backwards first.
   */
  continues: readonly string[];
  /**
   * Of `continues`, the connectives that add a detail to the sentence before («причём», «кроме того», «атап
   * айтқанда», «оның ішінде») rather than refer back to what it says («именно столько», «бұл»): a number in the
   * sentence before is not what such a sentence speaks of («…7 әлеуметтік жоба жүзеге асырылуда. Атап айтқанда,
   * «…діни экстремизм…» жобалары…» does not count religious associations), though a number in it may belong there.
   */
  elaborates: readonly string[];
  /**
   * Being born, dying and living, as questions ask («родился», «туған», «жил», «өмір сүрген»), and how a text says
   * them at once: a life span in brackets after a name («Арсеньев (10 сентября 1872, Санкт-Петербург — 4 сентября
   * 1930, Владивосток)», «(1950 ж. т.)», a state's «(745 — 840)»), which answers «когда родился / умер / жил» and
   * «где родился» without the verb, and no other «когда».
   */
  life: { words: readonly string[]; span: RegExp };
  /**
   * Abbreviations written before a name, lower case and without their period («г.» Алматы, «ул.» Абая, «им.»,
   * «акад.»): ICU ends a sentence at such a period before a capital, and «…председатель общественного совета г.» stood
   * apart from «Алматы Рахман Алшанов.», the name it gives.
   */
  abbreviations: readonly string[];
  /**
   * Words that place the asked fact relative to now, lower case («сегодня», «завтра», «сейчас»; «бүгін», «ертең»,
   * «қазір», «биыл»): like a date or a year, they say when, not what is asked, so they are not focus words. «Какая
   * погода будет завтра в Алматы?» is not answered by a sentence on «ертеңгі күні» (the days to come) alone.
   */
  now: readonly string[];
  /**
   * A message that is only a greeting or a thank-you («Привет!», «Сәлеметсіз бе», «Рахмет!»), lower case: the words
   * that make it one, and the words that may stand beside them («добрый день», «көп рахмет»). Such a message gets a
   * greeting or a "you are welcome", not quotes found for the word «привет».
   */
  smallTalk: { greeting: readonly string[]; thanks: readonly string[]; besides: readonly string[] };
  /**
   * The words for each kind of administrative unit, lower case, any form the stemmer brings together: the unit a
   * question names a place with («Қызылорда облысының әкімі») must be the unit a sentence names it with, or the
   * sentence speaks of another place of that name (the city of Қызылорда, not its region).
   */
  units: Record<UnitKind, readonly string[]>;
  /**
   * Kazakhstan's cities that give their name to a region, as the language writes them: written bare, such a name
   * is the city («Қызылордада…», «в Актобе»), its region being named with its unit («Қызылорда облысында»), whatever
   * the corpus holds of either.
   */
  citiesNamingRegions: readonly string[];
  /**
   * What a «how many» question counts: the words after which the counted noun stands («сколько станций», «қанша
   * мектеп»), how many words after them to take («сколько анимационных фильмов»: an adjective may come first), words
   * there that count nothing («сколько раз»: the answer says «дважды»), and, where the language has them there,
   * verb endings («сколько стоит», «сколько получают»: a price or a wage, no counted noun).
   */
  counting: {
    after: readonly string[];
    notCounted: readonly string[];
    verb?: RegExp;
    /** a word there that describes the counted noun, which follows it («сколько анимационных фильмов») */
    modifier?: RegExp;
    /**
     * words or phrases that make a «how much» question ask for a price or a sum («сколько стоит», «қанша тұрады»,
     * «бағасы», «сколько денег», «қанша ақша», «какой бюджет»): its answer names a currency
     */
    money: readonly string[];
    /**
     * words read past between a number and what it counts: scales and approximations («70 тысяч», «более»,
     * «800 мыңнан астам адам»)
     */
    scales: readonly string[];
    /** words that count anything, people or units («500 человек», «дана»): a number they follow may count what is asked */
    counters: readonly string[];
    /**
     * words naming people, any of which counts people: «Сколько человек…?», «Неше адам…?» are answered by «10000-нан
     * астам азамат», «120 жителей»
     */
    people: readonly string[];
    /**
     * A question asking a level, share or rate («какой уровень безработицы», «жұмыссыздық деңгейі қандай»): the word
     * for it, and on which side of it the measured noun stands. A number in the answer must be said of that noun,
     * as of a counted one. `form`: the ending the noun takes there, where the word beside it may be something else
     * (Russian: the genitive, «уровень безработицы»; «Под какой процент акимат будет…» measures nothing named).
     */
    measures: { words: readonly string[]; noun: 'before' | 'after'; form?: RegExp };
    /**
     * pay and benefits, which a question asking an amount measures themselves («Какая средняя зарплата в …?»,
     * «Орташа жалақы қанша?»): a number in the answer must be said of the pay, not of a price or a share beside it
     */
    pay: readonly string[];
  };
  /**
   * The noun naming the kind of thing a question asks for («Какой клуб…», «Қандай кешен…»): the words after which it
   * stands, and the ending of a describing word that may come before it («какие партийные проекты»: проекты). The
   * answering sentence most often names it («…«Саяси партиялар» клубы бар»).
   */
  category: {
    after: readonly string[];
    describing: RegExp;
    /**
     * things named by a title in quotes («Какой клуб…?» → «Саяси партиялар» клубы; «Қай жырда…?» → «Едіге батыр»):
     * for «which» one of them, the sentence naming one by a new title is the answer's
     */
    titled: readonly string[];
  };
  /**
   * A question asking who holds a post («Кто аким Алматы?», «Облыс әкімі кім?», «Кто возглавляет отдел…?»): the
   * answering sentence names a person beside the post («Облыс әкімі Нұралхан Оралбайұлы…», «…бастығы Бақтияр
   * Мәкенмен»), and a sentence naming the post alone («Аким Алматы встретился с городским активом») does not answer.
   * Posts are read by their written words, not their stems (the Kazakh stemmer makes «басшы» «бас», a head of
   * anything, and «елші» «ел», a country): `posts` and `deputy` are words' beginnings, lower case, that `endings`
   * (in folded letters, normalize.ts fold) may end («әкім» + «інің»; not «әкім» + «дігі», the akimat); `deputy` makes
   * a post beside it a deputy's («заместитель акима», «әкімінің орынбасары»), another post; `heads`: beginnings of
   * the words of heading something, which ask any post's holder («Кто возглавляет…?») and in a text may stand for a
   * head's post («…восстанием руководил…», «Синодальный отдел… возглавляет…»); `chiefs`: the posts (of `posts`)
   * that head something, which a text so says; `asks`: the question words asking who someone is, not whom or with whom («С кем
   * аким обсуждал…?» asks no post's holder); `surname`: a word the language's texts write as a surname, with the case
   * endings they add («Есімовтің», «Сагинтаева»); `becomes`: the words that make a name before the post its holder's
   * («Бөкейхан төраға болып сайланды», «Иванов стал председателем»), lower case, whole; `of`: on which side of the
   * post the language names what it is the post of («министр образования», «Білім министрі»), which the answering
   * sentence must name too.
   */
  office: { posts: readonly string[]; deputy: readonly string[]; endings: RegExp; heads: readonly string[]; chiefs: readonly string[]; asks: readonly string[]; surname: RegExp; becomes: readonly string[]; of: 'before' | 'after' };
  /**
   * How a question marks a capitalized word as a place it asks about, beside a unit word (`units`): a preposition
   * before it («в Шымкенте», «из Шымкента») or a case ending on it («Шымкентте», «Шымкенттен», «Шымкенттегі»). A place
   * the index has never seen in any form cannot be what its passages speak of (answer/places.ts).
   */
  place: { before: readonly string[]; endings?: RegExp };
  /**
   * Question words as chat users write them, normalized (lower case, ё as е), and the word each stands for
   * («скока» → «сколько»): no text holds them, so they are put back before the question is read (text/respell.ts;
   * one mistyped letter is put back without a list).
   */
  colloquial: Readonly<Record<string, string>>;
  /**
   * Words that make a year of a question the date its figure holds at, not the period it asks about («Сколько детей у
   * … по данным на 2019 год?», «на март 2019»): `before` the year (a month or «начало» may stand between), `after` it.
   * A passage need not name such a year.
   */
  asOf: { before: readonly string[]; after: readonly string[] };
  /**
   * How a text says a number is a year (answer/years.ts; «2000 человек» is none): a word `after` it, as it begins
   * («году», «г.», «жылы»), or a preposition `before` it («в 2017»).
   */
  yearWords: { after: readonly string[]; before: readonly string[] };
  /** how the language's texts name money: currency words, lower case, whole or as the start of a word («тенге», «руб») */
  currency: readonly string[];
  /**
   * the word a «%» sign stands for in the language's texts («60,46%» says «процент»), so that «қанша пайыз», «какая
   * доля» questions meet it, and a number followed by it counts percent, not what a «how many» question counts
   */
  percent: string;
  /** question words by the kind of answer they ask for (lower case) */
  questionWords: Record<Exclude<AnswerKind, 'other'>, readonly string[]>;
  /**
   * Latin letters to this language's Cyrillic as its speakers type it without a Cyrillic keyboard, for a language
   * other than the `typed` reader's (Russian «Skolko shkol nuzhno postroit?» → «Сколко школ нужно построит?»: no soft
   * sign, which the index folds away anyway). Its stopwords are then also met without ь and ъ.
   */
  latin?: { fromLatin(text: string): string };
  /**
   * How the language is typed without its own letters (on another keyboard, or in Latin letters), when people
   * do: function words as so typed, a stemmer for such words, and a Latin → Cyrillic transliteration.
   */
  typed?: {
    /** function words without the language's own letters (ambiguous ones with the other language left out) */
    functionWords: ReadonlySet<string>;
    /** endings of words so typed, typical of this language and rare in the other (as `endings`, for typed words) */
    endings: RegExp;
    /** stems a word typed without the language's own letters; the stem folds like the proper word's */
    stem(word: string): string;
    /** Latin letters that only this language's Latin spellings use (Kazakh q, ä, ğ …): a strong cue */
    latinLetters: RegExp;
    /** Latin letters (the official alphabet and informal ASCII) to Cyrillic, folded */
    fromLatin(text: string): string;
    /**
     * Other readings of a word read back from Latin letters where the Latin is ambiguous (Kazakh «ya»: я, or ы and а
     * as in «Saryarqa», Сарыарқа)
     */
    alsoRead(word: string): readonly string[];
    /** replaces the language's own letters by what is typed instead (қ → к …) */
    foldOwnLetters(text: string): string;
  };
}

/**
 * A life span in brackets as both languages' texts write it, one bracket inside allowed: a year on one side of a
 * spaced dash («(6 февраля 1833, Патрик — 12 мая 1864, Ричмонд)», «(18 (30) августа 1863 — …)», «(… — 4 сентября
 * 1930, Владивосток)»). Each pack adds how its language says "born in" alone (`life.span`).
 */
export const LIFE_SPAN = String.raw`\((?:[^()]|\([^()]*\))*?(?:\d{3,4}(?:[^()]|\([^()]*\))*?\s[—–-]\s|\s[—–-]\s(?:[^()]|\([^()]*\))*?\d{3,4})(?:[^()]|\([^()]*\))*\)`;
