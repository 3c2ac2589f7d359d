// The index a long-running process serves from, and its reindexing: a build runs in the background while the
// old engine keeps answering; the new one takes over only once it is complete. One build at a time.
import type { Config } from './config.ts';
import { Answerer, DEFAULT_ANSWER } from './answer/compose.ts';
import type { Summarizer } from './answer/summary.ts';
import { buildIndex, resolveWhere, type BuildProgress, type BuildWhere } from './index/build.ts';
import type { DocumentSource, Embedder, IndexStore } from './index/types.ts';
import type { BuildReport } from './index/types.ts';
import { SearchEngine } from './search/engine.ts';
import { LOCAL_LOCK } from './state/memory.ts';
import type { ReindexLock } from './state/types.ts';

export class ReindexBusy extends Error {}

/** how often, and how long at most, a new document waits for another replica's build to end */
const OTHER_REPLICA_POLL_MS = 2000;
const OTHER_REPLICA_WAIT_MS = 10 * 60_000;

export class LiveIndex {
  private building: Promise<BuildReport> | null = null;
  private current: { engine: SearchEngine; answerer: Answerer };
  private readonly source: DocumentSource;
  private readonly store: IndexStore;
  /** loads of builds published elsewhere, one after another */
  private reloading: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: Pick<Config, 'corpusDir' | 'indexDir' | 'embeddingModel'> & Partial<Pick<Config, 'answerMinConfidence'>>,
    engine: SearchEngine,
    private readonly embedder: Embedder | null,
    /** the build to run (a test may hold it at a gate) */
    private readonly build: typeof buildIndex = buildIndex,
    private readonly summarizer: Summarizer | null = null,
    /** one reindex at a time across replicas (in one process the `building` promise is enough) */
    private readonly lock: ReindexLock = LOCAL_LOCK,
    /** the documents and the store (app.ts); by default the configured corpus and index folders */
    where: BuildWhere = { corpus: config.corpusDir, indexDir: config.indexDir },
  ) {
    ({ source: this.source, store: this.store } = resolveWhere(where));
    this.current = this.serving(engine);
  }

  private serving(engine: SearchEngine) {
    return { engine, answerer: new Answerer(engine, { ...DEFAULT_ANSWER, minConfidence: this.config.answerMinConfidence ?? null }, this.summarizer) };
  }

  /** Where builds keep extracted text (an upload is read into it, so the build need not read it again). */
  get cacheDir(): string {
    return this.store.cacheDir;
  }

  /** The documents this index is built from (an admin's upload goes in through it). */
  get documents(): DocumentSource {
    return this.source;
  }

  /**
   * Follows a shared store: a build another replica (or `govqa index`) publishes is loaded in the background and
   * served once whole, within seconds of its commit. Returns how to stop following; a no-op for the file store.
   */
  follow(onLoaded: (dir: string) => void = () => {}, onError: (err: unknown) => void = () => {}): () => void {
    if (!this.store.watch) return () => {};
    return this.store.watch(() => {
      this.reloading = this.reloading.then(() => this.reload()).then((dir) => dir && onLoaded(dir), onError);
    });
  }

  /** Serves the store's live build if it is not the one served; returns its folder when it was loaded. */
  async reload(): Promise<string | null> {
    if (this.building) return null; // the build running here swaps its own result in
    const served = this.current;
    const dir = await this.store.current();
    if (!dir || dir === served.engine.dir) return null;
    const engine = await SearchEngine.open(this.store, this.embedder);
    // a build of this replica's own may have swapped a newer index in meanwhile: never go back to an older one
    if (this.building || this.current !== served || engine.dir === served.engine.dir) return null;
    this.current = this.serving(engine);
    return engine.dir;
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
    for (let waited = 0; ; ) {
      if (this.building) {
        await this.building.catch(() => {});
        continue;
      }
      try {
        return await this.reindex(onProgress);
      } catch (err) {
        // another replica is building: wait for it, then build again (its build may predate the new document)
        if (!(err instanceof ReindexBusy) || waited >= OTHER_REPLICA_WAIT_MS) throw err;
        await new Promise((r) => setTimeout(r, OTHER_REPLICA_POLL_MS));
        waited += OTHER_REPLICA_POLL_MS;
      }
    }
  }

  /** Builds incrementally and swaps the new index in; throws ReindexBusy while another build runs. */
  async reindex(onProgress?: BuildProgress): Promise<BuildReport> {
    if (this.building) throw new ReindexBusy('a reindex is already running');
    const run = async () => {
      if (!(await this.lock.acquire())) throw new ReindexBusy('a reindex is running on another replica');
      try {
        return await this.buildAndSwap(onProgress);
      } finally {
        await this.lock.release();
      }
    };
    this.building = run();
    try {
      return await this.building;
    } finally {
      this.building = null;
    }
  }

  private async buildAndSwap(onProgress?: BuildProgress): Promise<BuildReport> {
    const report = await this.build({ source: this.source, store: this.store, embedder: this.embedder, wantedModel: this.config.embeddingModel, onProgress });
    // Reload after a new build, and also when another process (`govqa index`) swapped one in meanwhile.
    if (report.written || report.dir !== this.current.engine.dir) this.current = this.serving(await SearchEngine.open(this.store, this.embedder));
    return report;
  }
}
