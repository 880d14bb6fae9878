/** Reviewed answers and staff-reply proposals in the answer log's SQLite file: the desk's shared behaviour. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { SqliteCorrections } from '../../../src/infra/sqlite/corrections.js';
import { describeCorrectionDesk } from '../../core/contracts/correction-desk.contract.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'soga-corrections-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
describeCorrectionDesk('SQLite', () => ({
  make: async ({ hmacKey, now }) => {
    const log = openAnswerLog({ file: path.join(dir, `answers-${++n}.sqlite`), hmacKey, now });
    return { log, desk: new SqliteCorrections(log, now) };
  },
}));
