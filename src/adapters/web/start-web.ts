/**
 * The admin web: sign-in, answer log review, overview, documents and playground, server-rendered on
 * Hono (@hono/node-server). This file only composes: the services each route needs, the middleware
 * (web-middleware.ts) and the routes (routes/, one file per route family, named after its path).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Config } from '../../config/load.js';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import type { AnswerLogAdmin } from '../../core/answer-log.js';
import type { AdminSessionStore } from '../../core/admin-sessions.js';
import type { CorrectionDesk } from '../../core/corrections/correction.js';
import { SogaError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import { AdminCredentials } from './admin-auth.js';
import type { SignInLockout } from '../../core/sign-in-lockout.js';
import { IngestionJobs } from './ingestion-jobs.js';
import { apiRoutes } from './routes/api.js';
import { documentsRoutes } from './routes/documents.js';
import { langRoutes } from './routes/lang.js';
import { logEntryRoutes } from './routes/log-entry.js';
import { correctionsRoutes } from './routes/corrections.js';
import { logExportRoutes } from './routes/log-export.js';
import { logRoutes } from './routes/log.js';
import { overviewRoutes } from './routes/overview.js';
import { playgroundRoutes } from './routes/playground.js';
import { signInRoutes } from './routes/sign-in.js';
import { signOutRoutes } from './routes/sign-out.js';
import { staticRoutes } from './routes/static-files.js';
import { errorHandler, requestContext, requireStaff, securityHeaders } from './web-middleware.js';
import type { WebEnv, WebServices } from './web-env.js';
import { fail, seeOther } from './web-responses.js';

export interface WebDeps {
  config: Config;
  /** Records what it answers (main's recording assistant): the playground's answers are in the log like any other. */
  assistant: Assistant;
  corpus: CorpusManager;
  /** The answer log's staff side (main opens it and runs retention); null (SOGA_LOG_ENABLED=false) is refused at start. */
  log: AnswerLogAdmin | null;
  /** Reviewed answers and staff-reply proposals, beside the log (main opens both). */
  corrections?: CorrectionDesk | null;
  messages: Messages;
  /** Staff sessions (main builds them: in memory, or in PostgreSQL with SOGA_DATABASE_URL). */
  sessions: AdminSessionStore;
  /** Failed sign-ins per address (main builds it beside the sessions: one count for every replica with PostgreSQL). */
  signInLockout: SignInLockout;
  /** Operator messages (unexpected errors, purges); stderr by default. */
  report?: (message: string) => void;
  now?: () => Date;
}

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/** The routes in order: public ones first, then the staff gate, then everything it protects. */
export function createWebApp(s: WebServices): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  app.use('*', securityHeaders());
  app.use('*', requestContext(s));
  staticRoutes(app);
  signInRoutes(app, s);
  langRoutes(app);
  app.use('*', requireStaff(s));
  app.get('/', (c) => seeOther(c, '/overview'));
  overviewRoutes(app, s);
  logExportRoutes(app, s);
  logRoutes(app, s);
  logEntryRoutes(app, s);
  correctionsRoutes(app, s);
  documentsRoutes(app, s);
  playgroundRoutes(app, s);
  signOutRoutes(app, s);
  apiRoutes(app, s);
  app.notFound((c) => fail(c, 404, c.var.ctx.t('web.error.notFound')));
  app.onError(errorHandler(s));
  return app;
}

export async function startWeb(deps: WebDeps): Promise<WebServer> {
  const { config } = deps;
  if (!deps.log) {
    throw new SogaError('CONFIG_INVALID', 'the admin web needs the answer log (review, overview, audit trail), but it is disabled', {
      hint: 'set SOGA_LOG_ENABLED=true and SOGA_LOG_HMAC_KEY, or SOGA_WEB_ENABLED=false',
    });
  }
  const report = deps.report ?? ((m: string) => process.stderr.write(`${m}\n`));
  const services: WebServices = {
    config,
    assistant: deps.assistant,
    corpus: deps.corpus,
    log: deps.log,
    corrections: deps.corrections ?? null,
    messages: deps.messages,
    report,
    now: deps.now ?? (() => new Date()),
    credentials: new AdminCredentials({ password: config.SOGA_ADMIN_PASSWORD, passwordHash: config.SOGA_ADMIN_PASSWORD_HASH, token: config.SOGA_ADMIN_TOKEN }),
    sessions: deps.sessions,
    limiter: deps.signInLockout,
    jobs: new IngestionJobs(report),
    answerLanguages: deps.messages.languages().sort(),
    httpsPublic: config.SOGA_WEB_PUBLIC_URL?.startsWith('https:') ?? false,
  };
  const app = createWebApp(services);

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: config.SOGA_WEB_PORT, hostname: config.SOGA_WEB_HOST }, () => {
      created.off('error', reject);
      resolve(created as Server);
    });
    created.once('error', reject);
  });
  server.requestTimeout = 5 * 60 * 1000;
  server.headersTimeout = 30 * 1000;
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await services.jobs.idle();
    },
  };
}
