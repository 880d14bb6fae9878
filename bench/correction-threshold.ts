/**
 * `npx tsx bench/correction-threshold.ts [--data data] [--dict /usr/share/dictd]` — how the overlap
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

const { values: args } = parseArgs({ options: { data: { type: 'string', default: 'data' }, dict: { type: 'string', default: '/usr/share/dictd' } } });
interface Pair {
  approved: [string, string];
  asked: [string, string];
}
const pairs = JSON.parse(readFileSync(new URL('../test/fixtures/correction-pairs.json', import.meta.url), 'utf8')) as { same: Pair[]; different: Pair[] };

const store = await LanceDbStore.open({ dir: path.join(args.data, 'lancedb') });
const lexicon = args.dict ? new FreedictLexicon(args.dict, (m) => console.error(m), undefined, path.join(args.data, 'dictionaries')) : null;
const stats = await store.termStats();
// Threshold 0: every pair that passes the guards reports its overlap.
const matcher = createCorrectionMatcher({ lexicon, termStats: async () => stats }, { minOverlap: 0, minCosine: 2 });

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
async function overlaps(list: Pair[]): Promise<{ pair: Pair; overlap: number | null }[]> {
  const out = [];
  for (const pair of list) {
    const m = await matcher.match(pair.asked[1], pair.asked[0], [correction(...pair.approved)]);
    out.push({ pair, overlap: m ? m.overlap : null });
  }
  return out;
}
const same = await overlaps(pairs.same);
const different = await overlaps(pairs.different);
const show = (o: number | null) => (o === null ? 'guard' : o.toFixed(2));
console.log('paraphrases (must match):');
for (const { pair, overlap } of same) console.log(`  ${show(overlap).padStart(5)}  ${pair.approved[0]} "${pair.approved[1]}" ~ ${pair.asked[0]} "${pair.asked[1]}"`);
console.log('near misses (must not match; "guard": told apart by a number, ordinal or kind of value):');
for (const { pair, overlap } of different) console.log(`  ${show(overlap).padStart(5)}  ${pair.approved[0]} "${pair.approved[1]}" ~ ${pair.asked[0]} "${pair.asked[1]}"`);
console.log(`\nthreshold  paraphrases matched (of ${same.length})  near misses matched (of ${different.length})`);
for (let t = 0.4; t <= 0.951; t += 0.05) {
  const hits = same.filter((s) => s.overlap !== null && s.overlap >= t).length;
  const wrong = different.filter((s) => s.overlap !== null && s.overlap >= t).length;
  console.log(`${t.toFixed(2).padStart(9)}  ${String(hits).padStart(27)}  ${String(wrong).padStart(26)}`);
}
