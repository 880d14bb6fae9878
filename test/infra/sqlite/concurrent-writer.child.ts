/** Child process for the concurrent-writers test: writes N entries (and feedback) to the shared log file. */
import { openAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

const [file, countText, label] = process.argv.slice(2);
const log = openAnswerLog({ file: file, hmacKey: 'test-key-0123456789abcdef', busyTimeoutMs: 10_000 });
for (let i = 0; i < Number(countText); i++) {
  const id = await log.record({ surface: label, askerId: `${label}-user`, answer: makeAnswer({ question: `${label} question ${i}` }) });
  if (i % 10 === 0) await log.addFeedback(id, { rating: 'down', by: `${label}-user` });
}
log.close();
