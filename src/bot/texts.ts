// What the bot says besides answers, in Kazakh and Russian. Answers' own words live in answer/messages.ts.
import type { Lang } from '../text/lang.ts';
import { LANGS } from '../lang/index.ts';
import { SUPPORTED } from '../corpus/readers/index.ts';
import type { FeedbackReason } from '../insights/questions.ts';
import type { ProblemTexts } from '../corpus/problems.ts';

export const TEXTS = {
  ru: {
    start:
      'Здравствуйте! Я отвечаю на вопросы о работе акиматов, маслихатов, партийных филиалов и госпрограмм по новостям и интервью — цитатами из источников со ссылками.\n\n' +
      'Просто напишите вопрос на русском или казахском. В группе: /ask вопрос или ответ на моё сообщение. В любом чате: @{bot} вопрос.',
    help:
      '<b>Как спросить</b>\n• В личном чате — просто текст вопроса.\n• В группе — <code>/ask вопрос</code> или ответ на моё сообщение.\n• В любом чате — <code>@{bot} вопрос</code>.\n\n' +
      '<b>Команды</b>\n/sources — список документов\n/help — эта справка\n\nЯ цитирую источники дословно и честно говорю, если ответа в них нет.',
    askUsage: 'Напишите вопрос после команды, например: <code>/ask Что поручил аким Алматы?</code>',
    sources: (n: number) => `<b>Документы (${n})</b>`,
    more: 'Ещё источники',
    passage: 'Полный текст',
    nearest: 'Ближайшие фрагменты',
    nearestIntro: 'Эти фрагменты ближе всего к вопросу, но ответа на него в них может не быть:',
    noMore: 'Других подходящих отрывков нет.',
    expired: 'Этот ответ устарел — задайте вопрос ещё раз.',
    tooFast: 'Слишком много вопросов подряд — подождите пару секунд.',
    error: 'Что-то пошло не так. Попробуйте ещё раз чуть позже.',
    notAdmin: 'Извините, это действие доступно только администраторам бота.',
    reindexStarted: 'Переиндексация началась…',
    reindexBusy: 'Переиндексация уже идёт — дождитесь её окончания.',
    reindexProgress: (stage: string, pct: number) => `Переиндексация: ${stage} ${pct}%`,
    reindexDone: (r: string) => `Готово: ${r}`,
    reindexFailed: (why: string) => `Переиндексация не удалась: ${why}. Прежний индекс продолжает работать.`,
    stages: { chunk: 'разбор документов', embed: 'векторизация', index: 'индекс' } as Record<string, string>,
    docAdded: (title: string, passages: number, updated: boolean) => `${updated ? 'Обновлено' : 'Добавлено'}: «${title}», фрагментов: ${passages}.`,
    docRejected: (why: string) => `Документ не принят: ${why}.`,
    docTypes: `поддерживаются файлы ${SUPPORTED.join(' ')}`,
    docTooBig: (mb: number) => `файл больше ${mb} МБ`,
    problems: {
      unsupported: (p) => `такой тип файла не поддерживается (поддерживаются ${p.formats})`,
      missing: () => 'файл не найден',
      tooLarge: (p) => `файл слишком большой: ${p.mb.toFixed(1)} МБ, допускается не больше ${p.limitMb} МБ`,
      unreadable: (p) => `файл не читается (${p.detail})`,
      corrupt: (p) => `файл ${p.format.split(' ')[0]} повреждён или не читается (${p.detail})`,
      encrypted: () => 'PDF защищён паролем',
      noText: () => 'в документе нет текста',
      notDocx: () => 'это не файл DOCX (не zip-архив)',
      zipBomb: () => 'архив распаковывается в объём, несоразмерный документу (похоже на zip-бомбу)',
      noArticle: () => 'на странице не найдено статьи',
      binary: () => 'это двоичный файл, а не текст',
      contentType: (p) => `сервер прислал неподдерживаемый тип: ${p.type || 'тип не указан'}`,
      encoding: (p) => `текст не удалось раскодировать (${p.detail})`,
      manifest: (p) => `файл manifest.json корпуса не читается (${p.detail}) — сначала исправьте его`,
      notUrl: () => 'это не адрес страницы',
      scheme: (p) => `читаются только адреса http и https, а не ${p.scheme}`,
      credentials: () => 'адрес с именем пользователя или паролем не принимается',
      internal: (p) => `${p.host} — адрес во внутренней сети сервера, такие адреса не читаются`,
      redirects: (p) => `слишком много перенаправлений (больше ${p.max})`,
      http: (p) => `сервер ответил HTTP ${p.status}`,
      cutOff: () => 'соединение оборвалось',
      timeout: (p) => `сервер не ответил за ${p.seconds} с`,
      dns: () => 'имя сервера не найдено',
      refused: () => 'сервер отказал в соединении',
      fetch: (p) => `страницу не удалось загрузить (${p.detail})`,
      fetchTooLarge: (p) => `страница слишком большая: больше ${+p.limitMb.toFixed(2)} МБ`,
      scansSkipped: (p) => `сканированные страницы (${p.pages.join(', ')}) не прочитаны: ${p.ocrOff ? 'распознавание текста выключено' : `нет распознавания текста (${p.detail})`}`,
      ocrFailed: (p) => `распознать текст не удалось, сканированные страницы не прочитаны (${p.detail})`,
    } satisfies ProblemTexts as ProblemTexts,
    addUsage: 'Укажите адрес страницы после команды, например: <code>/add https://example.kz/news/123</code>',
    stats: (s: Stats) =>
      `<b>Статистика</b>\nДокументов: ${s.docs}\nФрагментов: ${s.chunks}\nПоиск: ${s.dense ? `гибридный (${s.model})` : 'лексический'}\nИндекс собран: ${s.builtAt}\n` +
      `Вопросов с запуска: ${s.questions}\nРаботает: ${s.uptime}\nПереиндексация: ${s.reindexing ? 'идёт' : 'нет'}`,
    feedbackThanks: 'Спасибо за оценку!',
    feedbackReasons: { wrong: '❌ Неверно', incomplete: '➗ Неполно', offtopic: '❓ Не о том, что я спросил' } satisfies Record<FeedbackReason, string>,
    unanswered: (days: number, lines: string) => (lines ? `<b>Вопросы без ответа за ${days} дн.</b>\n${lines}` : `За ${days} дн. вопросов без ответа нет.`),
    statsLog: (r: ReportStats) =>
      `\n\n<b>За ${r.days} дн.</b>\nВопросов: ${r.questions} (по дням: ${r.perDay || '—'})\nОтвечено: ${r.answerRate}\np95 времени ответа: ${r.p95} мс\nОценки: 👍 ${r.up} · 👎 ${r.down}`,
    inlineHelp: 'Напишите вопрос после имени бота',
    inlineNone: 'В источниках нет ответа',
  },
  kk: {
    start:
      'Сәлеметсіз бе! Мен әкімдіктер, мәслихаттар, партия филиалдары мен мемлекеттік бағдарламалар туралы сұрақтарға жаңалықтар мен сұхбаттардан дереккөзге сілтеме жасап, дәйексөзбен жауап беремін.\n\n' +
      'Сұрағыңызды қазақша не орысша жазыңыз. Топта: /ask сұрақ немесе менің хабарыма жауап. Кез келген чатта: @{bot} сұрақ.',
    help:
      '<b>Қалай сұрауға болады</b>\n• Жеке чатта — сұрақ мәтінін жаза беріңіз.\n• Топта — <code>/ask сұрақ</code> немесе менің хабарыма жауап.\n• Кез келген чатта — <code>@{bot} сұрақ</code>.\n\n' +
      '<b>Командалар</b>\n/sources — құжаттар тізімі\n/help — осы анықтама\n\nМен дереккөздерді сөзбе-сөз келтіремін, жауап жоқ болса, ашық айтамын.',
    askUsage: 'Сұрақты командадан кейін жазыңыз, мысалы: <code>/ask Алматы әкімі қандай тапсырма берді?</code>',
    sources: (n: number) => `<b>Құжаттар (${n})</b>`,
    more: 'Тағы дереккөздер',
    passage: 'Толық мәтін',
    nearest: 'Ең жақын үзінділер',
    nearestIntro: 'Бұл үзінділер сұраққа ең жақын, бірақ оларда жауап болмауы мүмкін:',
    noMore: 'Басқа сәйкес үзінді жоқ.',
    expired: 'Бұл жауаптың мерзімі өтті — сұрағыңызды қайта қойыңыз.',
    tooFast: 'Сұрақтар тым жиі — бірнеше секунд күте тұрыңыз.',
    error: 'Бір нәрсе дұрыс болмады. Сәл кейінірек қайталап көріңіз.',
    notAdmin: 'Кешіріңіз, бұл әрекет тек бот әкімшілеріне қолжетімді.',
    reindexStarted: 'Қайта индекстеу басталды…',
    reindexBusy: 'Қайта индекстеу жүріп жатыр — аяқталуын күтіңіз.',
    reindexProgress: (stage: string, pct: number) => `Қайта индекстеу: ${stage} ${pct}%`,
    reindexDone: (r: string) => `Дайын: ${r}`,
    reindexFailed: (why: string) => `Қайта индекстеу сәтсіз аяқталды: ${why}. Бұрынғы индекс жұмыс істеп тұр.`,
    stages: { chunk: 'құжаттарды талдау', embed: 'векторлау', index: 'индекс' } as Record<string, string>,
    docAdded: (title: string, passages: number, updated: boolean) => `${updated ? 'Жаңартылды' : 'Қосылды'}: «${title}», үзінділер: ${passages}.`,
    docRejected: (why: string) => `Құжат қабылданбады: ${why}.`,
    docTypes: `${SUPPORTED.join(' ')} файлдары қабылданады`,
    docTooBig: (mb: number) => `файл ${mb} МБ-тан үлкен`,
    problems: {
      unsupported: (p) => `бұл файл түрі қабылданбайды (${p.formats} қабылданады)`,
      missing: () => 'файл табылмады',
      tooLarge: (p) => `файл тым үлкен: ${p.mb.toFixed(1)} МБ, ең көбі ${p.limitMb} МБ болуы керек`,
      unreadable: (p) => `файл оқылмайды (${p.detail})`,
      corrupt: (p) => `${p.format.split(' ')[0]} файлы бүлінген немесе оқылмайды (${p.detail})`,
      encrypted: () => 'PDF құпиясөзбен қорғалған',
      noText: () => 'құжатта мәтін жоқ',
      notDocx: () => 'бұл DOCX файлы емес (zip-архив емес)',
      zipBomb: () => 'архив құжатқа сай емес көлемге ашылады (zip-бомбаға ұқсайды)',
      noArticle: () => 'бетте мақала табылмады',
      binary: () => 'бұл мәтін емес, екілік файл',
      contentType: (p) => `сервер қабылданбайтын түр жіберді: ${p.type || 'түрі көрсетілмеген'}`,
      encoding: (p) => `мәтінді оқу мүмкін болмады (${p.detail})`,
      manifest: (p) => `корпустың manifest.json файлы оқылмайды (${p.detail}) — алдымен соны түзетіңіз`,
      notUrl: () => 'бұл бет мекенжайы емес',
      scheme: (p) => `тек http және https мекенжайлары оқылады, ${p.scheme} емес`,
      credentials: () => 'пайдаланушы аты немесе құпиясөзі бар мекенжай қабылданбайды',
      internal: (p) => `${p.host} — сервердің ішкі желісіндегі мекенжай, ондай мекенжайлар оқылмайды`,
      redirects: (p) => `қайта бағыттау тым көп (${p.max}-ден артық)`,
      http: (p) => `сервер HTTP ${p.status} деп жауап берді`,
      cutOff: () => 'байланыс үзіліп қалды',
      timeout: (p) => `сервер ${p.seconds} с ішінде жауап бермеді`,
      dns: () => 'сервер аты табылмады',
      refused: () => 'сервер байланыстан бас тартты',
      fetch: (p) => `бетті жүктеу мүмкін болмады (${p.detail})`,
      fetchTooLarge: (p) => `бет тым үлкен: ${+p.limitMb.toFixed(2)} МБ-тан артық`,
      scansSkipped: (p) => `сканерленген беттер (${p.pages.join(', ')}) оқылмады: ${p.ocrOff ? 'мәтінді тану өшірулі' : `мәтінді тану жоқ (${p.detail})`}`,
      ocrFailed: (p) => `мәтінді тану сәтсіз аяқталды, сканерленген беттер оқылмады (${p.detail})`,
    } satisfies ProblemTexts as ProblemTexts,
    addUsage: 'Командадан кейін бет мекенжайын жазыңыз, мысалы: <code>/add https://example.kz/news/123</code>',
    stats: (s: Stats) =>
      `<b>Статистика</b>\nҚұжаттар: ${s.docs}\nҮзінділер: ${s.chunks}\nІздеу: ${s.dense ? `гибридті (${s.model})` : 'лексикалық'}\nИндекс жасалған: ${s.builtAt}\n` +
      `Іске қосылғаннан бергі сұрақтар: ${s.questions}\nЖұмыс уақыты: ${s.uptime}\nҚайта индекстеу: ${s.reindexing ? 'жүріп жатыр' : 'жоқ'}`,
    feedbackThanks: 'Бағаңызға рахмет!',
    feedbackReasons: { wrong: '❌ Қате', incomplete: '➗ Толық емес', offtopic: '❓ Сұрағыма қатысы жоқ' } satisfies Record<FeedbackReason, string>,
    unanswered: (days: number, lines: string) => (lines ? `<b>Соңғы ${days} күндегі жауапсыз сұрақтар</b>\n${lines}` : `Соңғы ${days} күнде жауапсыз сұрақ жоқ.`),
    statsLog: (r: ReportStats) =>
      `\n\n<b>Соңғы ${r.days} күн</b>\nСұрақтар: ${r.questions} (күндер бойынша: ${r.perDay || '—'})\nЖауап берілді: ${r.answerRate}\nЖауап уақытының p95: ${r.p95} мс\nБағалар: 👍 ${r.up} · 👎 ${r.down}`,
    inlineHelp: 'Бот атынан кейін сұрағыңызды жазыңыз',
    inlineNone: 'Дереккөздерде жауап жоқ',
  },
};

/** The question log's figures as /stats shows them. */
export interface ReportStats {
  days: number;
  questions: number;
  perDay: string;
  answerRate: string;
  p95: number;
  up: number;
  down: number;
}

export interface Stats {
  docs: number;
  chunks: number;
  dense: boolean;
  model: string;
  builtAt: string;
  questions: number;
  uptime: string;
  reindexing: boolean;
}

export type Texts = (typeof TEXTS)['ru'];

// Every language's table must have all of the Russian one: a missing or misspelt Kazakh string fails here.
TEXTS satisfies Record<Lang, Texts>;

export const texts = (lang: Lang): Texts => TEXTS[lang];

/** The language to greet a user in: Kazakh for a Kazakh Telegram client, Russian otherwise. */
export const userLang = (languageCode?: string): Lang => LANGS.find((l) => languageCode?.startsWith(l)) ?? 'ru';

export const COMMAND_DESCRIPTIONS: Record<string, Record<Lang, string>> = {
  start: { ru: 'О боте', kk: 'Бот туралы' },
  help: { ru: 'Как задавать вопросы', kk: 'Қалай сұрауға болады' },
  ask: { ru: 'Задать вопрос (в группе)', kk: 'Сұрақ қою (топта)' },
  sources: { ru: 'Документы, на которых основаны ответы', kk: 'Жауаптар негізделген құжаттар' },
  stats: { ru: 'Статистика (для администраторов)', kk: 'Статистика (әкімшілерге)' },
  reindex: { ru: 'Переиндексировать корпус (для администраторов)', kk: 'Корпусты қайта индекстеу (әкімшілерге)' },
  add: { ru: 'Добавить веб-страницу в корпус (для администраторов)', kk: 'Корпусқа веб-бет қосу (әкімшілерге)' },
  unanswered: { ru: 'Частые вопросы без ответа (для администраторов)', kk: 'Жиі қойылған жауапсыз сұрақтар (әкімшілерге)' },
};
