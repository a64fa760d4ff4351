import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await anonymous.get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', libraryWarm: expect.any(Boolean) });
  });

  it('loads the library search in the background after start, without a search asking for it', async () => {
    // Nothing in this file searches the library: only the warm-up at start can load the store.
    await expect
      .poll(async () => (await t.anonymous().get('/readyz')).json().libraryWarm, { timeout: 20_000, interval: 50 })
      .toBe(true);
  });

  it('publishes OpenAPI 3.1 describing the API, and a readable docs page', async () => {
    const spec = (await t.anonymous().get('/api/v1/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/admin/users/{id}']),
    );
    expect(spec.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    // Replies are documented from the routes' schemas: the success shape and the problem of every error.
    const replies = spec.paths['/api/v1/me'].get.responses;
    expect(Object.keys(replies['200'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['id', 'email', 'organisation', 'roles', 'mustEnrolTotp']),
    );
    expect(Object.keys(replies['4XX'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail']),
    );
    expect(
      spec.paths['/api/v1/knowledge/imports'].post.responses['202'].content['application/json'].schema.properties.files,
    ).toBeDefined();
    expect(spec.paths['/api/v1/me/tokens/{id}'].delete.responses['204']).toBeDefined();
    const docs = await t.anonymous().get('/api/v1/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers with a strict CSP and a request id', async () => {
    const response = await t.anonymous().get('/healthz', { 'x-request-id': 'trace-0123456789' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBe('trace-0123456789');
  });

  it('answers unknown routes with problem+json and no internals', async () => {
    const response = await t.anonymous().get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ type: 'urn:liaison:problem:not-found', status: 404 });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    // Refusals are API answers too: nothing may load from them, and nothing may cache them.
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a signed-out request to a protected route with 401 problem+json', async () => {
    const response = await t.anonymous().get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe('urn:liaison:problem:unauthenticated');
  });
});
