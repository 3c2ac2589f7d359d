import { mkdir, writeFile } from 'node:fs/promises';
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
