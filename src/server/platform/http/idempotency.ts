import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import { FieldCipher } from '../crypto.js';
import { problem } from '../errors.js';
import * as repo from './idempotency-repository.js';

/**
 * `Idempotency-Key` on every POST of a signed-in actor: a request whose answer was lost (the
 * connection dropped) can be sent again with the same key and is answered from the first reply,
 * with `Idempotent-Replayed: true`, without running the handler again.
 *
 * - Keys belong to a user (the primary key is user id + key), whether they come with a session or
 *   an API token: one user's key never replays another user's reply.
 * - The key is claimed in preHandler (after authentication, the policy and body validation, so a
 *   refused request never uses up a key) and the reply stored in onSend: 2xx and 4xx replies are
 *   kept 24 hours; a 5xx gives the key up, so the retry runs again.
 * - The same key with another method, URL or body answers 422; while the first request runs, 409.
 * - The request hash is a keyed hash (HMAC-SHA-256) of the parsed, normalised JSON body: a plain
 *   hash of a short body (a name, a date of birth) could be reversed by trying candidates. Multipart bodies (uploads)
 *   are streamed to disk by their handler after this hook, so they are not hashed: for them the key
 *   is bound to the method and URL only, and a client must not reuse a key for another file.
 * - Replies are stored encrypted (they may hold message text or a new API token's secret).
 * - What this cannot cover: a process that dies after the handler committed and before onSend
 *   stored the reply leaves the key "running"; after ABANDONED_MINUTES it may be claimed again.
 */
const HEADER = 'idempotency-key';
// Printable ASCII, space included (header values arrive trimmed).
const KEY_PATTERN = /^[\x20-\x7E]{1,200}$/;
const PURGE_EVERY_MS = 60_000;

interface Claim {
  userId: string;
  key: string;
}

const malformed = () =>
  problem(
    PLATFORM_PROBLEMS,
    'invalid-idempotency-key',
    'The Idempotency-Key header must be 1 to 200 printable ASCII characters, sent once.',
  );

function requestHash(key: Buffer, request: FastifyRequest): string {
  return createHmac('sha256', key)
    .update(request.body === undefined ? '' : JSON.stringify(request.body))
    .digest('hex');
}

export function registerIdempotency(app: FastifyInstance): void {
  const { db } = app.platform;
  // A key of its own, so stored replies are never readable with the key of another use.
  const cipher = new FieldCipher(app.platform.cipher.keyForPurpose('idempotency'));
  const hashKey = app.platform.cipher.keyForPurpose('idempotency-request-hash');
  const claims = new WeakMap<FastifyRequest, Claim>();
  let nextPurge = 0;

  const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[HEADER];
    if (request.method !== 'POST' || !request.actor || header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw malformed();
    const claim = { userId: request.actor.userId, key: header };
    const attempt = { ...claim, method: request.method, url: request.url, requestHash: requestHash(hashKey, request) };
    if (Date.now() >= nextPurge) {
      nextPurge = Date.now() + PURGE_EVERY_MS;
      await repo.purgeExpired(db);
    }
    // Twice at most: the key may be given up (a 5xx) between our claim and our look.
    for (let round = 0; round < 2; round++) {
      if (await repo.claimKey(db, attempt)) {
        claims.set(request, claim);
        return;
      }
      const stored = await repo.findKey(db, claim.userId, claim.key);
      if (!stored) continue;
      if (stored.method !== attempt.method || stored.url !== attempt.url || stored.request_hash !== attempt.requestHash) {
        throw problem(
          PLATFORM_PROBLEMS,
          'idempotency-key-reused',
          'This Idempotency-Key was already used for another request; use a new key for a new request.',
        );
      }
      if (stored.response_status === null) break;
      reply.code(stored.response_status).header('idempotent-replayed', 'true');
      if (stored.response_type) reply.type(stored.response_type);
      reply.send(stored.response_body === null ? undefined : cipher.decrypt(stored.response_body));
      return reply;
    }
    throw problem(
      PLATFORM_PROBLEMS,
      'idempotency-key-in-flight',
      'A request with this Idempotency-Key is still running; retry later.',
    );
  };

  const keepReply = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    try {
      // API replies to POST are JSON text or empty; anything else (a stream) is not kept.
      const storable = payload === undefined || payload === null || typeof payload === 'string';
      if (reply.statusCode >= 500 || !storable) {
        await repo.releaseKey(db, claim.userId, claim.key);
      } else {
        const type = reply.getHeader('content-type');
        await repo.storeReply(db, claim.userId, claim.key, {
          status: reply.statusCode,
          type: type === undefined ? null : String(type),
          body: typeof payload === 'string' ? cipher.encrypt(payload) : null,
        });
      }
    } catch (error) {
      // The reply itself is fine: send it, and let a retry find the key running until it is abandoned.
      request.log.error({ err: error }, 'could not store the reply of an idempotent request');
    }
    return payload;
  };

  // Only POST routes take a key: the hooks are attached to them alone, so no other request pays for them.
  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST')) return;
    route.preHandler = [...[route.preHandler ?? []].flat(), claimKey];
    route.onSend = [...[route.onSend ?? []].flat(), keepReply];
  });
}
