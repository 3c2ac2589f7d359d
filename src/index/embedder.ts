// Local embeddings with transformers.js (@huggingface/transformers, the maintained successor of
// @xenova/transformers, same API). The default model is Xenova/multilingual-e5-small: e5 wants «query: » and
// «passage: » prefixes, mean pooling and normalized vectors. The model is fetched once into a local cache;
// MODELS_DIR serves models from a local folder with no network at all.
import { Embeddings } from '@langchain/core/embeddings';
import type { ModelInfo } from './types.ts';

export interface EmbedderOptions {
  model: string;
  /** quantization of the ONNX weights: q8 (default, fast on CPU) or fp32 */
  dtype: string;
  /** where downloaded models are cached */
  cacheDir: string;
  /** a folder holding `<model>/` with config, tokenizer and onnx/; when set, nothing is downloaded */
  modelsDir?: string;
  onProgress?: (file: string, loaded: number, total: number) => void;
}

export class EmbedderError extends Error {}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

const BATCH = 16;

export class TransformersEmbedder extends Embeddings {
  private constructor(
    private readonly extract: Extractor,
    readonly info: ModelInfo,
    private readonly prefixes: { query: string; passage: string },
  ) {
    super({});
  }

  /** Loads the model (downloading it on first use unless MODELS_DIR is set); throws EmbedderError in one line. */
  static async load(options: EmbedderOptions): Promise<TransformersEmbedder> {
    const { env, pipeline } = await import('@huggingface/transformers');
    env.cacheDir = options.cacheDir;
    if (options.modelsDir) {
      env.localModelPath = options.modelsDir;
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
    } else {
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
      env.fetch = fetchWithConnectTimeout;
    }
    let extract: Extractor;
    try {
      extract = (await pipeline('feature-extraction', options.model, {
        dtype: options.dtype as 'q8',
        progress_callback: (p: { status: string; file?: string; loaded?: number; total?: number }) => {
          if (p.status === 'progress' && p.file && p.total) options.onProgress?.(p.file, p.loaded ?? 0, p.total);
        },
      })) as unknown as Extractor;
    } catch (err) {
      const where = options.modelsDir ? `in ${options.modelsDir}` : 'from the model hub or the cache';
      throw new EmbedderError(`embedding model ${options.model} could not be loaded ${where}: ${firstLine(err)}`);
    }
    const e5 = /e5/i.test(options.model);
    const prefixes = e5 ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
    const probe = await extract(['probe'], { pooling: 'mean', normalize: true });
    const dims = probe.dims[probe.dims.length - 1];
    return new TransformersEmbedder(extract, { name: options.model, dims, dtype: options.dtype }, prefixes);
  }

  async embedBatch(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const prefix = this.prefixes[kind];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => prefix + t);
      const { data } = await this.extract(batch, { pooling: 'mean', normalize: true });
      for (let j = 0; j < batch.length; j++) out.push(data.slice(j * this.info.dims, (j + 1) * this.info.dims));
    }
    return out;
  }

  async embedQueryVector(text: string): Promise<Float32Array> {
    return (await this.embedBatch([text], 'query'))[0];
  }

  // LangChain's Embeddings interface, so the model serves LangChain vector stores too.
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedBatch(texts, 'passage')).map((v) => Array.from(v));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return Array.from(await this.embedQueryVector(text));
  }
}

/** A network that drops packets must not hang start-up: give up when no response has begun within 20 s. */
async function fetchWithConnectTimeout(url: string | URL, init?: RequestInit): Promise<Response> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('no response from the model hub within 20 s')), 20_000);
  try {
    return await fetch(url, { ...init, signal: abort.signal });
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200);
}
