// Every reader on documents generated here: Kazakh letters intact, pages kept, site chrome dropped, and each bad
// input refused with one line.
import { PDFDocument, PDFHexString, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ocrMissing } from '../../src/corpus/readers/ocr.ts';
import { ReaderError, readDocument, SUPPORTED } from '../../src/corpus/readers/index.ts';
import { cp1251, haveFont, makeDocx, makeHtml, makePdf, makeScannedPdf, makeZipBomb } from '../fixtures/documents.ts';
import { describeProblem, PROBLEM_EN, type DocProblem } from '../../src/corpus/problems.ts';

const KAZAKH = 'әғқңөұүһі ӘҒҚҢӨҰҮҺІ';
const utf8 = (s: string) => new TextEncoder().encode(s);
const refusal = (p: Promise<unknown>) => p.then(() => 'read', (err) => (err instanceof ReaderError ? err.message : `not a ReaderError: ${err}`));

describe.skipIf(!haveFont)('PDF with a text layer', () => {
  it('keeps pages, Kazakh letters, title and date', async () => {
    const bytes = await makePdf(
      ['Бірінші бет: мәслихат сессиясы.\nЖол жөндеуге қаржы бөлінді.', `Екінші бет: ${KAZAKH}\nАудан әкімі 42 мектеп салды.`, 'Үшінші бет: қорытынды.\nСаябақ ашылды.'],
      'Аудан есебі',
    );
    const doc = await readDocument(bytes, 'report.pdf');
    expect(doc.title).toBe('Аудан есебі');
    expect(doc.date).toBe('2024-03-15');
    expect(doc.pages).toHaveLength(3);
    expect(doc.text).toContain(KAZAKH);
    const pageOf = (needle: string) => doc.pages!.filter((start) => start <= doc.text.indexOf(needle)).length;
    expect(pageOf('42 мектеп')).toBe(2);
    expect(pageOf('Саябақ ашылды')).toBe(3);
    expect(pageOf('Жол жөндеуге')).toBe(1);
  });
});

describe.skipIf(!haveFont)('scanned PDF', async () => {
  const missing = await ocrMissing();
  if (missing) console.warn(`OCR test skipped: ${missing}`);

  it.skipIf(missing)('reads scanned pages with Kazakh and Russian data, each on its page', async () => {
    const bytes = await makeScannedPdf([
      ['Қызылорда облысының әкімдігі', 'Өңірде 301 қоғамдық бірлестік бар.'],
      ['Аким поручил построить школу.', 'Үкіметтік емес ұйымдар: 1 240.'],
    ]);
    const warnings: DocProblem[] = [];
    const doc = await readDocument(bytes, 'scan.pdf', { warn: (l) => warnings.push(l) });
    expect(warnings).toEqual([]);
    expect(doc.pages).toHaveLength(2);
    const page2 = doc.text.slice(doc.pages![1]);
    expect(doc.text.slice(0, doc.pages![1])).toContain('Қызылорда облысының әкімдігі');
    expect(doc.text).toContain('301 қоғамдық бірлестік');
    expect(page2).toContain('Аким поручил построить школу');
    expect(page2).toContain('Үкіметтік емес ұйымдар');
  }, 60_000);

  it('skips a scanned page with one line when OCR cannot run', async () => {
    const bytes = await makePdf(['Мәтіні бар бет: аудандық мәслихат шешімі қабылданды.', '']);
    const warnings: DocProblem[] = [];
    const doc = await readDocument(bytes, 'mixed.pdf', { ocr: false, warn: (l) => warnings.push(l) });
    expect(doc.text).toContain('мәслихат шешімі');
    expect(warnings).toEqual([{ code: 'scansSkipped', pages: [2], ocrOff: true }]);
    expect(describeProblem(PROBLEM_EN, warnings[0])).toBe('1 scanned page(s) (2) skipped: OCR is off');
  });
});

describe('DOCX', () => {
  it('reads paragraphs and tables with Kazakh letters, title and date', async () => {
    const bytes = await makeDocx([`Мәслихат шешімі ${KAZAKH}`, 'Бюджет бекітілді.'], [['Аудан', 'Мектеп саны'], ['Жаңақорған', '17']], 'Шешім №5');
    const doc = await readDocument(bytes, 'decision.docx');
    expect(doc.title).toBe('Шешім №5');
    expect(doc.date).toBe('2023-11-20');
    expect(doc.text).toContain(KAZAKH);
    expect(doc.text).toContain('Жаңақорған');
    expect(doc.text).toContain('17');
  });
});

describe('HTML', () => {
  const page = makeHtml({
    title: 'Әкім тұрғындармен кездесті',
    date: '2024-05-02T10:00:00+05:00',
    canonical: 'https://example.kz/news/1',
    paragraphs: [
      `Аудан әкімі тұрғындармен кездесіп, жаңа емхана салынатынын айтты. ${KAZAKH}`,
      'Емхана құрылысы келесі жылы басталады, оған 3 миллиард теңге бөлінеді деп хабарлады әкімдік.',
      'Кездесуде жол жөндеу, су құбыры және мектеп мәселелері де талқыланды.',
    ],
  });

  it('keeps the article only, with the title, date and canonical URL the page states', async () => {
    const doc = await readDocument(utf8(page), 'news.html');
    expect(doc.title).toBe('Әкім тұрғындармен кездесті');
    expect(doc.date).toBe('2024-05-02T10:00:00+05:00');
    expect(doc.source).toBe('https://example.kz/news/1');
    expect(doc.text).toContain(KAZAKH);
    expect(doc.text).toContain('3 миллиард теңге');
    for (const chrome of ['Басты бет', 'Байланыс мәзірі', 'Сайдбар', 'Футер', 'Құпиялылық', 'Әкімдік порталы']) expect(doc.text).not.toContain(chrome);
  });

  it('decodes a windows-1251 page by its declared charset', async () => {
    const ru = makeHtml({ title: 'Аким встретился с жителями', charset: 'windows-1251', paragraphs: ['Аким района встретился с жителями и рассказал о строительстве новой поликлиники в следующем году.', 'На строительство выделят три миллиарда тенге, сообщили в акимате.'] });
    const doc = await readDocument(cp1251(ru.replace(/[^\u0000-\u007f\u0410-\u044f\u0401\u0451]/g, ' ')), 'ru.htm');
    expect(doc.text).toContain('строительстве новой поликлиники');
  });

  it('refuses a page without an article', async () => {
    const bare = '<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Басты бет</a></nav></body></html>';
    expect(await refusal(readDocument(utf8(bare), 'empty.html'))).toBe('no article found in the page');
  });
});

describe('plain text in the encodings admins have', () => {
  const ru = 'Аким области поручил отремонтировать дороги в районных центрах до конца года.';
  it('UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM keep Kazakh letters', async () => {
    const le = Buffer.from('\uFEFF' + KAZAKH, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, name] of [[utf8(KAZAKH), 'a.txt'], [utf8('\uFEFF' + KAZAKH), 'b.txt'], [le, 'c.txt'], [be, 'd.md']] as const) {
      expect((await readDocument(bytes, name)).text).toBe(KAZAKH);
    }
  });

  it('windows-1251 and KOI8-R are told apart and decoded', async () => {
    expect((await readDocument(cp1251(ru), 'old.txt')).text).toBe(ru);
    const koi8 = Uint8Array.from(cp1251(ru), (b) => KOI8_FROM_1251[b] ?? b);
    expect((await readDocument(koi8, 'older.txt')).text).toBe(ru);
  });

  it('refuses binary data', async () => {
    expect(await refusal(readDocument(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'image.txt'))).toMatch(/binary file/);
  });
});

describe('bad input: one line, never a crash', () => {
  it('a corrupt PDF', async () => {
    expect(await refusal(readDocument(utf8('%PDF-1.7\nthis is not really a pdf'), 'broken.pdf'))).toMatch(/^not a readable PDF/);
  });

  it('an encrypted PDF', async () => {
    expect(await refusal(readDocument(await makeEncryptedPdf(), 'secret.pdf'))).toBe('the PDF is encrypted (password-protected)');
  });

  it('a DOCX that is not a zip, and a zip bomb', async () => {
    expect(await refusal(readDocument(utf8('just text pretending'), 'fake.docx'))).toMatch(/not a DOCX/i);
    expect(await refusal(readDocument(await makeZipBomb(30), 'bomb.docx'))).toMatch(/refused/i);
  });

  it('a file type no reader takes, and a file over its reader\'s limit', async () => {
    expect(await refusal(readDocument(utf8('x'), 'run.sh'))).toBe(`unsupported file type (govqa reads ${SUPPORTED.join(', ')})`);
    expect(await refusal(readDocument(new Uint8Array(21 * 2 ** 20), 'huge.html'))).toMatch(/^too large: 21.0 MB, a HTML file may have at most 20 MB/);
  });
});

/** A PDF whose /Encrypt dictionary wants a user password the empty one does not match. */
async function makeEncryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const hex = (seed: number) => PDFHexString.of(Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join(''));
  const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, O: hex(11), U: hex(5), P: PDFNumber.of(-44) });
  pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  pdf.context.trailerInfo.ID = pdf.context.obj([hex(1), hex(1)]);
  return pdf.save({ useObjectStreams: false });
}

/** KOI8-R byte for each windows-1251 byte of the Russian alphabet (ё and the letters, both cases). */
const KOI8_FROM_1251: Record<number, number> = (() => {
  const koi = 'юабцдефгхийклмнопярстужвьызшэщчъ';
  const map: Record<number, number> = { 0xa8: 0xb3, 0xb8: 0xa3 };
  for (let i = 0; i < 32; i++) {
    const lower = 'абвгдежзийклмнопрстуфхцчшщъыьэюя'[i];
    const k = koi.indexOf(lower);
    map[0xe0 + i] = 0xc0 + k;
    map[0xc0 + i] = 0xe0 + k;
  }
  return map;
})();
