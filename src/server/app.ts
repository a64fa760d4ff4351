import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { PLATFORM_PROBLEMS } from '../shared/problems.js';
import type { Config } from './config.js';
import { accountRoutes } from './modules/account/routes.js';
import { administrationRoutes } from './modules/administration/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { alertRoutes } from './modules/exchange/alerts/routes.js';
import { attachmentRoutes } from './modules/exchange/attachments/routes.js';
import { directoryRoutes } from './modules/exchange/directory/routes.js';
import { liveRoutes } from './modules/exchange/live/routes.js';
import { messageRoutes } from './modules/exchange/messages/routes.js';
import { noticeRoutes } from './modules/exchange/notices/routes.js';
import { followupRoutes } from './modules/followup/routes.js';
import { knowledgeCountriesRoutes } from './modules/knowledge/countries/routes.js';
import { knowledgeExportRoutes } from './modules/knowledge/export/routes.js';
import { knowledgeImportRoutes } from './modules/knowledge/imports/routes.js';
import { knowledgeItemRoutes } from './modules/knowledge/items/routes.js';
import { knowledgeReviewRoutes } from './modules/knowledge/review/routes.js';
import { knowledgeSearchRoutes } from './modules/knowledge/search/routes.js';
import { referralRoutes } from './modules/referral/routes.js';
import { watchlistModuleRoutes } from './modules/watchlists/routes.js';
import { checkpointPath } from './platform/audit/checkpoints.js';
import { registerAuditCheckpoints } from './platform/audit/register.js';
import { ActorCache } from './platform/auth/actor-cache.js';
import { CsrfTokens } from './platform/auth/csrf.js';
import type { Platform } from './platform/context.js';
import type { FieldCipher } from './platform/crypto.js';
import type { Db, Listen } from './platform/db/database.js';
import { problem, registerProblemHandlers, sendFrameworkError, sendProblem } from './platform/errors.js';
import { registerAuthentication } from './platform/http/authenticate.js';
import { healthRoutes } from './platform/http/health.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { registerTextNormalisation } from './platform/http/normalise-text.js';
import { replies } from './platform/http/responses.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerValidation } from './platform/http/validation.js';
import { registerJobWorker } from './platform/jobs/register.js';
import { PersonalDataKeys } from './platform/personal-data/keyring.js';

export interface AppOptions {
  config: Config;
  db: Db;
  cipher: FieldCipher;
  /** Pino logger options; `false` in tests. */
  logger?: boolean | object;
  /** The database's LISTEN, so the live stream hears new events at once (it polls without). */
  listen?: Listen;
}

export const API_BODY_LIMIT = 256 * 1024;

/** Builds the HTTP app: security plugins, authentication and policy, modules, the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, cipher } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      // Credentials and personal data never reach the logs.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: API_BODY_LIMIT,
    trustProxy: false,
    return503OnClosing: true,
    frameworkErrors: sendFrameworkError,
  });

  const platform: Platform = {
    db,
    config,
    cipher,
    personalData: new PersonalDataKeys(db, cipher),
    csrf: new CsrfTokens(cipher.keyForPurpose('csrf')),
    actorCache: new ActorCache(config.actorCacheMs),
  };
  app.decorate('platform', platform);
  // The key ring is read before the first request, never from inside a transaction (see keyring.ts).
  app.addHook('onReady', () => platform.personalData.reload());
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  registerProblemHandlers(app);
  registerValidation(app);
  registerJobWorker(app, { db, pollMs: config.jobPollMs });
  registerAuditCheckpoints(app, { db, file: checkpointPath(config.dataDir), everyMs: config.auditCheckpointMs });

  registerSecurityHeaders(app, { https: config.secureCookies });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => request.ip,
  });
  // After cookies and rate limits (their onRequest hooks run first), before any route is added.
  registerAuthentication(app);
  registerTextNormalisation(app);
  registerIdempotency(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: '1',
        description: 'Secure cooperation platform for the Euro-African migration dialogues',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });
  const OpenApiDocument = Type.Object({}, { additionalProperties: true, description: 'The OpenAPI 3.1 document of this API' });
  app.get(
    '/api/v1/openapi.json',
    { config: { policy: 'public' }, schema: { hide: true, response: replies({ 200: OpenApiDocument }) } },
    async () => app.swagger(),
  );

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(administrationRoutes);
  await app.register(knowledgeSearchRoutes);
  await app.register(knowledgeItemRoutes);
  await app.register(knowledgeExportRoutes);
  await app.register(knowledgeImportRoutes);
  await app.register(knowledgeReviewRoutes);
  await app.register(knowledgeCountriesRoutes);
  await app.register(directoryRoutes);
  await app.register(messageRoutes);
  await app.register(attachmentRoutes);
  await app.register(alertRoutes);
  await app.register(followupRoutes);
  await app.register(referralRoutes);
  await app.register(watchlistModuleRoutes);
  await app.register(liveRoutes, { listen: options.listen });
  // E-mail notices and RFI reminders: also starts and stops their sweeps with the app.
  await app.register(noticeRoutes);
  registerWebApp(app, config.webRoot);
  return app;
}

/**
 * Serves the built single-page app; unknown non-API paths get index.html so deep links work.
 * The build writes brotli and gzip copies beside each text file (scripts/vite-precompress.ts):
 * `preCompressed` sends the best one the browser accepts (br, then gzip, else the file itself)
 * with `Vary: Accept-Encoding`, and nothing is compressed per request.
 */
function registerWebApp(app: FastifyInstance, webRoot: string) {
  const index = path.join(webRoot, 'index.html');
  if (!fs.existsSync(index)) return;
  // Vite puts every built file under /assets/ with a content hash, so they may be cached for long.
  app.register(fastifyStatic, {
    root: path.join(webRoot, 'assets'),
    prefix: '/assets/',
    index: false,
    immutable: true,
    maxAge: '365d',
    preCompressed: true,
  });
  app.get('/*', { config: { policy: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendProblem(
        reply,
        problem(PLATFORM_PROBLEMS, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}.`),
      );
    }
    // index.html names the current hashed assets: the browser must revalidate it, or it would keep
    // running the previous release. sendFile would otherwise apply the plugin's immutable year.
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .sendFile('index.html', webRoot, { cacheControl: false });
  });
}
