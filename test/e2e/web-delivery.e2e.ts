/**
 * The web app over a slow link (300 ms latency, 1.6 Mbit/s, throttled through CDP): the cold first
 * load of the sign-in page and of the home page each stay within the byte budget, scripts and
 * styles come brotli-compressed, hashed assets are cached for good and index.html is revalidated.
 * Time is the benchmark's business (`npm run bench:web`): on a shared machine it would be flaky here.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousContext, type Load, measureLoad, signedInContext, slowPage, TARGETS, USABLE } from '../support/web-load.js';
import { baseUrl, DEMO_PASSWORD, expectAccessible, launchBrowser } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function expectWellDelivered(load: Load) {
  const sameOrigin = load.responses.filter((response) => response.url.startsWith(baseUrl()));
  const assets = sameOrigin.filter((response) => new URL(response.url).pathname.startsWith('/assets/'));
  const scriptsAndStyles = assets.filter((response) => /\.(js|css)$/.test(new URL(response.url).pathname));
  expect(scriptsAndStyles.length).toBeGreaterThan(1);
  for (const response of scriptsAndStyles) {
    expect(response.status, response.url).toBe(200);
    expect(response.headers['content-encoding'], response.url).toBe('br');
  }
  for (const response of assets) {
    expect(response.headers['cache-control'], response.url).toBe('public, max-age=31536000, immutable');
  }
  const documents = sameOrigin.filter((response) => (response.headers['content-type'] ?? '').startsWith('text/html'));
  expect(documents).toHaveLength(1);
  expect(documents[0].headers['cache-control']).toBe('no-cache');
  expect(documents[0].headers['content-encoding']).toBe('br');
}

async function coldLoad(context: BrowserContext, path: string, usable: (typeof USABLE)['login']) {
  const { page, cdp } = await slowPage(context);
  const load = await measureLoad(page, cdp, path, usable);
  return { page, load };
}

describe('web delivery on a slow link', () => {
  it(`the sign-in page's cold first load transfers at most ${TARGETS.bytes} bytes, compressed and cacheable`, async () => {
    const context = await anonymousContext(browser, baseUrl());
    try {
      const { page, load } = await coldLoad(context, '/login', USABLE.login);
      console.info(`/login cold: ${load.bytes} bytes in ${load.ms} ms, ${load.responses.length} responses`);
      expect(load.bytes).toBeLessThanOrEqual(TARGETS.bytes);
      // The budget is for the whole page: it must have fetched its scripts, not failed early.
      expect(load.bytes).toBeGreaterThan(50_000);
      expectWellDelivered(load);
      await expectAccessible(page, 'sign-in page (slow link)');
    } finally {
      await context.close();
    }
  });

  it(`the home page's cold first load, signed in, transfers at most ${TARGETS.bytes} bytes`, async () => {
    const context = await signedInContext(browser, baseUrl(), 'focal.ma@liaison.demo', DEMO_PASSWORD);
    try {
      const { page, load } = await coldLoad(context, '/', USABLE.home);
      console.info(`/ cold: ${load.bytes} bytes in ${load.ms} ms, ${load.responses.length} responses`);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(load.bytes).toBeLessThanOrEqual(TARGETS.bytes);
      expect(load.bytes).toBeGreaterThan(50_000);
      expectWellDelivered(load);
      await expectAccessible(page, 'home page (slow link)');

      // Back again: the hashed assets come from the cache, only index.html and the API cross the link.
      await page.goto('about:blank');
      const { page: again, cdp } = await slowPage(context);
      const warm = await measureLoad(again, cdp, '/', USABLE.home);
      const fetchedAssets = warm.responses.filter((response) => response.url.includes('/assets/') && response.bytes > 0);
      expect(fetchedAssets.map((response) => response.url)).toEqual([]);
      expect(warm.bytes).toBeLessThan(20_000);
    } finally {
      await context.close();
    }
  });
});
