import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, readCorpus } from '../../src/corpus/ingest.ts';
import { deriveTitle } from '../../src/corpus/title.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

describe('ingestion of the shipped corpus', () => {
  it('reads the five documents with manifest metadata, titles and languages', async () => {
    const { docs, skipped } = await readCorpus(CORPUS);
    expect(skipped).toEqual([]);
    expect(docs.map((d) => d.docId).sort()).toEqual([
      'almaty-akim-city-activists-2019.ru.txt',
      'almaty-internal-policy-interview-2013.kk.txt',
      'almaty-president-meeting-2019.kk.txt',
      'kyzylorda-internal-policy-interview-2022.kk.txt',
      'turkistan-amanat-branch-interview-2025.kk.txt',
    ]);
    const turkistan = docs.find((d) => d.docId.startsWith('turkistan'))!;
    expect(turkistan.title).toBe('Еселі еңбекпен өрілген берекелі жұмыс'); // the scraped «in» above it is skipped
    expect(turkistan.meta).toEqual({ region: 'Түркістан облысы', year: 2025, kind: 'interview' });
    const ru = docs.find((d) => d.docId.endsWith('.ru.txt'))!;
    expect(ru.lang).toBe('ru');
    expect(ru.meta.source).toBe('Almaty.tv');
    expect(docs.filter((d) => d.lang === 'kk')).toHaveLength(4);
    for (const d of docs) expect(d.title.length).toBeLessThanOrEqual(141);
  });
});

describe('ingestion of bad input', () => {
  it('skips binary and empty files and bad JSONL lines, decodes windows-1251, and reads the rest', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'good.txt'), 'Аким Алматы встретился с активом города\nТекст новости.');
    await writeFile(path.join(dir, 'sub', 'note.md'), '# Әкімдік жұмысы туралы жаңалық\n\nМәтін.');
    await writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await writeFile(path.join(dir, 'cp1251.txt'), Buffer.from([0xc0, 0xea, 0xe8, 0xec, 0x20, 0xe3, 0xee, 0xf0]));
    await writeFile(path.join(dir, 'empty.md'), '  \n');
    await writeFile(path.join(dir, 'ignored.pdf'), 'not read');
    await writeFile(
      path.join(dir, 'records.jsonl'),
      [
        JSON.stringify({ id: 'r1', title: 'Мәслихат сессиясы', text: 'Мәслихат бюджетті бекітті.', lang: 'kk', region: 'Алматы', year: 2020 }),
        '{not json',
        JSON.stringify({ id: 'r2', title: 'no text' }),
        JSON.stringify({ id: 'r3', text: 'Акимат района провел встречу с жителями села' }),
        '',
      ].join('\n'),
    );
    const { docs, skipped } = await readCorpus(dir);
    expect(docs.map((d) => d.docId).sort()).toEqual(['cp1251.txt', 'good.txt', 'r1', 'r3', 'sub/note.md']);
    expect(docs.find((d) => d.docId === 'cp1251.txt')!.text).toBe('Аким гор');
    expect(docs.find((d) => d.docId === 'sub/note.md')!.title).toBe('Әкімдік жұмысы туралы жаңалық');
    expect(docs.find((d) => d.docId === 'r1')!.meta).toEqual({ region: 'Алматы', year: 2020 });
    expect(docs.find((d) => d.docId === 'r3')!.lang).toBe('ru');
    const reasons = Object.fromEntries(skipped.map((s) => [s.path, s.reason]));
    expect(reasons['image.txt']).toMatch(/binary/);
    expect(reasons['ignored.pdf']).toMatch(/not a readable PDF/);
    expect(reasons['empty.md']).toMatch(/empty/);
    expect(reasons['records.jsonl:2']).toMatch(/JSON/);
    expect(reasons['records.jsonl:3']).toMatch(/text/);
  });

  it('one bad JSONL line costs that line only: another encoding, a raw NUL, a character cut off', async () => {
    const dir = await tempDir();
    const good = (id: string, text: string) => Buffer.from(JSON.stringify({ id, text }) + '\n');
    const cp1251Line = Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0x62, 0x22, 0x2c, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xea, 0xe8, 0xec, 0x22, 0x7d, 0x0a]);
    const nulLine = Buffer.concat([Buffer.from('{"id":"c","text":"a'), Buffer.from([0]), Buffer.from('b"}\n')]);
    const cut = Buffer.from(JSON.stringify({ id: 'e', text: 'Әкім' })).subarray(0, 21); // ends inside «к»
    await writeFile(path.join(dir, 'mixed.jsonl'), Buffer.concat([
      good('a', 'Аудан әкімі жаңа мектеп ашты.'), cp1251Line, nulLine,
      Buffer.from(JSON.stringify({ id: 'd', text: 'Маслихат\u0000 бюджетті бекітті.' }) + '\n'), cut,
    ]));
    const { docs, skipped } = await readCorpus(dir);
    expect(docs.map((d) => d.docId)).toEqual(['a', 'd']);
    expect(docs[1].text).toBe('Маслихат  бюджетті бекітті.'); // an escaped NUL never reaches the index
    expect(skipped).toEqual([
      { path: 'mixed.jsonl:2', reason: 'not UTF-8 (a JSONL file must be UTF-8)' },
      { path: 'mixed.jsonl:3', reason: 'contains a NUL byte' },
      { path: 'mixed.jsonl:5', reason: 'not UTF-8 (a JSONL file must be UTF-8)' },
    ]);
  });

  it('a folder that cannot be read, a link, a FIFO and a file of another kind are skipped with a reason', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'good.txt'), 'Аудан әкімі жаңа мектеп ашты.');
    await writeFile(path.join(dir, 'photo.jpg'), 'x');
    await symlink('/etc/hostname', path.join(dir, 'link.txt'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    // a folder whose full path is longer than the system takes (ENAMETOOLONG), built one step at a time
    const deepTree = `const fs = require('fs'); process.chdir(${JSON.stringify(dir)}); for (let i = 0; i < 20; i++) { fs.mkdirSync('d'.repeat(250)); process.chdir('d'.repeat(250)); } fs.writeFileSync('deep.txt', 'deep');`;
    execFileSync(process.execPath, ['-e', deepTree]);
    let read;
    try {
      read = await readCorpus(dir);
    } finally {
      execFileSync('rm', ['-rf', path.join(dir, 'd'.repeat(250))]); // Node's own rm cannot reach that deep
    }
    const { docs, skipped } = read;
    expect(docs.map((d) => d.docId)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path.slice(0, 40), s.reason]));
    expect(reasons['link.txt']).toBe('a symbolic link: copy the file itself into the corpus');
    expect(reasons['pipe.txt']).toBe('not a regular file');
    expect(reasons['photo.jpg']).toMatch(/^not a document govqa reads \(\.txt, /);
    expect(skipped.find((s) => s.path.startsWith('ddd'))?.reason).toBe('folder cannot be read (ENAMETOOLONG)');
  });

  it('reads a single JSONL file as the corpus', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'c.jsonl');
    await writeFile(file, JSON.stringify({ id: 7, text: 'Жаңа мектеп ашылды.' }) + '\n');
    const { docs } = await readCorpus(file);
    expect(docs[0].docId).toBe('7');
    expect(docs[0].lang).toBe('kk');
  });

  it('fails in one line on a missing or empty corpus', async () => {
    await expect(readCorpus('/no/such/folder')).rejects.toThrow(new CorpusError('corpus not found: /no/such/folder'));
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.bin'), 'x');
    await expect(readCorpus(dir)).rejects.toThrow(/no readable documents \(\.txt, \.md, .*\.pdf, \.jsonl\)/);
  });

  it('changes a document hash when its text changes', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.txt'), 'Бірінші нұсқа мәтіні осында');
    const before = (await readCorpus(dir)).docs[0].hash;
    await writeFile(path.join(dir, 'a.txt'), 'Екінші нұсқа мәтіні осында');
    expect((await readCorpus(dir)).docs[0].hash).not.toBe(before);
  });
});

describe('titles', () => {
  it('skips scraping leftovers and uses the first meaningful line', () => {
    expect(deriveTitle('in\n\nСтопкадр\nАким встретился с жителями района\nТекст', 'f')).toBe('Аким встретился с жителями района');
    expect(deriveTitle('## Заголовок статьи про маслихат\nтекст', 'f')).toBe('Заголовок статьи про маслихат');
    expect(deriveTitle('', 'fallback')).toBe('fallback');
  });

  it('takes the first sentence of a paragraph-long first line', () => {
    const line = 'Қызылорда қаласы әкімдігінің ішкі саясат бөлімі мемлекеттік мекеме. ' + 'Ұзын мәтін '.repeat(30);
    expect(deriveTitle(line, 'f')).toBe('Қызылорда қаласы әкімдігінің ішкі саясат бөлімі мемлекеттік мекеме');
  });
});
