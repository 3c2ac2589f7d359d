// Follow-up questions (`npm run eval`, set «followups»): the second turn of each conversation in
// eval/followups/conversations.jsonl asked after its first turn, next to the same second turn asked alone (the
// baseline, measured in the same run). The measure: the evidence is in the first excerpt.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Answerer, DEFAULT_ANSWER } from '../src/answer/compose.ts';
import { loadConfig } from '../src/config.ts';
import { buildIndex } from '../src/index/build.ts';
import { SearchEngine } from '../src/search/engine.ts';
import { containsEvidence } from './metrics.ts';
import { record } from './targets.ts';

interface Conversation {
  id: string;
  lang: string;
  turns: [string, string];
  evidence: string;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const config = loadConfig();
const conversations: Conversation[] = (await readFile(path.join(here, 'followups/conversations.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
const dir = await mkdtemp(path.join(os.tmpdir(), 'govqa-followups-'));
const corpus = path.join(dir, 'corpus');
await cp(path.join(config.sharedDir, 'corpus'), corpus, { recursive: true });
await cp(path.join(here, 'followups/corpus'), path.join(corpus, 'followups'), { recursive: true });
await buildIndex({ corpus, indexDir: path.join(dir, 'index'), embedder: null });
const answerer = new Answerer(await SearchEngine.open(path.join(dir, 'index'), null), { ...DEFAULT_ANSWER, summary: false });

const rows = { alone: 0, inContext: 0, taken: 0, firstTurnAlone: 0 };
const misses: string[] = [];
for (const c of conversations) {
  const [first, second] = c.turns;
  const inFirst = (a: { citations: { excerpt: string }[] }) => (a.citations[0] && containsEvidence(a.citations[0].excerpt, c.evidence) ? 1 : 0);
  const alone = await answerer.ask(second);
  const firstTurn = await answerer.ask(first);
  const followed = await answerer.ask(second, {}, firstTurn.lang, [first]);
  rows.alone += inFirst(alone);
  rows.inContext += inFirst(followed);
  rows.taken += followed.followsUp ? 1 : 0;
  // a first turn is a question on its own: asked with no history, it must not be taken as a follow-up
  rows.firstTurnAlone += firstTurn.followsUp ? 0 : 1;
  if (!inFirst(followed)) misses.push(`${c.id} «${second}» → ${followed.citations[0]?.excerpt.slice(0, 80).replace(/\n/g, ' ') ?? '(declined)'}`);
}
const n = conversations.length;
console.log(`\nfollowups: ${n} two-turn conversations (eval/followups), evidence in the second turn's first excerpt`);
console.log(`  ${'second turn asked alone (baseline)'.padEnd(44)} ${(rows.alone / n).toFixed(3)}`);
console.log(`  ${'second turn after its first (target ≥ 0.9)'.padEnd(44)} ${(rows.inContext / n).toFixed(3)}`);
record('followups', 'second turn after its first', { 'evidence in the first excerpt': rows.inContext / n });
console.log(`  ${'second turns taken as follow-ups'.padEnd(44)} ${(rows.taken / n).toFixed(3)}`);
for (const m of misses) console.log(`    missed: ${m}`);
await rm(dir, { recursive: true, force: true });
