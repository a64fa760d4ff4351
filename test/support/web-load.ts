import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Loading the web app over a slow link, measured in Chromium through the DevTools protocol: shared
 * by `npm run bench:web` (which reports the figures) and test/e2e/web-delivery.e2e.ts (which holds
 * the byte budget and the headers).
 */

/** The link the app must stay usable on: 300 ms latency, 1.6 Mbit/s down and up. */
export const SLOW_LINK = { latency: 300, downloadThroughput: 200_000, uploadThroughput: 200_000 } as const;

/** Budgets of a cold first load of the sign-in page or the home page (the bench reports time; the test holds bytes). */
export const TARGETS = { bytes: 300_000, ms: 3_000 } as const;

export interface Response {
  url: string;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** Bytes on the wire (headers and the possibly compressed body); 0 when answered from the cache. */
  bytes: number;
  fromCache: boolean;
}

export interface Load {
  /** Sum of CDP `Network.loadingFinished.encodedDataLength`: what crossed the network. */
  bytes: number;
  /** From the start of the navigation until `usable` resolved. */
  ms: number;
  responses: Response[];
}

/**
 * A page of `context` on the slow link, recording every response through CDP. Throttling through
 * CDP (`Network.emulateNetworkConditions`) applies to this page's requests only, which is why the
 * sign-in of a "home" load goes through `context.request` and is neither slowed nor counted.
 */
export async function slowPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
  return { page, cdp };
}

/**
 * Navigates `page` to `path` and waits until `usable(page)` resolves; sums the bytes of every
 * request that finished meanwhile (the API calls the page makes included). Waits for the network to
 * settle before returning, so that late requests (a language chunk, an unread count) are counted.
 */
export async function measureLoad(
  page: Page,
  cdp: CDPSession,
  path: string,
  usable: (page: Page) => Promise<void>,
): Promise<Load> {
  const responses = new Map<string, Response>();
  let bytes = 0;
  const onResponse = (event: {
    requestId: string;
    response: { url: string; status: number; headers: Record<string, string>; fromDiskCache?: boolean };
  }) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    responses.set(event.requestId, {
      url: event.response.url,
      status: event.response.status,
      headers,
      bytes: 0,
      fromCache: Boolean(event.response.fromDiskCache),
    });
  };
  const onCached = (event: { requestId: string }) => {
    const response = responses.get(event.requestId);
    if (response) response.fromCache = true;
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    const response = responses.get(event.requestId);
    if (response) response.bytes = event.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onCached);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    const started = performance.now();
    await page.goto(path, { waitUntil: 'commit' });
    await usable(page);
    const ms = Math.round(performance.now() - started);
    await page.waitForLoadState('networkidle').catch(() => {});
    return { bytes, ms, responses: [...responses.values()] };
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.requestServedFromCache', onCached);
    cdp.off('Network.loadingFinished', onFinished);
  }
}

const visible = (page: Page, selector: ReturnType<Page['getByRole']>) =>
  selector
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 })
    .then(() => page);

/**
 * "Usable", precisely: the page's level-1 heading is visible and its main control is enabled —
 * on the sign-in page the e-mail field can be typed in; on the home page the shell's account menu
 * (the control every signed-in page offers) can be pressed. Both wait for the translated text, so
 * a page still showing keys or a spinner is not usable.
 */
export const USABLE: Record<'login' | 'home', (page: Page) => Promise<void>> = {
  async login(page) {
    await visible(page, page.getByRole('heading', { level: 1 }));
    const email = page.getByRole('textbox', { name: /^(E-mail address|Adresse électronique|البريد الإلكتروني)$/ });
    await visible(page, email);
    await waitEnabled(email);
  },
  async home(page) {
    await visible(page, page.getByRole('heading', { level: 1 }));
    const menu = page.getByRole('button', { name: /^(Account menu for|Menu du compte de|قائمة حساب)/ });
    await visible(page, menu);
    await waitEnabled(menu);
  },
};

async function waitEnabled(locator: ReturnType<Page['getByRole']>) {
  const deadline = Date.now() + 60_000;
  while (!(await locator.first().isEnabled())) {
    if (Date.now() > deadline) throw new Error('control never enabled');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A new context (empty cache, no cookies) signed in as `email`: the sign-in goes through the API
 * (`context.request` shares the context's cookie jar, not the page's throttling), so loading `/`
 * afterwards is a cold load of the home page by a signed-in reader.
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const answer = await context.request.post('/api/v1/auth/login', { data: { email, password } });
  if (!answer.ok()) throw new Error(`sign-in of ${email} failed: ${answer.status()} ${await answer.text()}`);
  return context;
}

/** A new context without session, for the sign-in page. */
export const anonymousContext = (browser: Browser, baseURL: string) =>
  browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1280, height: 900 } });

export interface PageFigures {
  cold: Load;
  warm: Load;
}

/** Cold load in `context` (its cache empty), then a second load in the same context (warm cache). */
export async function coldAndWarm(
  context: BrowserContext,
  path: string,
  usable: (page: Page) => Promise<void>,
): Promise<PageFigures> {
  const { page, cdp } = await slowPage(context);
  const cold = await measureLoad(page, cdp, path, usable);
  // A new navigation, as a reader coming back: the hashed assets come from the cache, index.html is revalidated.
  await page.goto('about:blank');
  const warm = await measureLoad(page, cdp, path, usable);
  return { cold, warm };
}
