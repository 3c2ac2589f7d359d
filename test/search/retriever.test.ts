import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { GovqaRetriever } from '../../src/search/retriever.ts';
import { CORPUS, tempDir } from '../helpers/tmp.ts';

describe('LangChain retriever', () => {
  it('returns Documents with their source in metadata', async () => {
    const index = path.join(await tempDir(), 'index');
    await buildIndex({ corpus: CORPUS, indexDir: index, embedder: null });
    const retriever = new GovqaRetriever({ engine: await SearchEngine.open(index, null), k: 2 });
    const docs = await retriever.invoke('Қызылорда қаласындағы үкіметтік емес ұйымдар');
    expect(docs).toHaveLength(2);
    expect(docs[0].metadata).toMatchObject({ docId: 'kyzylorda-internal-policy-interview-2022.kk.txt', lang: 'kk', region: 'Қызылорда', year: 2022 });
    expect(docs[0].pageContent.length).toBeGreaterThan(100);
  });
});
