import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CsrfToken, LoginAnswer, Me, SessionAnswer } from '../../../shared/auth/contract.js';
import { actorFromSession, SESSION_COOKIE } from '../../platform/auth/credentials.js';
import { MAX_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { NoContent, replies } from '../../platform/http/responses.js';
import { Strict } from '../../platform/http/schemas.js';
import type { Wire } from '../../platform/http/wire.js';
import { authorize } from '../../platform/policy/policy.js';
import { login, logout, profile } from './service.js';

const LoginBody = Strict({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  totp: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  recoveryCode: Type.Optional(Type.String({ minLength: 8, maxLength: 32 })),
});

export async function authRoutes(app: FastifyInstance) {
  const cookieOptions = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.platform.config.secureCookies,
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { policy: 'public', rateLimit: { max: app.platform.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail, password and, if enrolled, a TOTP code',
        body: LoginBody,
        response: replies({ 200: LoginAnswer }),
      },
    },
    async (request, reply): Promise<Wire<LoginAnswer>> => {
      const ctx = request.context();
      const session = await login(ctx, request.body as typeof LoginBody.static);
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(),
        maxAge: app.platform.config.sessionTtlHours * 3600,
      });
      const actor = await actorFromSession(ctx.db, session.token, ctx.config.demo);
      if (!actor) throw new Error('session vanished right after login');
      return { me: profile({ ...ctx, actor }), csrfToken: app.platform.csrf.create(session.tokenHash) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { policy: 'session.end' },
      schema: { tags: ['auth'], summary: 'End this session on the server', response: replies({ 204: NoContent }) },
    },
    async (request, reply) => {
      const ctx = request.context();
      authorize(ctx.actor, 'session.end');
      await logout({ ...ctx, actor: ctx.actor });
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/csrf',
    {
      config: { policy: 'account.read' },
      schema: { tags: ['auth'], summary: 'CSRF token for this session', response: replies({ 200: CsrfToken }) },
    },
    async (request): Promise<Wire<CsrfToken>> => {
      const actor = request.actor;
      authorize(actor, 'account.read');
      return { csrfToken: app.platform.csrf.create(actor.credentialHash) };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { policy: 'session.read' },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in with this session or token, or nobody (200 either way, for pages open to the public)',
        response: replies({ 200: SessionAnswer }),
      },
    },
    async (request): Promise<Wire<SessionAnswer>> => {
      const ctx = request.context();
      authorize(ctx.actor, 'session.read');
      return { me: ctx.actor ? profile({ ...ctx, actor: ctx.actor }) : null };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { policy: 'account.read' },
      schema: { tags: ['auth'], summary: 'Who I am: user, organisation, units, roles', response: replies({ 200: Me }) },
    },
    async (request): Promise<Wire<Me>> => {
      const ctx = request.context();
      authorize(ctx.actor, 'account.read');
      return profile({ ...ctx, actor: ctx.actor });
    },
  );
}
