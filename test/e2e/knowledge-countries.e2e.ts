import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  type Session,
  signIn,
  switchLanguage,
  visible,
} from './browser.js';

const LANGUAGES: Language[] = ['en', 'fr', 'ar'];
const NOT_CITED = '#e9ecef';

let browser: Browser;
let visitor: Session;
let focal: Session;
/** Console messages reporting a Content-Security-Policy refusal (Leaflet and ECharts must need none). */
const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  visitor = await openSession(browser);
  focal = await openSession(browser);
  for (const { page } of [visitor, focal]) {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }
  await signIn(focal.page, 'focal.ma@liaison.demo');
});
afterAll(async () => {
  await browser?.close();
});

const countryPaths = (page: Page) => page.getByTestId('country-map').locator('path[data-country]');
// Countries outside the part of the world shown first (Fiji…) are drawn but clipped: wait for Morocco.
const morocco = (page: Page) => page.getByTestId('country-map').locator('path[data-country="MA"]');

async function openMap(page: Page) {
  await page.goto('/library/countries');
  await visible(morocco(page));
  await visible(page.getByTestId('country-table'));
}

async function expectProfile(page: Page, heading: string | RegExp) {
  await page.waitForURL((url) => url.pathname === '/library/countries/MA');
  await visible(page.getByRole('heading', { level: 1, name: heading }));
  await visible(page.getByTestId('country-chart').locator('svg'));
  await visible(page.getByTestId('country-meetings').getByRole('row').nth(1));
}

describe('country profiles', () => {
  it('colours the cited countries of the offline map and opens Morocco on a click', async () => {
    const { page, errors } = focal;
    await switchLanguage(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: 'Country profiles', exact: true }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Country profiles' }));
    await visible(morocco(page));

    // Every country is an SVG path with a fill; the cited ones take the scale's colours, not the grey.
    const fills = await countryPaths(page).evaluateAll((paths) =>
      paths.map((path) => [path.getAttribute('data-country'), path.getAttribute('fill')] as const),
    );
    expect(fills.length).toBeGreaterThan(150);
    expect(fills.every(([, fill]) => !!fill)).toBe(true);
    const coloured = new Map(fills.filter(([, fill]) => fill !== NOT_CITED));
    expect(coloured.has('MA')).toBe(true);
    expect(coloured.size).toBeGreaterThan(5);
    // No tile server: nothing but the app itself was asked for.
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(requested.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);

    // The table lists the same countries, with Morocco's items; the map's tooltip says the same number.
    const moroccoRow = page.getByTestId('country-table').getByRole('row', { name: /^Morocco / });
    const moroccoItems = ((await moroccoRow.getByRole('cell').first().textContent()) ?? '').trim();
    expect(Number(moroccoItems.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await morocco(page).getAttribute('aria-label')).toBe(`Morocco: ${moroccoItems} items`);

    await morocco(page).click();
    await expectProfile(page, 'Morocco');
    await visible(page.getByTestId('country-latest').getByRole('listitem'));
    await page.getByTestId('country-library-link').click();
    // The library search, narrowed to Morocco (the router writes the list of countries as JSON).
    await page.waitForURL((url) => url.pathname === '/library' && /\bMA\b/.test(url.searchParams.get('country') ?? ''));
    await visible(page.getByRole('button', { name: 'Remove the filter Morocco' }));
    await visible(page.getByTestId('knowledge-result'));
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('is usable from the keyboard: a focused country opens with Enter, the table sorts and links', async () => {
    const { page } = focal;
    await switchLanguage(page, 'en');
    await openMap(page);
    await morocco(page).focus();
    await visible(page.locator('.leaflet-tooltip', { hasText: 'Morocco' }));
    await page.keyboard.press('Enter');
    await expectProfile(page, 'Morocco');

    await openMap(page);
    const itemsHeader = page.getByTestId('country-table').getByRole('columnheader', { name: /^Items/ });
    expect(await itemsHeader.getAttribute('aria-sort')).toBe('descending');
    await itemsHeader.getByRole('button').click();
    expect(await itemsHeader.getAttribute('aria-sort')).toBe('ascending');
    const counts = await page
      .getByTestId('country-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent?.replace(/\D/g, ''))));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    await page.getByTestId('country-table').getByRole('link', { name: 'Morocco' }).click();
    await expectProfile(page, 'Morocco');
    // The chart's figures as a table, and the theme view.
    await page.getByText('Show the figures as a table').click();
    await visible(page.getByRole('table', { name: /by type/ }));
    await page.getByText('By theme', { exact: true }).click();
    await visible(page.getByText('An item with several themes counts once for each of them.'));
    await visible(page.getByTestId('country-chart').locator('svg'));
  });

  it('is open to signed-out visitors, and says when a country code is unknown', async () => {
    const { page, errors } = visitor;
    await page.goto('/login');
    await switchLanguage(page, 'en');
    await page.getByRole('link', { name: 'Country profiles', exact: true }).click();
    await visible(morocco(page));
    await page.getByTestId('country-table').getByRole('link', { name: 'Morocco' }).click();
    await expectProfile(page, 'Morocco');
    for (const code of ['ZZ', 'XYZ']) {
      await page.goto(`/library/countries/${code}`);
      await visible(page.getByRole('heading', { level: 1, name: 'Page not found' }));
    }
    // A real country nothing cites has a profile, with zeros.
    await page.goto('/library/countries/FJ');
    await visible(page.getByRole('heading', { level: 1, name: 'Fiji' }));
    await visible(page.getByText('No meeting you may see was held in this country or cites it.'));
    expect(errors).toEqual([]);
  });

  it('mirrors the map controls and the chart in Arabic', async () => {
    const { page } = visitor;
    await page.goto('/library/countries');
    await switchLanguage(page, 'ar');
    await visible(morocco(page));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await visible(page.locator('.leaflet-top.leaflet-right .leaflet-control-zoom'));
    expect(await page.getByRole('button', { name: 'تكبير' }).count()).toBe(1);
    await switchLanguage(page, 'en');
    await visible(page.locator('.leaflet-top.leaflet-left .leaflet-control-zoom'));
  });
});

describe.each(LANGUAGES)('country profiles accessibility in %s (axe: no serious or critical violation)', (language) => {
  it('map page and profile page', async () => {
    const { page } = focal;
    await switchLanguage(page, language);
    await openMap(page);
    await expectAccessible(page, `/library/countries [${language}]`);
    await morocco(page).click();
    await page.waitForURL((url) => url.pathname === '/library/countries/MA');
    await visible(page.getByTestId('country-chart').locator('svg'));
    await visible(page.getByTestId('country-meetings').getByRole('row').nth(1));
    await expectAccessible(page, `/library/countries/MA [${language}]`);
    expect(cspViolations).toEqual([]);
  });
});
