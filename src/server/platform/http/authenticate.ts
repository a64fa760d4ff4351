import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import { appendAuditBatch, appendAuditInTransaction } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { actorFromApiToken, actorFromSession, SESSION_COOKIE } from '../auth/credentials.js';
import type { ActorContext, AuditInput, Platform, ServiceContext } from '../context.js';
import { sha256Hex } from '../crypto.js';
import { problem } from '../errors.js';
import { type Action, authorize, isAction } from '../policy/policy.js';
import { viewerOf } from '../policy/visibility-filter.js';

export interface RouteEntry {
  method: string;
  url: string;
  policy: Action;
  /** The statuses its response schema declares ('200', '4xx', …): the wire contract of the route. */
  replies: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its policy action, for the test that no route goes unguarded. */
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /** The policy action this route performs; every route must declare one. */
    policy?: Action;
  }
}

const CONTEXT = Symbol('service context');

declare module 'fastify' {
  interface FastifyRequest {
    [CONTEXT]: ServiceContext | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes registered by plugins (documentation, static files) that are public by nature. */
const PLUGIN_ROUTE_PREFIXES = ['/api/v1/docs', '/assets/', '/favicon'];

/** The service context of one request: the platform, who asks, and audit writers that name them. */
function buildContext(request: FastifyRequest): ServiceContext {
  return serviceContext(request.server.platform, request.actor, request.ip, request.id);
}

/**
 * A service context for `actor` acting from `ip`, its audit entries naming `requestId`: a request's,
 * or (the demo data, loaded as the demo's people would enter it) one made outside any request.
 */
export function serviceContext(platform: Platform, actor: Actor | null, ip: string, requestId: string): ServiceContext {
  const { db } = platform;
  const row = (entry: AuditInput) => ({
    actorUserId: actor?.userId,
    actorOrganisationId: actor?.organisationId,
    ...entry,
    ip,
    requestId,
  });
  const audit: ServiceContext['audit'] = (entry, trx) =>
    trx ? appendAuditInTransaction(trx, [row(entry)]) : appendAuditBatch(db, [row(entry)]);
  return {
    db,
    config: platform.config,
    cipher: platform.cipher,
    personalData: platform.personalData,
    csrf: platform.csrf,
    actorCache: platform.actorCache,
    actor,
    viewer: viewerOf(actor),
    ip,
    audit,
    audited: (change, entry) =>
      db.transaction().execute(async (trx) => {
        const result = await change(trx);
        await appendAuditInTransaction(trx, [entry(result) ?? []].flat().map(row));
        return result;
      }),
    auditSensitiveRead: (targetType, targetId, details) =>
      audit({ action: `${targetType}.read`, outcome: 'success', targetType, targetId, details }),
    auditSensitiveReads: (targetType, reads) =>
      appendAuditBatch(
        db,
        reads.map(({ id, details }) =>
          row({ action: `${targetType}.read`, outcome: 'success', targetType, targetId: id, details }),
        ),
      ),
  };
}

/**
 * Deny by default: a route that declares no policy action stops the app from loading; every
 * request is authenticated, checked against the route's policy, and (for a cookie session doing
 * an unsafe request) against its CSRF token before the body is even read.
 */
export function registerAuthentication(app: FastifyInstance): void {
  // Any write may change who someone is (sign-out, roles, units, deactivation): forget every
  // cached actor before the answer leaves, so the next request sees the change.
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (UNSAFE_METHODS.has(request.method)) request.server.platform.actorCache.clear();
    done(null, payload);
  });
  app.decorateRequest('actor', null);
  // Built once per request (kept on the request itself), and again only if `request.actor` changed.
  app.decorateRequest(CONTEXT, null);
  app.decorateRequest('context', function (this: FastifyRequest): ServiceContext {
    const built = this[CONTEXT];
    if (built && built.actor === this.actor) return built;
    this[CONTEXT] = buildContext(this);
    return this[CONTEXT];
  });

  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    route.config ??= {};
    const config = route.config as { policy?: unknown };
    if (config.policy === undefined && PLUGIN_ROUTE_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      config.policy = 'public';
    }
    if (!isAction(config.policy)) {
      throw new Error(`route ${route.method} ${route.url} declares no known policy action`);
    }
    const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response;
    app.routeTable.push({
      method: String(route.method),
      url: route.url,
      policy: config.policy,
      replies: Object.keys(response ?? {}),
    });
  });

  // Synchronous when the actor is cached (nearly every request of a busy client): an async hook
  // would cost a promise and a turn of the event loop on every request.
  app.addHook('onRequest', (request, _reply, done) => {
    const action = request.routeOptions.config.policy;
    // Public routes (health, sign-in, documentation, the web app) need no actor: skip the lookup.
    if (!action || action === 'public') return done();
    const { platform } = request.server;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    const credential = bearer
      ? { kind: 'token' as const, secret: bearer }
      : cookie
        ? { kind: 'session' as const, secret: cookie }
        : null;
    const cacheKey = credential && `${credential.kind}:${sha256Hex(credential.secret)}`;
    const cached = cacheKey ? platform.actorCache.get(cacheKey) : undefined;
    if (!credential || cached) {
      try {
        admit(request, action, cached ?? null, credential?.kind);
        return done();
      } catch (error) {
        return done(error as Error);
      }
    }
    lookUpActor(platform, credential.kind, credential.secret, cacheKey as string).then(
      (actor) => {
        try {
          admit(request, action, actor, credential.kind);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
      (error: Error) => done(error),
    );
  });
}

/** The actor behind a credential, from the database; kept in the short-lived cache. */
async function lookUpActor(platform: Platform, kind: 'session' | 'token', secret: string, cacheKey: string) {
  const generation = platform.actorCache.generation();
  const actor =
    kind === 'session'
      ? await actorFromSession(platform.db, secret, platform.config.demo)
      : await actorFromApiToken(platform.db, secret, platform.config.demo);
  if (actor) platform.actorCache.set(cacheKey, actor, generation);
  return actor;
}

/** Sets the request's actor and checks the route's policy and, for a cookie session's write, its CSRF token. */
function admit(request: FastifyRequest, action: Action, actor: Actor | null, via: 'session' | 'token' | undefined) {
  if (via === 'token' && !actor)
    throw problem(PLATFORM_PROBLEMS, 'invalid-token', 'The API token is unknown, expired or revoked.');
  request.actor = actor;
  authorize(actor, action);
  if (actor?.via === 'session' && UNSAFE_METHODS.has(request.method)) {
    const token = request.headers['x-csrf-token'];
    if (!request.server.platform.csrf.verify(actor.credentialHash, typeof token === 'string' ? token : undefined)) {
      throw problem(PLATFORM_PROBLEMS, 'csrf', 'Missing or invalid X-CSRF-Token header; fetch one from GET /api/v1/auth/csrf.');
    }
  }
}

/** The service context of a route whose policy needs a signed-in actor (already checked on request). */
export function actorContext(request: FastifyRequest): ActorContext {
  const ctx = request.context();
  if (!ctx.actor)
    throw problem(PLATFORM_PROBLEMS, 'unauthenticated', 'Sign in, or send a valid API token, to use this endpoint.');
  return ctx as ActorContext;
}
