/**
 * Delivery of the web app: pre-compressed files (written by the build's plugin, here run on a small
 * temporary web root) sent by what the browser accepts, hashed assets cached for a year, index.html
 * revalidated on every visit so a new release is picked up, and the page security headers on all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../scripts/vite-precompress.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;
const INDEX = `<!doctype html><html lang="en"><head><title>Liaison</title>${'<meta name="x" content="padding">'.repeat(60)}</head><body><div id="root"></div></body></html>`;

let t: TestApp;
let webRoot: string;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
  fs.writeFileSync(path.join(webRoot, 'assets', 'app-1a2b3c.js'), SCRIPT);
  fs.writeFileSync(path.join(webRoot, 'assets', 'tiny-1a2b3c.css'), 'body{margin:0}');
  const written = await precompressFolder(webRoot);
  expect(written.map((file) => file.file).sort()).toEqual(['assets/app-1a2b3c.js', 'index.html']);
  t = await startTestApp({ webRoot });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.anonymous().get(url, acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding });

describe('hashed assets', () => {
  it('are sent brotli-compressed when the browser accepts it, even if it prefers nothing', async () => {
    const response = await get('/assets/app-1a2b3c.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('are sent gzip-compressed to a browser without brotli', async () => {
    const response = await get('/assets/app-1a2b3c.js', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('are sent as they are to a client that accepts no encoding', async () => {
    for (const response of [await get('/assets/app-1a2b3c.js'), await get('/assets/app-1a2b3c.js', 'identity')]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.body).toBe(SCRIPT);
    }
  });

  it('are sent as they are when too small to gain from compression', async () => {
    const response = await get('/assets/tiny-1a2b3c.css', 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/^text\/css/);
  });

  it('may be cached for a year, never revalidated, and keep the page security headers', async () => {
    const response = await get('/assets/app-1a2b3c.js', 'br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answer a 404 problem for a missing asset, never index.html', async () => {
    for (const encoding of [undefined, 'br, gzip']) {
      const response = await get('/assets/missing-000000.js', encoding);
      expectProblem(response, 404, 'not-found');
      expect(response.body).not.toContain('<!doctype html>');
    }
  });

  it('do not serve the compressed copies under their own names as something else', async () => {
    const response = await get('/assets/app-1a2b3c.js.br');
    // Served (it is a file of the folder) but as bytes, never as a script the page would run.
    expect(response.headers['content-type'] ?? '').not.toMatch(/javascript/);
  });
});

describe('index.html', () => {
  for (const url of ['/', '/messages', '/library/documents/123']) {
    it(`answers ${url} compressed, revalidated on every visit, with the page security headers`, async () => {
      const response = await get(url, 'gzip, deflate, br');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(INDEX);
    });
  }

  it('is sent as it is, still revalidated, to a client that accepts no encoding', async () => {
    const response = await get('/messages');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toBe(INDEX);
  });

  it('is not what an unknown API path answers', async () => {
    const response = await get('/api/v1/nothing-here', 'br');
    expectProblem(response, 404, 'not-found');
  });
});
