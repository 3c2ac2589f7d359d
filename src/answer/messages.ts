// Every word the product says to a person, in Kazakh and Russian: one table, so a reply never mixes languages.
// The bot and the command line both read it.
import type { Lang } from '../text/lang.ts';

export const MESSAGES = {
  kk: {
    intro: 'Дереккөздерде былай делінген:',
    decline: 'Менің дереккөздерімде бұл сұраққа жауап жоқ.',
    notAQuestion: 'Сұрағыңызды сөзбен жазыңыз, мысалы: «Алматы әкімі қандай тапсырмалар берді?»',
    greeting: 'Сәлеметсіз бе! Әкімдіктер, мәслихаттар, партия филиалдары мен мемлекеттік бағдарламалар туралы сұраңыз, мысалы: «Қызылордада неше үкіметтік емес ұйым тіркелген?»',
    thanks: 'Оқасы жоқ! Тағы сұрағыңыз болса, жазыңыз.',
    otherLanguage: 'Мен қазақ және орыс тілдеріндегі сұрақтарға жауап беремін.',
    sourceLang: { kk: 'қазақша', ru: 'орысша' },
    truncated: (n: number) => `Сұрақ тым ұзын, алғашқы ${n} таңбасы ғана қарастырылды.`,
    source: 'Дереккөз',
    page: (first: number, last?: number) => (last && last !== first ? `${first}–${last}-беттер` : `${first}-бет`),
  },
  ru: {
    intro: 'Вот что говорится в источниках:',
    decline: 'В моих источниках нет ответа на этот вопрос.',
    notAQuestion: 'Напишите вопрос словами, например: «Что поручил аким Алматы районным акимам?»',
    greeting: 'Здравствуйте! Спросите об акиматах, маслихатах, партийных филиалах и госпрограммах, например: «Сколько НПО зарегистрировано в Кызылорде?»',
    thanks: 'Пожалуйста! Спрашивайте, если будут ещё вопросы.',
    otherLanguage: 'Я отвечаю на вопросы на казахском и русском языках.',
    sourceLang: { kk: 'на казахском', ru: 'на русском' },
    truncated: (n: number) => `Вопрос слишком длинный, я прочитал только первые ${n} символов.`,
    source: 'Источник',
    page: (first: number, last?: number) => (last && last !== first ? `с. ${first}–${last}` : `с. ${first}`),
  },
};

export type Messages = (typeof MESSAGES)['ru'];

// Every language's table must have all of the Russian one: a missing or misspelt Kazakh string fails here.
MESSAGES satisfies Record<Lang, Messages>;

export const messages = (lang: Lang): Messages => MESSAGES[lang];

/** The reply to a question in another language (text/foreign.ts): in English, as it was asked, then in both of ours. */
export const ONLY_OUR_LANGUAGES = ['I answer questions in Kazakh and Russian.', MESSAGES.kk.otherLanguage, MESSAGES.ru.otherLanguage].join('\n');
