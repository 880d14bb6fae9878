/** Starts the admin web on a free loopback port with fakes (or given engine parts) and a temp answer log. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Assistant, CorpusManager } from '../../../src/core/assistant.js';
import { parseConfig, type Config } from '../../../src/config/load.js';
import { loadMessages } from '../../../src/infra/prompt-files.js';
import { openAnswerLog, type SqliteAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { startWeb } from '../../../src/adapters/web/start-web.js';
import { SqliteCorrections } from '../../../src/infra/sqlite/corrections.js';
import { recordingAssistant } from '../../../src/core/recording-assistant.js';
import { FakeAssistant, answerFromCorpus } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { embeddedSharedState } from '../../../src/main/shared-state.js';
import type { AdminSessionStore } from '../../../src/core/admin-sessions.js';
import type { SignInLockout } from '../../../src/core/sign-in-lockout.js';
import type { AnswerLog, AnswerLogAdmin } from '../../../src/core/answer-log.js';
import type { CorrectionDesk } from '../../../src/core/corrections/correction.js';

/** An answer log and its corrections desk, as main opens them (SQLite by default; PostgreSQL for its tests). */
export interface HarnessStore {
  log: AnswerLog & AnswerLogAdmin & { close(): void | Promise<void> };
  corrections: CorrectionDesk;
}

export const PASSWORD = 'correct horse battery staple';
export const TOKEN = 'admin-token-0123456789abcdef';
export const HMAC_KEY = 'hmac-key-for-tests-0123456789';

export interface Harness {
  url: string;
  dir: string;
  config: Config;
  log: HarnessStore['log'];
  /** Reviewed answers and proposals, beside the log (as main opens them). */
  corrections: CorrectionDesk;
  corpus: CorpusManager;
  assistant: Assistant;
  reports: string[];
  sessions: AdminSessionStore;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    env?: Record<string, string>;
    corpus?: CorpusManager;
    assistant?: Assistant;
    assistantWith?: (corrections: CorrectionDesk) => Assistant;
    /** Another answer log than the temporary SQLite one (the PostgreSQL tests). */
    store?: HarnessStore;
    sessions?: AdminSessionStore;
    signInLockout?: SignInLockout;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soga-web-'));
  const config = parseConfig({
    SOGA_DATA_DIR: path.join(dir, 'data'),
    SOGA_WEB_PORT: '0',
    SOGA_ADMIN_PASSWORD: PASSWORD,
    SOGA_ADMIN_TOKEN: TOKEN,
    SOGA_LOG_HMAC_KEY: HMAC_KEY,
    SOGA_LOG_DB: path.join(dir, 'data', 'answers.sqlite'),
    SOGA_UPLOAD_MAX_BYTES: String(1024 * 1024),
    SOGA_EMBED_PROVIDER: 'none',
    ...options.env,
  });
  const sqlite: SqliteAnswerLog | null = options.store ? null : openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY });
  const log: HarnessStore['log'] = options.store?.log ?? sqlite!;
  const corrections: CorrectionDesk = options.store?.corrections ?? new SqliteCorrections(sqlite!);
  const corpus = options.corpus ?? new FakeCorpus();
  const assistant = options.assistantWith?.(corrections) ?? options.assistant ?? new FakeAssistant(corpus instanceof FakeCorpus ? answerFromCorpus(corpus) : undefined);
  const messages = await loadMessages('prompts');
  const reports: string[] = [];
  // As main wires it: the playground's answers are recorded by the assistant, not by the web.
  const recorded = recordingAssistant(assistant, log, { onRecordError: (error) => reports.push(`record failed: ${String(error)}`) });
  const embedded = embeddedSharedState(config);
  const sessions = options.sessions ?? embedded.adminSessions;
  const signInLockout = options.signInLockout ?? embedded.signInLockout;
  const web = await startWeb({ config, assistant: recorded, corpus, log, corrections, messages, sessions, signInLockout, report: (m) => reports.push(m) });
  return {
    url: web.url,
    dir,
    config,
    log,
    corrections,
    corpus,
    assistant,
    reports,
    sessions,
    async stop() {
      await web.stop();
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Cookie jar of one client: what the browser would send back. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.base + pathname, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async postForm(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(pathname, { method: 'POST', body: new URLSearchParams(fields), headers });
  }

  async signIn(password = PASSWORD, name = 'Camille'): Promise<Response> {
    const form = await (await this.fetch('/sign-in')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const res = await this.postForm('/sign-in', { _csrf: token, name, password, next: '/log' });
    if (res.status === 303) await this.refreshCsrf();
    return res;
  }

  async refreshCsrf(): Promise<void> {
    const page = await (await this.fetch('/playground')).text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  }
}

export function minimalPdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (${text}) Tj ET\n%%EOF\n`, 'latin1');
}
