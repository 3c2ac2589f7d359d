// The index a long-running process serves from, and its reindexing: a build runs in the background while the
// old engine keeps answering; the new one takes over only once it is complete. One build at a time.
import type { Config } from './config.ts';
import { Answerer, DEFAULT_ANSWER } from './answer/compose.ts';
import type { Summarizer } from './answer/summary.ts';
import { buildIndex, type BuildProgress } from './index/build.ts';
import type { TransformersEmbedder } from './index/embedder.ts';
import type { BuildReport } from './index/types.ts';
import { SearchEngine } from './search/engine.ts';

export class ReindexBusy extends Error {}

export class LiveIndex {
  private building: Promise<BuildReport> | null = null;
  private current: { engine: SearchEngine; answerer: Answerer };

  constructor(
    private readonly config: Pick<Config, 'corpusDir' | 'indexDir' | 'embeddingModel'> & Partial<Pick<Config, 'answerMinConfidence'>>,
    engine: SearchEngine,
    private readonly embedder: TransformersEmbedder | null,
    /** the build to run (a test may hold it at a gate) */
    private readonly build: typeof buildIndex = buildIndex,
    private readonly summarizer: Summarizer | null = null,
  ) {
    this.current = { engine, answerer: new Answerer(engine, { ...DEFAULT_ANSWER, minConfidence: config.answerMinConfidence ?? null }, summarizer) };
  }

  get engine(): SearchEngine {
    return this.current.engine;
  }

  get answerer(): Answerer {
    return this.current.answerer;
  }

  get reindexing(): boolean {
    return this.building !== null;
  }

  /** Reindexes after the build that is running, if one is: for a document just added, which must be in it. */
  async reindexWhenFree(onProgress?: BuildProgress): Promise<BuildReport> {
    for (;;) {
      if (this.building) await this.building.catch(() => {});
      else return this.reindex(onProgress);
    }
  }

  /** Builds incrementally and swaps the new index in; throws ReindexBusy while another build runs. */
  async reindex(onProgress?: BuildProgress): Promise<BuildReport> {
    if (this.building) throw new ReindexBusy('a reindex is already running');
    const run = async () => {
      const { corpusDir: corpus, indexDir, embeddingModel: wantedModel } = this.config;
      const report = await this.build({ corpus, indexDir, embedder: this.embedder, wantedModel, onProgress });
      // Reload after a new build, and also when another process (`govqa index`) swapped one in meanwhile.
      if (report.written || report.dir !== this.current.engine.dir) {
        const engine = await SearchEngine.open(this.config.indexDir, this.embedder);
        this.current = { engine, answerer: new Answerer(engine, { ...DEFAULT_ANSWER, minConfidence: this.config.answerMinConfidence ?? null }, this.summarizer) };
      }
      return report;
    };
    this.building = run();
    try {
      return await this.building;
    } finally {
      this.building = null;
    }
  }
}
