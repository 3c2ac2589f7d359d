// Wiring shared by the command line and the bot: the embedding model (or its honest absence) and the engine
// over the stored index, built first when there is none.
import type { Config } from './config.ts';
import { buildIndex, type BuildProgress } from './index/build.ts';
import { EmbedderError, TransformersEmbedder } from './index/embedder.ts';
import type { BuildReport, DocumentSource, IndexStore } from './index/types.ts';
import { SearchEngine } from './search/engine.ts';
import { Summarizer } from './answer/summary.ts';

export type Say = (line: string) => void;

/** The configured embedding model, or null (said in one line) when it is off or cannot be loaded. */
export async function openEmbedder(config: Config, say: Say, onDownload?: (file: string, loaded: number, total: number) => void): Promise<TransformersEmbedder | null> {
  if (!config.embeddingModel) return null;
  try {
    return await TransformersEmbedder.load({
      model: config.embeddingModel,
      dtype: config.embeddingDtype,
      cacheDir: config.modelCacheDir,
      modelsDir: config.modelsDir ?? undefined,
      onProgress: onDownload,
    });
  } catch (err) {
    if (!(err instanceof EmbedderError)) throw err;
    say(`${err.message}; continuing with lexical search only (EMBEDDING_MODEL=none silences this)`);
    return null;
  }
}

/** The summarizer when LLM_BASE_URL is set; its refusals go to `say` (debugging what the model wrote). */
export function openSummarizer(config: Config, say: Say): Summarizer | null {
  return config.llm ? new Summarizer(config.llm, (why) => say(`summary left out: ${why}`)) : null;
}

/** Opens the stored index; builds it first when there is none. */
export async function openEngine(
  config: Config,
  { source, store }: { source: DocumentSource; store: IndexStore },
  embedder: TransformersEmbedder | null,
  onBuild?: (report: BuildReport) => void,
  onProgress?: BuildProgress,
): Promise<SearchEngine> {
  if (!(await store.current())) {
    const report = await buildIndex({ source, store, embedder, wantedModel: config.embeddingModel, onProgress });
    onBuild?.(report);
  }
  return SearchEngine.open(store, embedder);
}
