/**
 * What every route of the admin web receives: the services built once at start (through options, never
 * opened here) and, per request, the page context and who is acting. Routes are registered on one Hono
 * app typed with `WebEnv`, so `c.var.ctx` and `c.env.incoming` are checked by the compiler.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Config } from '../../config/load.js';
import type { AnswerLogAdmin } from '../../core/answer-log.js';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import type { CorrectionDesk } from '../../core/corrections/correction.js';
import type { Messages } from '../../core/i18n.js';
import type { AdminSession, AdminSessionStore } from '../../core/admin-sessions.js';
import type { SignInLockout } from '../../core/sign-in-lockout.js';
import type { AdminCredentials } from './admin-auth.js';
import type { IngestionJobs } from './ingestion-jobs.js';
import type { PageContext } from './pages/page-context.js';

export interface WebServices {
  config: Config;
  assistant: Assistant;
  corpus: CorpusManager;
  /** The answer log's read and review side; answers are recorded by the assistant main hands in. */
  log: AnswerLogAdmin;
  /** Reviewed answers and staff-reply proposals (null: no corrections desk, its pages are not served). */
  corrections: CorrectionDesk | null;
  messages: Messages;
  report: (message: string) => void;
  now: () => Date;
  credentials: AdminCredentials;
  sessions: AdminSessionStore;
  /** Failed sign-ins and failed bearer tokens, per address: one lockout for both. */
  limiter: SignInLockout;
  jobs: IngestionJobs;
  /** Languages the assistant answers in (playground choice). */
  answerLanguages: string[];
  /** SOGA_WEB_PUBLIC_URL is https: cookies are Secure even behind a plain-http proxy hop. */
  httpsPublic: boolean;
}

export interface WebVariables {
  ctx: PageContext;
  session: AdminSession | null;
  /** Who is acting, for the audit trail: the session's name, or "token" for API calls. */
  actor: string | null;
  /** Cookies get the Secure flag. */
  secure: boolean;
  /** The client's address, the key of the sign-in and token lockout. */
  address: string;
}

export interface WebEnv {
  Bindings: HttpBindings;
  Variables: WebVariables;
}

export const SESSION_COOKIE = 'soga_session';
export const SIGN_IN_COOKIE = 'soga_signin';
export const LANG_COOKIE = 'soga_lang';
export const THEME_COOKIE = 'soga_theme';
