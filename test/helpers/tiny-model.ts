// Generates a tiny BERT-shaped embedding model at test time: a WordPiece tokenizer over the given texts and an
// ONNX graph (token embedding lookup, masked) written with protobufjs. transformers.js loads it through exactly
// the code path the real model takes (config.json, tokenizer.json, onnx/model_quantized.onnx under MODELS_DIR).
// No network, a few hundred KB; texts that share words get close vectors, which is all the tests need.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import protobuf from 'protobufjs';

const ONNX = protobuf.Root.fromJSON({
  nested: {
    ModelProto: { fields: { irVersion: { type: 'int64', id: 1 }, producerName: { type: 'string', id: 2 }, graph: { type: 'GraphProto', id: 7 }, opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 } } },
    OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
    GraphProto: { fields: { node: { rule: 'repeated', type: 'NodeProto', id: 1 }, name: { type: 'string', id: 2 }, initializer: { rule: 'repeated', type: 'TensorProto', id: 5 }, input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 }, output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 } } },
    NodeProto: { fields: { input: { rule: 'repeated', type: 'string', id: 1 }, output: { rule: 'repeated', type: 'string', id: 2 }, name: { type: 'string', id: 3 }, opType: { type: 'string', id: 4 }, attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 } } },
    AttributeProto: { fields: { name: { type: 'string', id: 1 }, i: { type: 'int64', id: 3 }, type: { type: 'int32', id: 20 } } },
    TensorProto: { fields: { dims: { rule: 'repeated', type: 'int64', id: 1 }, dataType: { type: 'int32', id: 2 }, name: { type: 'string', id: 8 }, rawData: { type: 'bytes', id: 9 } } },
    ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
    TypeProto: { fields: { tensorType: { type: 'TensorTypeProto', id: 1 } } },
    TensorTypeProto: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
    TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
    Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
  },
});

const FLOAT = 1;
const INT64 = 7;
const ATTR_INT = 2;
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

const tensorType = (elemType: number, dims: (number | string)[]) => ({
  tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } },
});

/** A deterministic pseudo-random generator (mulberry32), so the model is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

export function onnxModel(vocabSize: number, dims: number): Uint8Array {
  const next = random(42);
  const table = new Float32Array(vocabSize * dims).map(() => next());
  const model = ONNX.lookupType('ModelProto').fromObject({
    irVersion: 8,
    producerName: 'govqa-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny-embedder',
      initializer: [
        { name: 'embeddings', dims: [vocabSize, dims], dataType: FLOAT, rawData: new Uint8Array(table.buffer) },
        { name: 'last_axis', dims: [1], dataType: INT64, rawData: new Uint8Array(new BigInt64Array([-1n]).buffer) },
      ],
      node: [
        { opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['tokens'], name: 'lookup' },
        { opType: 'Cast', input: ['attention_mask'], output: ['mask'], name: 'cast', attribute: [{ name: 'to', i: FLOAT, type: ATTR_INT }] },
        { opType: 'Unsqueeze', input: ['mask', 'last_axis'], output: ['mask3'], name: 'unsqueeze' },
        { opType: 'Mul', input: ['tokens', 'mask3'], output: ['last_hidden_state'], name: 'apply_mask' },
      ],
      input: [
        { name: 'input_ids', type: tensorType(INT64, ['batch', 'sequence']) },
        { name: 'attention_mask', type: tensorType(INT64, ['batch', 'sequence']) },
      ],
      output: [{ name: 'last_hidden_state', type: tensorType(FLOAT, ['batch', 'sequence', dims]) }],
    },
  });
  return ONNX.lookupType('ModelProto').encode(model).finish();
}

/** WordPiece vocabulary: special tokens, every letter (alone and as «##x»), then the commonest words. */
function vocabulary(texts: string[], maxWords: number): Record<string, number> {
  const counts = new Map<string, number>();
  const chars = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      for (const c of word) chars.add(c);
    }
  }
  const tokens = [...SPECIAL, ...[...chars].sort(), ...[...chars].sort().map((c) => `##${c}`)];
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  for (const w of words) if (tokens.length < SPECIAL.length + 2 * chars.size + maxWords && !chars.has(w)) tokens.push(w);
  return Object.fromEntries(tokens.map((t, i) => [t, i]));
}

/** Writes `<modelsDir>/<name>/` and returns the model name to set as EMBEDDING_MODEL. */
export async function writeTinyModel(modelsDir: string, texts: string[], name = 'test/tiny-e5', dims = 32): Promise<string> {
  const dir = path.join(modelsDir, name);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const vocab = vocabulary(texts, 4000);
  const size = Object.keys(vocab).length;
  const special = (content: string) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512,
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
  };
  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: dims, vocab_size: size, max_position_embeddings: 512,
    num_attention_heads: 1, num_hidden_layers: 1, intermediate_size: dims, type_vocab_size: 2, pad_token_id: 0,
  };
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  const onnx = onnxModel(size, dims);
  // q8 (the default dtype) reads model_quantized.onnx, fp32 reads model.onnx: the same small graph serves both.
  await writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), onnx);
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), onnx);
  return name;
}
