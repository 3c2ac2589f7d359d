// The engine as a LangChain retriever: chunks come back as Documents with their source in metadata, ready for
// a LangChain chain (an LLM summary over the excerpts, say). The bot and the CLI do not need it.
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { SearchEngine, SearchMode } from './engine.ts';

export interface GovqaRetrieverInput extends BaseRetrieverInput {
  engine: SearchEngine;
  k?: number;
  mode?: SearchMode;
}

export class GovqaRetriever extends BaseRetriever {
  lc_namespace = ['govqa', 'retrievers'];
  private readonly engine: SearchEngine;
  private readonly k: number;
  private readonly mode: SearchMode;

  constructor(input: GovqaRetrieverInput) {
    super(input);
    this.engine = input.engine;
    this.k = input.k ?? 5;
    this.mode = input.mode ?? 'hybrid';
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const results = await this.engine.search(query, { k: this.k, mode: this.mode });
    return results.map(({ chunk, doc, score }) => new Document({
      id: chunk.id,
      pageContent: chunk.text,
      metadata: { docId: chunk.docId, chunkId: chunk.id, title: doc.title, lang: doc.lang, start: chunk.start, end: chunk.end, score, ...doc.meta },
    }));
  }
}
