// `npm run fit:decline`: fits the answer-or-decline model (src/answer/decline.ts) on the dev sets' answerable and
// unanswerable questions (../shared/eval: answers/tydi-ru, answers/kazqad, seeds) and writes data/decline-model.json.
// A fifth of the questions (chosen by a hash of their id) is kept out of the fit and reported. The label of a
// question is "answering is right": answerable, and the answer is inside the first 3 quotes. Deterministic.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { buildIndex } from '../src/index/build.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { openEmbedder } from '../src/app.ts';
import { Answerer } from '../src/answer/compose.ts';
import { confidence, DEFAULT_DECLINE_MODEL, FEATURES, fitLogistic, type DeclineModel, type Features } from '../src/answer/decline.ts';
import { containsEvidence } from '../eval/metrics.ts';

/** The threshold keeps answers right at least this often among those given (see below for why). */
const TARGET_PRECISION = 0.85;

const config = loadConfig();
const shared = config.sharedDir;
// Where the embedding model loads, the dense similarity is a feature like the others and gets its weight here;
// without one (EMBEDDING_MODEL=none, or no model hub) it is 0 for every question and its weight stays 0.
const embedder = await openEmbedder(config, (msg) => console.error(msg));
const SETS = [
  { name: 'answers/tydi-ru', corpus: 'eval/answers/tydi-ru-passages.jsonl', questions: 'eval/answers/tydi-ru-questions.jsonl' },
  { name: 'answers/kazqad', corpus: 'eval/answers/kazqad-passages.jsonl', questions: 'eval/answers/kazqad-questions.jsonl' },
  { name: 'seeds', corpus: 'corpus', questions: 'eval/seeds/questions-dev.jsonl' },
];

// FNV-1a: a stable split that does not depend on file order.
const heldOut = (id: string) => {
  let h = 0x811c9dc5;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h % 5 === 0;
};

// Any model will do while gathering: only the features and the quotes are used.
const neutral: DeclineModel = { intercept: 0, weights: Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features, threshold: 0 };
const rows: { f: Features; y: number; held: boolean; answerable: boolean; set: string; lang: string }[] = [];
for (const set of SETS) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-fit-'));
  await buildIndex({ corpus: path.join(shared, set.corpus), indexDir: dir, embedder });
  const answerer = new Answerer(await SearchEngine.open(dir, embedder), undefined, null, neutral);
  for (const line of (await readFile(path.join(shared, set.questions), 'utf8')).trim().split('\n')) {
    const q = JSON.parse(line);
    const gold: string[] = q.evidence ? [q.evidence] : (q.answers ?? []);
    const { features, citations } = await answerer.gather(q.question);
    const right = q.answerable !== false && citations.slice(0, 3).some((c) => gold.some((g) => containsEvidence(c.excerpt, g)));
    rows.push({ f: features, y: right ? 1 : 0, held: heldOut(q.id), answerable: q.answerable !== false, set: set.name, lang: q.lang });
  }
  await rm(dir, { recursive: true, force: true });
}

const train = rows.filter((r) => !r.held);
const { intercept, weights } = fitLogistic(train);
const scored = (rs: typeof rows) => rs.map((r) => ({ ...r, p: confidence({ intercept, weights, threshold: 0 }, r.f) }));

// The threshold: the lowest that keeps the precision of "answered" (answers that hold the answer, among those
// given) at TARGET_PRECISION on the fitted questions, each language counting equally (the mean of the Russian and
// the Kazakh questions' precision). A wrong quote costs a citizen more than an honest "the sources do not say", but
// declining answerable questions is the failure this model exists to fix, so the bar is high but not absolute.
// Pooled instead, the Russian questions, more numerous and easier, set the bar alone: it kept their precision at
// 0.91 and let the Kazakh ones answer at 0.74.
const fitted = scored(train).sort((a, b) => b.p - a.p);
const langs = [...new Set(fitted.map((r) => r.lang))];
const given = new Map(langs.map((l) => [l, 0]));
const right = new Map(langs.map((l) => [l, 0]));
let threshold = 1;
for (const r of fitted) {
  given.set(r.lang, given.get(r.lang)! + 1);
  right.set(r.lang, right.get(r.lang)! + r.y);
  // a language none of whose questions is answered yet has no precision to count
  const precisions = langs.filter((l) => given.get(l)! > 0).map((l) => right.get(l)! / given.get(l)!);
  if (precisions.reduce((a, b) => a + b, 0) / precisions.length >= TARGET_PRECISION) threshold = r.p;
}

function report(rs: typeof rows) {
  const s = scored(rs);
  const answered = s.filter((r) => r.p >= threshold);
  const ans = s.filter((r) => r.answerable);
  const un = s.filter((r) => !r.answerable);
  return {
    questions: rs.length,
    precisionOfAnswered: +(answered.filter((r) => r.y).length / Math.max(1, answered.length)).toFixed(3),
    answerableAnsweredRight: +(ans.filter((r) => r.y && r.p >= threshold).length / Math.max(1, ans.length)).toFixed(3),
    unanswerableDeclined: +(un.filter((r) => r.p < threshold).length / Math.max(1, un.length)).toFixed(3),
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const model: DeclineModel = {
  intercept: round(intercept),
  weights: Object.fromEntries(FEATURES.map((f) => [f, round(weights[f])])) as Features,
  threshold: round(threshold),
  about: {
    fittedBy: 'npm run fit:decline (scripts/fit-decline.ts)',
    sets: SETS.map((s) => s.name),
    dense: embedder ? `fitted with ${embedder.info.name}` : 'off: no embedding model where this was fitted, so the dense feature weighs 0',
    label: 'answerable, and the answer is inside the first 3 quotes',
    threshold: `lowest confidence keeping the precision of answered at ${TARGET_PRECISION} on the fitted questions, the mean of each language's`,
    fitted: report(train),
    heldOut: report(rows.filter((r) => r.held)),
  },
};
await writeFile(DEFAULT_DECLINE_MODEL, JSON.stringify(model, null, 2) + '\n');
if (process.env.GOVQA_FEATURES_CSV) {
  // for analysis: every question's features, label and set
  const lines = [['set', 'answerable', 'y', 'held', ...FEATURES].join(',')];
  for (const r of rows) lines.push([r.set, +r.answerable, r.y, +r.held, ...FEATURES.map((f) => r.f[f].toFixed(4))].join(','));
  await writeFile(process.env.GOVQA_FEATURES_CSV, lines.join('\n') + '\n');
}
console.log(JSON.stringify(model, null, 2));
