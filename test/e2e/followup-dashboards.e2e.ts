import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousContext, measureLoad, signedInContext, slowPage, TARGETS } from '../support/web-load.js';
import {
  baseUrl,
  DEMO_PASSWORD,
  expectAccessible,
  type Language,
  launchBrowser,
  openSession,
  reachedPath,
  signIn,
  switchLanguage,
  visible,
} from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Demo follow-up (src/server/demo/followup-data.ts): Niger leads the Agadez unit (TLP:CLEAR, CAP
// domain 4); Morocco's social-media monitoring is TLP:GREEN and the convoy exchange TLP:AMBER.
const AGADEZ = 'Specialised anti-smuggling investigation unit in Agadez';
const SOCIAL_MEDIA = 'Monitoring of social media used to recruit migrants for sea crossings';
const CONVOYS = 'Information exchange on convoys along the Agadez–Libya route';

const number = async (locator: Locator) => Number(await locator.first().getAttribute('data-figure'));

/** Clicks a figure and checks the list it opens counts as many records as the figure said. */
async function drillDown(page: Page, figure: Locator, pathname: string) {
  const expected = await number(figure);
  await figure.first().click();
  await reachedPath(page, pathname);
  const total = page.getByTestId('drill-total');
  await visible(total);
  await expect.poll(async () => Number(await total.getAttribute('data-total'))).toBe(expected);
  const rows = page.getByTestId(pathname.endsWith('actions') ? 'action-row' : 'indicator-row');
  expect(await rows.count()).toBe(Math.min(expected, 25));
  return expected;
}

async function accessibleInEveryLanguage(page: Page, label: string, heading: RegExp) {
  for (const language of ['en', 'fr', 'ar'] as Language[]) {
    await switchLanguage(page, language);
    await visible(page.getByRole('heading', { level: 1, name: heading }));
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    await expectAccessible(page, `${label} (${language})`);
  }
  await switchLanguage(page, 'en');
}

/** Signs in as Niger's focal point and opens the follow-up from the navigation. */
async function openFollowup(page: Page) {
  await signIn(page, 'focal.ne@liaison.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Follow-up', exact: true }).click();
  await reachedPath(page, '/followup');
  await visible(page.getByRole('heading', { level: 1, name: 'Follow-up' }));
}

const LONG = 240_000;

describe('follow-up dashboards', () => {
  it(
    "shows my organisation's follow-up; its figures open lists of as many records",
    async () => {
      const session = await openSession(browser);
      const { page } = session;
      try {
        await openFollowup(page);
        await visible(page.getByTestId('commitments-table').getByRole('link', { name: AGADEZ }));
        const actions = page.getByTestId('figure-actions').locator('a[data-figure]');
        await visible(actions);
        expect(await number(actions)).toBeGreaterThan(0);
        await visible(page.getByTestId('status-strip'));
        await accessibleInEveryLanguage(page, 'partner dashboard', /^(Follow-up|Suivi|المتابعة)$/);

        // My organisation's actions: the headline figure and the list agree.
        await drillDown(page, actions, '/followup/actions');
        await accessibleInEveryLanguage(page, 'actions list', /^(Actions|الإجراءات)$/);
        expect(session.errors).toEqual([]);
      } finally {
        await session.context.close();
      }
    },
    LONG,
  );

  it(
    "shows an action plan's dashboard, chart and table, each figure leading to its records",
    async () => {
      const session = await openSession(browser);
      const { page } = session;
      try {
        await openFollowup(page);
        await page.getByRole('link', { name: 'Cadiz Action Plan', exact: true }).click();
        await reachedPath(page, '/followup/plans/CAP');
        await visible(page.getByRole('heading', { level: 1, name: 'Cadiz Action Plan: follow-up' }));
        // The chart comes below the figures, fetched when scrolled to.
        await page.getByTestId('plan-actions').evaluate((section) => section.scrollIntoView({ block: 'end' }));
        await visible(page.getByTestId('status-chart').locator('svg'));
        const parts = page.getByTestId('plan-parts-table');
        await visible(parts);
        const domain4 = parts.locator('tr[data-reference="CAP:domain:4"]');
        await visible(domain4);
        expect(await number(domain4.locator('a[href*="/followup/commitments"]'))).toBeGreaterThan(0);
        await visible(page.getByTestId('indicators-table'));
        await visible(page.getByTestId('partners-table').getByText('Niger', { exact: false }));
        // The map loads when its place comes near the screen.
        await page.getByTestId('partners-table').scrollIntoViewIfNeeded();
        await visible(page.getByTestId('country-map'));
        await accessibleInEveryLanguage(
          page,
          'plan dashboard',
          /^(Cadiz Action Plan: follow-up|Plan d'action de Cadix : suivi|خطة عمل قادس: المتابعة)$/,
        );

        // A non-zero action figure of domain 4 opens a list of exactly that many actions.
        const actionFigures = domain4.locator('a[href*="/followup/actions"]:not([data-figure="0"])');
        expect(await drillDown(page, actionFigures, '/followup/actions')).toBeGreaterThan(0);
        await visible(page.getByTestId('drill-reference'));
        await page.goBack();
        await reachedPath(page, '/followup/plans/CAP');

        // The plan's indicators figure (the total row) opens every indicator of the plan.
        const indicators = parts.locator('tfoot a[href*="/followup/indicators"]').first();
        await drillDown(page, indicators, '/followup/indicators');
        await page.goBack();
        await reachedPath(page, '/followup/plans/CAP');

        await page.getByTestId('public-link').click();
        await reachedPath(page, '/progress/CAP');
        await visible(page.getByRole('heading', { level: 1, name: 'Cadiz Action Plan: progress' }));
        expect(session.errors).toEqual([]);
      } finally {
        await session.context.close();
      }
    },
    LONG,
  );

  it(
    "shows a plan's public progress without an account, TLP:CLEAR only, in three languages",
    async () => {
      const session = await openSession(browser);
      const { page } = session;
      try {
        await page.goto('/progress/CAP');
        await visible(page.getByRole('heading', { level: 1, name: /^CAP|Cadiz Action Plan: progress$/ }));
        await visible(page.getByRole('heading', { level: 1, name: 'Cadiz Action Plan: progress' }));
        expect(new URL(page.url()).pathname).toBe('/progress/CAP');
        const commitments = page.getByTestId('public-commitments');
        await visible(commitments.getByText(AGADEZ));
        expect(await commitments.getByText(SOCIAL_MEDIA).count()).toBe(0);
        expect(await commitments.getByText(CONVOYS).count()).toBe(0);
        await visible(page.getByTestId('plan-parts-table'));
        // Figures are plain here: the records behind them need an account.
        expect(await page.getByTestId('plan-parts-table').locator('a').count()).toBe(0);
        // The chart comes below the figures, fetched when scrolled to.
        await page.getByTestId('plan-actions').evaluate((section) => section.scrollIntoView({ block: 'end' }));
        await visible(page.getByTestId('status-chart').locator('svg'));
        await accessibleInEveryLanguage(
          page,
          'public progress page',
          /^(Cadiz Action Plan: progress|Plan d'action de Cadix : progression|خطة عمل قادس: التقدم)$/,
        );

        // Another plan through the picker, and the address is the plan's.
        await page.getByText('Global Compact for Migration', { exact: true }).click();
        await reachedPath(page, '/progress/GCM');
        await visible(page.getByRole('heading', { level: 1, name: 'Global Compact for Migration: progress' }));
        expect(session.errors).toEqual([]);
      } finally {
        await session.context.close();
      }
    },
    LONG,
  );
});

describe('follow-up dashboards over a slow link', () => {
  const ready = async (page: Page) => {
    await visible(page.getByTestId('plan-parts-table').or(page.getByTestId('commitments-table')), 60_000);
  };

  it(
    `the public progress page's cold first load transfers at most ${TARGETS.bytes} bytes`,
    async () => {
      const context = await anonymousContext(browser, baseUrl());
      try {
        const { page, cdp } = await slowPage(context);
        const load = await measureLoad(page, cdp, '/progress/CAP', ready);
        console.info(`/progress/CAP cold: ${load.bytes} bytes in ${load.ms} ms, ${load.responses.length} responses`);
        expect(load.bytes).toBeLessThanOrEqual(TARGETS.bytes);
      } finally {
        await context.close();
      }
    },
    LONG,
  );

  it(
    `the partner dashboard's cold first load, signed in, transfers at most ${TARGETS.bytes} bytes`,
    async () => {
      const context = await signedInContext(browser, baseUrl(), 'focal.ne@liaison.demo', DEMO_PASSWORD);
      try {
        const { page, cdp } = await slowPage(context);
        const load = await measureLoad(page, cdp, '/followup', ready);
        console.info(`/followup cold: ${load.bytes} bytes in ${load.ms} ms, ${load.responses.length} responses`);
        expect(load.bytes).toBeLessThanOrEqual(TARGETS.bytes);
      } finally {
        await context.close();
      }
    },
    LONG,
  );
});
