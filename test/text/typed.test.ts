import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, PACKS } from '../../src/lang/index.ts';
import { detectLang } from '../../src/text/lang.ts';
import { fold, foldKazakhLetters } from '../../src/text/normalize.ts';
import { stemKazakh, stemKazakhFolded } from '../../src/text/stem-kk.ts';
import { readScript, unshouted } from '../../src/text/query.ts';
import { analyze, defaultAnalyzer } from '../../src/text/analyzer.ts';
import { buildIndex } from '../../src/index/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { Answerer } from '../../src/answer/compose.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

describe('language packs', () => {
  it('has a pack for every language, each with its cues, stemmer, stopwords and question words', () => {
    expect(LANGS.sort()).toEqual(['kk', 'ru']);
    for (const l of LANGS) {
      const p = PACKS[l];
      expect(p.code).toBe(l);
      expect(p.functionWords.size).toBeGreaterThan(20);
      expect(p.stem(l === 'kk' ? 'жұмыстарының' : 'работами')).toBe(l === 'kk' ? 'жұмыс' : 'работ');
      expect(p.questionWords.quantity.length).toBeGreaterThan(0);
    }
  });

  it('detects Kazakh typed on a Russian keyboard by its function words', () => {
    expect(detectLang('Алматы акими ким?')).toBe('kk');
    expect(detectLang('Кызылорда каласында канша когамдык бирлестик бар?')).toBe('kk');
    expect(detectLang('Сколько школ построили в Алматы?')).toBe('ru');
    expect(detectLang('Какой курс доллара?')).toBe('ru');
  });

  it('knows typed Kazakh question words with й («кандай», «кай»), and typed Kazakh endings where there is none', () => {
    expect(detectLang('Беташар кандай жыр?')).toBe('kk');
    expect(detectLang('Тянь-Шань тауларын кай саяхатшы зерттеген?')).toBe('kk');
    expect(detectLang('Дулат Исабековтин туган жерин табыныз.')).toBe('kk'); // -тин, -ган, -ыныз
    expect(detectLang('Маркакол корыгы орналаскан аймак.')).toBe('kk');
    expect(detectLang('Мейоздык жолмен болинетиндер нелер?')).toBe('kk'); // «нелер»: the pack's question words are cues too
    // э is Russian's letter, but «экономикасынын» is inflected as Kazakh
    expect(detectLang('Алматы экономикасынын осалдыгын не корсетеди?')).toBe('kk');
    expect(detectLang('Кто отвечает за экономику региона?')).toBe('ru');
    expect(detectLang('Какой орган выдает лицензии?')).toBe('ru'); // «орган» ends as «болган» does: a function word outweighs it
  });

  it('takes no letter of a name (a capitalized word after the first) for evidence: names cross languages', () => {
    expect(detectLang('Алматы когамдык кенесинин мушеси Сергей Пономарёв не деди?')).toBe('kk'); // ё of a Russian surname
    expect(detectLang('Кто такой Ерлан Қошанов?')).toBe('ru');
    expect(detectLang('Әкім не деді?')).toBe('kk'); // the first word's letters count: it starts the sentence, not a name
  });

  it('reads typed Kazakh endings after an н-final stem and with ң typed as н, and takes no initial for a function word', () => {
    expect(detectLang('Казтуганнын оленин корсетиниз.')).toBe('kk'); // Қазтуғанның … көрсетіңіз
    expect(detectLang('А.В Затаевичке Казакстаннын халык артиси атагын кай жылы берилди?')).toBe('kk'); // «А.», «В» are initials
    expect(detectLang('В каком году А. С. Пушкин написал «Евгения Онегина»?')).toBe('ru');
  });
});

describe('a quote in a typed question', () => {
  it('is typed as the question is, when it is in the question\'s language', () => {
    const terms = (text: string, word: string) => defaultAnalyzer.analyzeTokens(text, 'kk', 'typed').find((t) => t.token.word === word)!.terms[0];
    expect(terms('«Турик тилдери создигинин» авторы ким?', 'создигинин')).toBe(stemKazakhFolded('создигинин'));
    expect(terms('«Турик тилдери создигинин» авторы ким?', 'создигинин')).toBe(fold(stemKazakh('сөздігінің')));
  });
});

describe('the folded Kazakh stemmer', () => {
  it('stems words typed without Kazakh letters as their proper forms stem, folded', () => {
    for (const w of ['қаласындағы', 'жұмыстарының', 'әкімдігі', 'бірлестіктер', 'үкіметтік', 'облысының', 'жасайды']) {
      expect(fold(stemKazakhFolded(foldKazakhLetters(w)))).toBe(fold(stemKazakh(w)));
    }
  });
});

describe('reading how a question was typed', () => {
  it('transliterates Kazakh in informal ASCII Latin', () => {
    const r = readScript('Qyzylordada qansha ukimettik emes uiym bar?', 'ru');
    expect(r).toMatchObject({ lang: 'kk', script: 'typed' });
    expect(r.text).toBe('Кызылордада канша укиметтик емес уйым бар?');
  });

  it('reads i and informal y after a vowel as й, so the question words are known («qalai», «qalay» → «калай»)', () => {
    expect(readScript('Almaty eski turghyn uiden qalai arylady?', 'ru').text).toBe('Алматы ески тургын уйден калай арылады?');
    expect(readScript('Bul qalay zhasalady?', 'ru').text).toBe('Бул калай жасалады?');
    expect(readScript('auyl oiyn', 'kk').text).toBe('ауыл ойын'); // у before ы is a consonant; i before ы still й
  });

  it('transliterates the 2021 official Latin alphabet', () => {
    const r = readScript('Qyzylorda qalasynda qansha qoğamdyq birlestık bar?', 'ru');
    expect(r.lang).toBe('kk');
    expect(r.text.toLowerCase()).toBe(fold('қызылорда қаласында қанша қоғамдық бірлестік бар?'));
  });

  it('keeps a name in Latin capitals as written', () => {
    expect(readScript('AMANAT', 'kk')).toMatchObject({ text: 'AMANAT', lang: 'kk' });
  });

  it('marks Kazakh without Kazakh letters as typed, Kazakh with some as mixed, and Russian as native', () => {
    expect(readScript('Алматы акими ким?', 'ru').script).toBe('typed');
    expect(readScript('Алматы әкімі кім?', 'ru').script).toBe('mixed');
    expect(readScript('Кто аким Алматы?', 'kk')).toMatchObject({ lang: 'ru', script: 'native' });
  });
});

describe('questions as people type them, over the fixture corpus', () => {
  let dir: string;
  let answerer: Answerer;
  let engine: SearchEngine;
  beforeAll(async () => {
    dir = await tempDir();
    await buildIndex({ corpus: CORPUS, indexDir: dir, embedder: null });
    engine = await SearchEngine.open(dir, null);
    answerer = new Answerer(engine);
  });
  afterAll(() => {});

  const proper = 'Қызылорда қаласында қанша қоғамдық бірлестік бар?';
  // on a Russian keyboard; in Latin letters; partly so (қ kept, і and ң typed as и and н, in whole words and within one)
  const variants = ['Кызылорда каласында канша когамдык бирлестик бар?', 'Qyzylorda qalasynda qansha qoghamdyq birlestik bar?', 'Қызылорда қаласында қанша қоғамдық бирлестик бар?'];

  it.each(variants)('answers «%s» in Kazakh, from the same passages as the proper spelling', async (q) => {
    const a = await answerer.ask(q);
    expect(a.answered).toBe(true);
    expect(a.lang).toBe('kk');
    const want = (await engine.search(proper, { k: 3 })).map((r) => r.chunk.id);
    const got = (await engine.search(engine.query(q), { k: 3 })).map((r) => r.chunk.id);
    expect(got[0]).toBe(want[0]);
  });

  it('reads a question typed with caps lock on as one typed in lower case, and keeps a short one in capitals as written', async () => {
    expect(unshouted('СКОЛЬКО ШКОЛ НУЖНО ПОСТРОИТЬ В АЛМАТЫ?')).toBe('сколько школ нужно построить в алматы?');
    expect(unshouted('AMANAT QAISAR?')).toBe('AMANAT QAISAR?'); // two words: acronyms may be meant
    expect(unshouted('Кто руководит AMANAT в Туркестане?')).toBe('Кто руководит AMANAT в Туркестане?');
    for (const q of ['СКОЛЬКО ШКОЛ НУЖНО ПОСТРОИТЬ В АЛМАТЫ?', 'ҚЫЗЫЛОРДА ҚАЛАСЫНДА НЕШЕ ҮКІМЕТТІК ЕМЕС ҰЙЫМ ТІРКЕЛГЕН?']) {
      const shouted = await answerer.ask(q);
      const lower = await answerer.ask(q.toLowerCase());
      expect(shouted.answered).toBe(true);
      expect(shouted.citations.map((c) => c.excerpt)).toEqual(lower.citations.map((c) => c.excerpt));
    }
  });

  it('reads Russian typed in Latin letters by Russian transliteration, its stopwords without the soft sign', async () => {
    const read = readScript('Skolko shkol nuzhno postroit v Almaty?', 'kk');
    expect(read).toMatchObject({ text: 'Сколко школ нужно построит в Алматы?', lang: 'ru', script: 'typed' });
    expect(readScript('Gde razvorachivaetsya deystvie? Kakoy novyy?', 'ru').text).toBe('Где разворачивается действие? Какой новый?');
    expect(readScript('V kakom rayone zhivut novye lyudi?', 'ru').text).toBe('В каком районе живут новые люди?');
    // a name in capitals with a Kazakh Latin letter (q) does not make a Russian question Kazakh
    expect(readScript('Kakoe mesto zanyali molodye lyudi na igrakh QAISAR?', 'ru')).toMatchObject({ lang: 'ru', script: 'typed' });
    // … nor does a Kazakh title in quotes («Baqytty otbasy» is the centre's name)
    expect(readScript('Kto rukovodit tsentrom «Baqytty otbasy»?', 'kk')).toMatchObject({ lang: 'ru', script: 'typed' });
    expect(readScript('«Baqytty otbasy» ortalyghyn kim basqarady?', 'ru').lang).toBe('kk'); // its words outside the quotes do
    // … nor a name with a q («kompaniya Square»); a Kazakh question's first word, capitalized as any first word, still tells
    expect(readScript('Kogda byla osnovana kompaniya Square?', 'kk')).toMatchObject({ lang: 'ru', script: 'typed' });
    expect(readScript('Qyzylordada qansha mektep bar?', 'ru').lang).toBe('kk');
    // … nor the ending of a Kazakh place named in a Russian question («Kyzylordy», its Russian genitive)
    expect(readScript('Skolko zhalob cherez sotsseti poluchil akimat Kyzylordy?', 'kk').lang).toBe('ru');
    const q = engine.query('Skolko shkol nuzhno postroit v Almaty?');
    expect(q.concepts.map((c) => c.stem)).not.toContain('сколк'); // «сколко» is «сколько», a stopword
    const a = await answerer.ask('Kakoy defitsit mest v shkolakh Almaty?');
    expect(a.lang).toBe('ru');
    expect(a.answered).toBe(true);
    expect(a.citations.slice(0, 3).some((c) => c.excerpt.includes('70 тысяч'))).toBe(true);
  });

  it('reads a word of a Latin question the index does not know read back as the word typed: a name written in Latin', () => {
    // «TauNews» read back is «Тауневс», which no text writes; the texts write «TauNews»
    const q = engine.query('Skolko videorolikov sdelali s TauNews?');
    expect(q.concepts.map((c) => c.stem)).toContain('taunews');
    expect(engine.query('Skolko shkol v Almaty?').concepts.map((c) => c.stem)).toContain(analyze('Алматы', 'ru')[0]); // known read back
  });

  it('keeps a word in Latin capitals as typed where the texts write it so, and reads it back where they do not', () => {
    expect(engine.query('Skolko chlenov v partii AMANAT?').concepts.map((c) => c.stem)).toContain('amanat');
    // the texts write «КСК» in Cyrillic capitals: «KSK» typed in Latin ones is read back
    expect(engine.query('Kak rabotaet KSK?').concepts.map((c) => c.stem)).toContain(analyze('КСК', 'ru')[0]);
    // … and so is a Latin acronym in a question in Cyrillic («LED»; the text writes «лэд»)
    const stems = engine.query('Какие лампы меняют на LED в Алматы?').concepts.map((c) => c.stem);
    expect(stems).toContain(analyze('лэд', 'ru')[0]);
    expect(engine.query('Какие лампы меняют на лэд в Алматы?').concepts.map((c) => c.stem)).toEqual(stems);
    expect(engine.query('какие лампы меняют на led в алматы?').concepts.map((c) => c.stem)).toEqual(stems); // not only in capitals
  });

  it('reads Kazakh «ya» typed in Latin letters as я and as ы and а', () => {
    expect(PACKS.kk.typed!.alsoRead('сарярка')).toEqual(['сарыарка']);
    expect(PACKS.kk.typed!.alsoRead('кала')).toEqual([]);
  });

  it('reads a word of a partly typed question both ways, keyed by the reading the index holds', () => {
    const q = engine.query('Қызылорда қаласында қанша қоғамдық бирлестик бар?');
    const union = q.concepts.find((c) => c.terms.has(fold(stemKazakh('бірлестік'))))!;
    expect(union.stem).toBe(fold(stemKazakh('бірлестік')));
  });

  it('corrects a misspelt word to the nearest indexed term, and leaves names that match alone', () => {
    const q = engine.query('Сколько жителей Алматы написали коментарии акиму?');
    const comments = q.concepts.find((c) => c.stem.startsWith('коментар'))!;
    expect(comments.corrected).toContain('комментар');
    expect(q.concepts.find((c) => c.stem === 'алмат')!.corrected).toBeUndefined();
  });
});
