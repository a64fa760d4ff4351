import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CreatedToken, TokenList, TotpEnabled, TotpSetup } from '../../../shared/account/contract.js';
import { Me } from '../../../shared/auth/contract.js';
import { LOCALES } from '../../../shared/locales.js';
import { ROLES } from '../../../shared/roles.js';
import { MAX_PASSWORD_LENGTH } from '../../platform/auth/passwords.js';
import { actorContext } from '../../platform/http/authenticate.js';
import { NoContent, replies } from '../../platform/http/responses.js';
import { IdParams, Strict, Text } from '../../platform/http/schemas.js';
import type { Wire } from '../../platform/http/wire.js';
import { profile } from '../auth/service.js';
import * as account from './service.js';

const tags = ['account'];
const Locale = Type.Union(LOCALES.map((locale) => Type.Literal(locale)));

export async function accountRoutes(app: FastifyInstance) {
  app.patch(
    '/api/v1/me',
    {
      config: { policy: 'account.update' },
      schema: {
        tags,
        summary: 'Change my display name or language',
        body: Strict({ displayName: Type.Optional(Text(120)), locale: Type.Optional(Locale) }),
        response: replies({ 200: Me }),
      },
    },
    async (request): Promise<Wire<Me>> => {
      const ctx = actorContext(request);
      const changes = request.body as { displayName?: string; locale?: string };
      await account.updateProfile(ctx, changes);
      return profile({ ...ctx, actor: { ...ctx.actor, ...changes } });
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { policy: 'account.update', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: Strict({
          currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
          newPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
        }),
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const body = request.body as { currentPassword: string; newPassword: string };
      await account.changePassword(actorContext(request), body.currentPassword, body.newPassword);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/totp/setup',
    {
      config: { policy: 'account.secondFactor' },
      schema: { tags, summary: 'Start TOTP enrolment', response: replies({ 200: TotpSetup }) },
    },
    async (request): Promise<Wire<TotpSetup>> => account.startTotpSetup(actorContext(request)),
  );

  app.post(
    '/api/v1/me/totp/enable',
    {
      config: { policy: 'account.secondFactor', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment with a code',
        body: Strict({ code: Type.String({ pattern: '^\\d{6}$' }) }),
        response: replies({ 200: TotpEnabled }),
      },
    },
    async (request): Promise<Wire<TotpEnabled>> =>
      account.enableTotp(actorContext(request), (request.body as { code: string }).code),
  );

  app.post(
    '/api/v1/me/totp/disable',
    {
      config: { policy: 'account.secondFactor', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Remove my second factor',
        body: Strict({ password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }) }),
        response: replies({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await account.disableTotp(actorContext(request), (request.body as { password: string }).password);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me/tokens',
    { config: { policy: 'account.tokens' }, schema: { tags, summary: 'My API tokens', response: replies({ 200: TokenList }) } },
    async (request): Promise<Wire<TokenList>> => ({ items: await account.listTokens(actorContext(request)) }),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      config: { policy: 'account.tokens' },
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: Strict({
          name: Text(80),
          roles: Type.Array(Type.Union(ROLES.map((role) => Type.Literal(role))), { minItems: 1, maxItems: ROLES.length }),
          expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
        }),
        response: replies({ 201: CreatedToken }),
      },
    },
    async (request, reply) => {
      const body = request.body as { name: string; roles: string[]; expiresInDays: number };
      const created: Wire<CreatedToken> = await account.createToken(actorContext(request), body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      config: { policy: 'account.tokens' },
      schema: { tags, summary: 'Revoke an API token', params: IdParams, response: replies({ 204: NoContent }) },
    },
    async (request, reply) => {
      await account.revokeToken(actorContext(request), (request.params as { id: string }).id);
      return reply.code(204).send();
    },
  );
}
