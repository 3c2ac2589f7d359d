// `govqa add` end to end, as an admin runs it: files in each format and web pages from a loopback server go into
// the corpus and the index; every bad input gets one line and costs nothing; citations carry pages and URLs.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCorpus, nameForUrl, safeFileName } from '../../src/corpus/add.ts';
import { ocrMissing } from '../../src/corpus/readers/ocr.ts';
import { govqa, type Run } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { cp1251, haveFont, makeDocx, makeHtml, makePdf, makeScannedPdf, wrapLines } from '../fixtures/documents.ts';

let server: http.Server;
let base: string;
let dir: string;
let corpus: string;
let index: string;
let first: Run;

const NEWS = makeHtml({
  title: 'Жаңақорған ауданында жаңа емхана ашылды',
  date: '2024-06-10T09:00:00+05:00',
  paragraphs: [
    'Жаңақорған ауданында 200 орындық жаңа емхана ашылды, деп хабарлады аудан әкімдігі.',
    'Емхана құрылысына облыстық бюджеттен 4,2 миллиард теңге бөлінген, онда 85 дәрігер жұмыс істейді.',
    'Аудан әкімі емханада балалар бөлімі де ашылатынын айтты.',
  ],
});
// A Russian page served as windows-1251 with the charset only in the HTTP header (none in the page)
const RU_PAGE = `<html><head><title>Маслихат утвердил бюджет</title></head><body><nav>Главное меню сайта</nav><article><h1>Маслихат утвердил бюджет</h1>
<p>Депутаты городского маслихата утвердили бюджет города на 2025 год в объёме 310 миллиардов тенге.</p>
<p>Больше всего средств направят на строительство жилья и ремонт дорог, сообщил секретарь маслихата.</p></article></body></html>`;

/** A district report: three pages on three subjects, long enough that an answer's excerpt stays on its page. */
const REPORT_PAGES = [
  [
    'Аудан әкімінің 2024 жылғы есебі. Бірінші бөлім: экономика.',
    'Өткен жылы аудан экономикасына 58 миллиард теңге инвестиция тартылды, бұл алдыңғы жылмен салыстырғанда 14 пайызға көп.',
    'Шағын және орта бизнес субъектілерінің саны 3 200-ге жетті, оларда 11 мың адам жұмыс істейді.',
    'Ауыл шаруашылығы өнімінің көлемі 96 миллиард теңгені құрады, күріш егісі 24 мың гектарға жетті.',
    'Жыл ішінде 1 450 жаңа жұмыс орны ашылды, жұмыссыздық деңгейі 4,8 пайызға төмендеді.',
    'Өнеркәсіп өндірісінің көлемі 37 миллиард теңгеге жетіп, нақты көлем индексі 106 пайыз болды.',
  ],
  [
    'Екінші бөлім: білім беру.',
    'Ауданда 12 жаңа мектеп салынды, оның 3-еуі ауылдық жерлерде орналасқан.',
    'Жаңа мектептердің барлығы заманауи физика, химия және робототехника кабинеттерімен жабдықталды.',
    'Балабақшалармен қамту көрсеткіші 98 пайызға жетті, 640 орындық 4 балабақша пайдалануға берілді.',
    'Үш ауысымды мектептер толығымен жойылды, апатты жағдайдағы 2 мектеп ғимараты бұзылды.',
    'Мұғалімдердің 62 пайызы жоғары және бірінші санатқа ие, 35 жас маман ауылдық мектептерге келді.',
  ],
  [
    'Үшінші бөлім: денсаулық сақтау.',
    'Ауданда 7 дәрігерлік амбулатория күрделі жөндеуден өтті, 2 фельдшерлік пункт жаңадан салынды.',
    'Аудандық ауруханаға компьютерлік томограф пен 3 жедел жәрдем көлігі сатып алынды.',
    'Ана мен бала өлімі тіркелген жоқ, балаларды егумен қамту 97 пайыз болды.',
    'Ауылдық жерлерге 18 жас дәрігер келіп, оларға баспана мен көтерме жәрдемақы берілді.',
    'Жылдың соңына дейін тағы 5 медициналық пункт салу жоспарланып отыр, деп атап өтті аудан әкімі.',
  ],
];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/kk/news/emhana':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS);
      case '/ru/maslikhat':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(cp1251(RU_PAGE));
      case '/menu-only':
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><nav><a href="/">Басты бет</a></nav></body></html>');
      case '/broken':
        return void res.writeHead(500).end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = await tempDir();
  corpus = path.join(dir, 'corpus');
  index = path.join(dir, 'index');
  const pdf = await makePdf(REPORT_PAGES.map((page) => wrapLines(page.join(' '), 64).join('\n')), 'Аудан әкімінің есебі');
  await writeFile(path.join(dir, 'esep.pdf'), pdf);
  await writeFile(path.join(dir, 'sheshim.docx'), await makeDocx(['Мәслихат шешімі: ауылдық округтерге 45 жаңа автобус сатып алынады.'], [['Округ', 'Автобус'], ['Шиелі', '9']], 'Мәслихат шешімі'));
  await writeFile(path.join(dir, 'старый.txt'), cp1251('Аким области поручил отремонтировать 140 километров дорог в районных центрах до конца года.'));
  await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.4\nnot a pdf at all');
  await writeFile(path.join(dir, 'fake.docx'), 'plain text, not a zip');
  await writeFile(path.join(dir, 'tool.exe'), 'MZ');

  first = await govqa(
    ['add', '--corpus', corpus, '--index', index,
      path.join(dir, 'esep.pdf'), path.join(dir, 'sheshim.docx'), path.join(dir, 'старый.txt'), `${base}/kk/news/emhana`, `${base}/ru/maslikhat`,
      path.join(dir, 'broken.pdf'), path.join(dir, 'fake.docx'), path.join(dir, 'tool.exe'), path.join(dir, 'nowhere.txt'),
      `${base}/missing`, `${base}/broken`, `${base}/menu-only`, 'ftp://example.kz/a.pdf', 'file:///etc/passwd', 'javascript:alert(1)'],
    { ALLOW_PRIVATE_URLS: '1' },
  );
}, 120_000);
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const lines = (run: Run) => run.stderr.trim().split('\n');

describe.skipIf(!haveFont)('govqa add', () => {
  it('says what became of each input, one line each, and fails the run when any input failed', () => {
    const out = lines(first);
    const about = (input: string) => out.filter((l) => l.includes(`: ${input}`));
    expect(about(path.join(dir, 'esep.pdf'))).toEqual([`added: ${path.join(dir, 'esep.pdf')} → esep.pdf: «Аудан әкімінің есебі», 3 passages, 3 pages`]);
    expect(about(path.join(dir, 'sheshim.docx'))[0]).toMatch(/^added: .* → sheshim\.docx: «Мәслихат шешімі», \d+ passages$/);
    expect(about(path.join(dir, 'старый.txt'))[0]).toMatch(/^added: .* → старый\.txt: /);
    expect(about(`${base}/kk/news/emhana`)[0]).toMatch(/^added: .* → 127\.0\.0\.1-kk-news-emhana\.html: «Жаңақорған ауданында жаңа емхана ашылды», \d+ passages$/);
    expect(about(`${base}/ru/maslikhat`)[0]).toMatch(/«Маслихат утвердил бюджет»/);
    expect(about(path.join(dir, 'broken.pdf'))).toEqual([`failed: ${path.join(dir, 'broken.pdf')}: not a readable PDF (Invalid PDF structure.)`]);
    expect(about(path.join(dir, 'fake.docx'))[0]).toMatch(/^failed: .*fake\.docx: not a DOCX/);
    expect(about(path.join(dir, 'tool.exe'))[0]).toMatch(/^failed: .*tool\.exe: unsupported file type \(govqa reads \.txt, \.md/);
    expect(about(path.join(dir, 'nowhere.txt'))).toEqual([`failed: ${path.join(dir, 'nowhere.txt')}: no such file`]);
    expect(about(`${base}/missing`)).toEqual([`failed: ${base}/missing: the server answered HTTP 404`]);
    expect(about(`${base}/broken`)).toEqual([`failed: ${base}/broken: the server answered HTTP 500`]);
    expect(about(`${base}/menu-only`)).toEqual([`failed: ${base}/menu-only: no article found in the page`]);
    expect(about('ftp://example.kz/a.pdf')).toEqual(['failed: ftp://example.kz/a.pdf: refused: only http and https URLs are read, not ftp:']);
    expect(about('file:///etc/passwd')).toEqual(['failed: file:///etc/passwd: refused: only http and https URLs are read, not file:']);
    expect(about('javascript:alert(1)')).toEqual(['failed: javascript:alert(1): refused: only http and https URLs are read, not javascript:']);
    expect(out.at(-1)).toMatch(/^indexed: added 5, /);
    expect(first.code).toBe(1);
  });

  it('writes only what read into the corpus, and keeps each page\'s URL in the manifest', async () => {
    const files = (await readdir(corpus)).sort();
    expect(files).toEqual(['127.0.0.1-kk-news-emhana.html', '127.0.0.1-ru-maslikhat.html', 'esep.pdf', 'manifest.json', 'sheshim.docx', 'старый.txt'].sort());
    const manifest = JSON.parse(await readFile(path.join(corpus, 'manifest.json'), 'utf8'));
    expect(manifest.documents).toEqual([
      { file: '127.0.0.1-kk-news-emhana.html', url: `${base}/kk/news/emhana` },
      { file: '127.0.0.1-ru-maslikhat.html', url: `${base}/ru/maslikhat` },
    ]);
  });

  it('answers from each document: a PDF citation names its page, a web page\'s its URL', async () => {
    // one process for all the questions: each start loads the engine again
    const questions = {
      school: 'Ауданда неше жаңа мектеп салынды?',
      clinic: 'Жаңақорған ауданындағы емхана құрылысына қанша теңге бөлінді?',
      budget: 'Какой бюджет города на 2025 год утвердил маслихат?',
      buses: 'Ауылдық округтерге неше автобус сатып алынады?',
      roads: 'Сколько километров дорог поручил отремонтировать аким?',
    };
    const file = path.join(dir, 'questions.jsonl');
    await writeFile(file, Object.entries(questions).map(([id, question]) => JSON.stringify({ id, question })).join('\n'));
    const answers = Object.fromEntries((await govqa(['ask', '--index', index, '--json', '--queries', file])).stdout.trim().split('\n').map((l) => [JSON.parse(l).id, JSON.parse(l)]));
    const ask = async (id: keyof typeof questions) => answers[id];
    const school = await ask('school');
    expect(school.answered).toBe(true);
    expect(school.citations[0]).toMatchObject({ docId: 'esep.pdf', page: 2 });
    expect(school.citations[0].excerpt).toContain('12 жаңа мектеп');
    const clinic = await ask('clinic');
    expect(clinic.citations[0]).toMatchObject({ docId: '127.0.0.1-kk-news-emhana.html', url: `${base}/kk/news/emhana` });
    expect(clinic.citations[0]).not.toHaveProperty('page');
    const budget = await ask('budget');
    expect(budget.citations[0].docId).toBe('127.0.0.1-ru-maslikhat.html');
    expect(budget.citations[0].excerpt).toContain('310 миллиардов тенге');
    const buses = await ask('buses');
    expect(buses.citations[0].docId).toBe('sheshim.docx');
    const roads = await ask('roads');
    expect(roads.citations[0]).toMatchObject({ docId: 'старый.txt' });
    expect(roads.citations[0].excerpt).toContain('140 километров');
  });

  it('never indexes a page\'s site chrome', async () => {
    const run = await govqa(['search', '--index', index, '--json', '-k', '20', 'Басты бет Байланыс мәзірі Сайдбар сілтемесі Футер авторлық құқық Главное меню сайта']);
    const texts = JSON.parse(run.stdout).results.map((r: { text: string }) => r.text).join('\n');
    for (const chrome of ['Байланыс мәзірі', 'Сайдбар', 'Футер', 'Главное меню']) expect(texts).not.toContain(chrome);
  });

  it('adds the same page again as an update, in place; exit 0 when all inputs were added', async () => {
    const run = await govqa(['add', '--corpus', corpus, '--index', index, `${base}/kk/news/emhana`], { ALLOW_PRIVATE_URLS: '1' });
    expect(lines(run)[0]).toMatch(/^updated: .* → 127\.0\.0\.1-kk-news-emhana\.html: /);
    expect(run.code).toBe(0);
    expect((await readdir(corpus)).filter((f) => f.endsWith('.html'))).toHaveLength(2);
  });

  it('refuses an address inside the host\'s network unless ALLOW_PRIVATE_URLS=1', async () => {
    const run = await govqa(['add', '--corpus', corpus, '--index', index, `${base}/kk/news/emhana`]);
    expect(lines(run)).toEqual([`failed: ${base}/kk/news/emhana: refused: 127.0.0.1 is an address inside this host's network`]);
    expect(run.code).toBe(1);
  });

  it.skipIf(!haveFont)('reads a scanned PDF by OCR, or says what to install', async () => {
    const scan = path.join(dir, 'scan.pdf');
    await writeFile(scan, await makeScannedPdf(['Шиелі ауданында', '64 көпқабатты үй салынды.']));
    const withoutData = await govqa(['add', '--corpus', path.join(dir, 'c2'), '--index', path.join(dir, 'i2'), scan], { TESSDATA_PREFIX: path.join(dir, 'no-tessdata') });
    expect(lines(withoutData)[0]).toBe(`failed: ${scan}: the PDF has no text: 1 scanned page(s) (1) skipped: no Tesseract data for kaz, rus in ${path.join(dir, 'no-tessdata')}: install the Debian packages tesseract-ocr-kaz and tesseract-ocr-rus`);
    expect(withoutData.code).toBe(1);
    if (await ocrMissing()) return console.warn(`OCR part skipped: ${await ocrMissing()}`);
    const run = await govqa(['add', '--corpus', corpus, '--index', index, scan]);
    expect(lines(run)[0]).toMatch(/^added: .* → scan\.pdf: .*, 1 passages, 1 pages$/);
    const answer = JSON.parse((await govqa(['ask', '--index', index, '--json', 'Шиелі ауданында неше көпқабатты үй салынды?'])).stdout);
    expect(answer.citations[0]).toMatchObject({ docId: 'scan.pdf', page: 1 });
    expect(answer.citations[0].excerpt).toContain('64 көпқабатты үй');
  }, 60_000);
});

describe('a write that fails', () => {
  it('leaves nothing half-written in the corpus', async () => {
    const corpus = path.join(await tempDir(), 'corpus');
    await mkdir(path.join(corpus, 'note.txt', 'inside'), { recursive: true }); // the name is taken by a folder: rename fails
    await expect(addToCorpus(corpus, { name: 'note.txt', bytes: new TextEncoder().encode('Аудан әкімі жаңа мектеп ашты.') })).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect((await readdir(corpus, { recursive: true })).sort()).toEqual(['note.txt', 'note.txt/inside']);
  });
});

describe('names in the corpus', () => {
  it('file names are made safe and must have a reader', () => {
    expect(safeFileName('../../x.md')).toBe('x.md');
    expect(safeFileName('.hidden.txt')).toBe('hidden.txt');
    expect(safeFileName('a b<c>.PDF')).toBe('a_b_c_.pdf');
    expect(safeFileName('Есеп 2024.docx')).toBe('Есеп_2024.docx');
    expect(safeFileName('script.sh')).toBeNull();
    expect(safeFileName('.pdf')).toBeNull();
    expect(safeFileName(`${'а'.repeat(300)}.txt`)).toBe(`${'а'.repeat(100)}.txt`); // a long name keeps its ending
  });

  it('a page\'s name comes from its URL', () => {
    expect(nameForUrl(new URL('https://akimat.kz/ru/news/123?id=5'), '.html')).toBe('akimat.kz-ru-news-123-id-5.html');
    expect(nameForUrl(new URL('https://gov.kz/docs/Шешім.pdf'), '.pdf')).toBe('gov.kz-docs-Шешім.pdf');
    expect(nameForUrl(new URL('https://gov.kz/'), '.html')).toBe('gov.kz.html');
  });
});
