import { createHmac } from 'node:crypto';
import CsrfLibrary from '@fastify/csrf';

/**
 * CSRF tokens bound to the session: the secret is derived from the session's hash with a server
 * key, so a token taken from one session is worthless in another and nothing extra is stored.
 * Clients read the token from the login answer or GET /api/v1/auth/csrf and send it as X-CSRF-Token.
 */
export class CsrfTokens {
  readonly #tokens = CsrfLibrary();
  constructor(private readonly serverKey: Buffer) {}

  #secret(sessionHash: string): string {
    return createHmac('sha256', this.serverKey).update(`csrf:${sessionHash}`).digest('base64url');
  }

  create(sessionHash: string): string {
    return this.#tokens.create(this.#secret(sessionHash));
  }

  verify(sessionHash: string, token: string | undefined): boolean {
    return typeof token === 'string' && this.#tokens.verify(this.#secret(sessionHash), token);
  }
}
