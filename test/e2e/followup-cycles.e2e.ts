import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openSession,
  reachedPath,
  type Session,
  signIn,
  switchLanguage,
  unique,
  visible,
} from './browser.js';
import { apiCall, pick } from './exchange-helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SPAIN = 'General Commissariat for Foreigners and Borders, National Police (CGEF)';
const DAY_MS = 86_400_000;
const isoDay = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** A commitment led by the signed-in (Moroccan) partner, open to all partners: what a cycle covers. */
async function commitAsMorocco(page: Page, title: string): Promise<string> {
  const me = await apiCall<{ units: { id: string }[] }>(page, 'GET', '/api/v1/me');
  const commitment = await apiCall<{ id: string }>(page, 'POST', '/api/v1/followup/commitments', {
    unitId: me.units[0]?.id,
    title,
    description: 'Joint patrols and training of border guards on the Atlantic route.',
    startsOn: isoDay(-30),
    endsOn: isoDay(365),
    contributors: [],
    recommendationIds: [],
    references: [],
    handlingCode: 'TLP:CLEAR',
    distribution: { units: [], organisations: [], sharingGroups: [], allPartners: true },
  });
  return commitment.id;
}

/** Types into a select (Mantine renders a textbox or a combobox) and picks the option. */
async function choose(page: Page, label: string | RegExp, option: string) {
  const box = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await box.first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const progressBox = (page: Page) => page.getByRole('textbox', { name: /^Progress on / });
/** The report's progress tag (not a heading or a field label that happens to say the same). */
const tag = (page: Page, text: string) => page.locator('.cycle-progress').filter({ hasText: new RegExp(`^${text}$`) });

describe('review cycles', () => {
  it('runs a cycle: opened by the secretariat, reported by a partner, returned, resubmitted, accepted, commented on, closed', async () => {
    const morocco: Session = await openSession(browser);
    const secretariat: Session = await openSession(browser);
    const spain: Session = await openSession(browser);
    try {
      const commitmentTitle = unique('Joint Atlantic patrols');
      const cycleTitle = unique('Cadiz Action Plan mid-term review');
      await signIn(morocco.page, 'focal.ma@liaison.demo');
      await commitAsMorocco(morocco.page, commitmentTitle);

      // The secretariat opens the cycle through the form.
      let page = secretariat.page;
      await signIn(page, 'focal.sec@liaison.demo');
      await page.goto('/followup/cycles');
      await visible(page.getByRole('heading', { level: 1, name: 'Review cycles' }));
      await expectAccessible(page, 'cycle list (EN)');
      await page.getByRole('link', { name: 'Open a review cycle' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Open a review cycle' }));
      // The form's own checks speak before anything is sent.
      await page.getByRole('button', { name: 'Open the cycle' }).click();
      await visible(page.getByText('Write a title.'));
      await visible(page.getByText('Choose at least one commitment.'));
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill(cycleTitle);
      await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Where the **Cadiz** commitments stand.');
      await page.getByLabel('Deadline for the reports').fill(isoDay(20));
      await pick(page, 'Commitments covered', commitmentTitle, `${commitmentTitle} — DMSF`);
      await pick(page, 'Reviewer organisations', 'Commissariat', SPAIN);
      await expectAccessible(page, 'new cycle form (EN)');
      await page.getByRole('button', { name: 'Open the cycle' }).click();
      await page.waitForURL((url) => /^\/followup\/cycles\/[0-9a-f-]{36}$/.test(url.pathname));
      const cyclePathname = new URL(page.url()).pathname;
      await visible(page.getByRole('heading', { level: 1, name: cycleTitle }));
      await visible(page.getByRole('link', { name: commitmentTitle }));
      const partnerRow = page.getByRole('row').filter({ hasText: 'Directorate of Migration and Border Surveillance' });
      await visible(partnerRow.getByText('Not started'));
      const reportHref = await partnerRow.getByRole('link', { name: /^Report of / }).getAttribute('href');
      expect(reportHref).toMatch(/^\/followup\/reports\/[0-9a-f-]{36}$/);
      const reportPathname = reportHref ?? '';
      const reportApi = `/api/v1${reportPathname}`;
      expect(await page.getByRole('link', { name: 'Download report (PDF)' }).getAttribute('href')).toMatch(
        /report\.pdf\?lang=en$/,
      );
      await visible(page.getByTestId('cycle-chart'));
      await expectAccessible(page, 'cycle page (EN)');

      // Morocco finds its report on the cycle's page, writes it, saves the draft, then submits it.
      page = morocco.page;
      await page.goto(cyclePathname);
      await page.getByRole('link', { name: "Your organisation's report" }).click();
      await reachedPath(page, reportPathname);
      await visible(page.getByRole('heading', { level: 1, name: /^Report of / }));
      // The partner never decides on nor comments on its own report.
      expect(await page.getByRole('button', { name: 'Accept the report' }).count()).toBe(0);
      expect(await page.getByRole('textbox', { name: 'Your comment' }).count()).toBe(0);
      await progressBox(page).fill('Two joint patrols held; 40 border guards trained.');
      await choose(page, /^Assessment of /, 'On track');
      await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('Good progress on the **patrols**.');
      await expectAccessible(page, 'report form (EN)');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await visible(page.getByText('Draft saved.'));
      await visible(tag(page, 'Draft'));
      await page.getByRole('button', { name: 'Submit the report' }).click();
      await visible(tag(page, 'Submitted'));
      await visible(page.getByText('Two joint patrols held; 40 border guards trained.'));

      // The secretariat returns it with a reason; it cannot edit the text.
      page = secretariat.page;
      await page.goto(reportPathname);
      await visible(page.getByRole('button', { name: 'Accept the report' }));
      expect(await progressBox(page).count()).toBe(0);
      await page.getByRole('button', { name: 'Return for completion' }).click();
      await visible(page.getByText('Write why the report goes back.'));
      await page.getByRole('textbox', { name: 'Reason for returning it' }).fill('Please add the number of patrols per month.');
      await page.getByRole('button', { name: 'Return for completion' }).click();
      await visible(tag(page, 'Returned'));
      expect(await page.getByRole('button', { name: 'Accept the report' }).count()).toBe(0);

      // Morocco sees why, at the top; someone else's save meanwhile is caught, then it resubmits.
      page = morocco.page;
      await page.goto(reportPathname);
      const returned = page.getByRole('alert').filter({ hasText: 'Returned for completion' });
      await visible(returned);
      expect(await returned.textContent()).toContain('Please add the number of patrols per month.');
      const current = await apiCall<{ revision: number; summary: string; entries: { commitment: { id: string } }[] }>(
        page,
        'GET',
        reportApi,
      );
      await apiCall(page, 'PUT', reportApi, {
        revision: current.revision,
        summary: current.summary,
        entries: current.entries.map((entry) => ({
          commitmentId: entry.commitment.id,
          progress: 'Saved from another window.',
          assessment: 'at_risk',
        })),
      });
      await progressBox(page).fill('Two joint patrols held (one in March, one in May); 40 border guards trained.');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      const stale = page.getByRole('alert').filter({ hasText: 'Changed meanwhile' });
      await visible(stale);
      await stale.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => progressBox(page).inputValue()).toBe('Saved from another window.');
      await progressBox(page).fill('Two joint patrols held (one in March, one in May); 40 border guards trained.');
      await choose(page, /^Assessment of /, 'On track');
      await page.getByRole('button', { name: 'Submit the report' }).click();
      await visible(tag(page, 'Submitted'));

      // The secretariat accepts it.
      page = secretariat.page;
      await page.goto(reportPathname);
      await visible(page.getByText('Two joint patrols held (one in March, one in May); 40 border guards trained.'));
      await page.getByRole('button', { name: 'Accept the report' }).click();
      await visible(tag(page, 'Accepted'));
      expect(await page.getByRole('region', { name: 'History' }).textContent()).toContain(
        'Please add the number of patrols per month.',
      );

      // Spain, a reviewer, comments; the Markdown is shown as the server sanitised it.
      page = spain.page;
      await signIn(page, 'focal.es@liaison.demo');
      await page.goto(reportPathname);
      await visible(page.getByRole('heading', { level: 1, name: /^Report of / }));
      expect(await page.getByRole('button', { name: 'Accept the report' }).count()).toBe(0);
      await page
        .getByRole('textbox', { name: 'Your comment' })
        .fill(`**Well documented.** <script>window.__hit = 1</script><img src=x onerror="window.__hit = 2">`);
      await page.getByRole('button', { name: 'Post the comment' }).click();
      const comment = page.locator('.cycle-comment').filter({ hasText: 'Well documented.' });
      await visible(comment);
      expect(await comment.locator('strong').textContent()).toBe('Well documented.');
      expect(await comment.locator('script, img, [onerror]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __hit?: number }).__hit)).toBeUndefined();
      await expectAccessible(page, 'report with a comment (EN)');

      // The cycle page counts it accepted, with its comment.
      page = secretariat.page;
      await page.goto(cyclePathname);
      await visible(partnerRow.locator('.cycle-progress').filter({ hasText: /^Accepted$/ }));
      const onCycle = page.getByRole('region', { name: '1 comment' }).locator('.cycle-comment');
      await visible(onCycle.filter({ hasText: 'Well documented.' }));
      await visible(onCycle.getByRole('link', { name: /On the report of/ }));
      await expectAccessible(page, 'cycle page with its peer comment (EN)');

      // The secretariat closes the cycle with its summary, after confirming.
      await page.getByRole('button', { name: 'Close the cycle' }).click();
      await visible(page.getByText('Write a closing summary.'));
      await page.getByRole('textbox', { name: 'Closing summary' }).fill('All partners reported; patrols on track.');
      await page.getByRole('button', { name: 'Close the cycle' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Close it' }).click();
      await visible(page.getByText('All partners reported; patrols on track.'));
      await visible(page.locator('.cycle-progress').filter({ hasText: /^Closed$/ }));
      expect(await page.getByRole('button', { name: 'Close the cycle' }).count()).toBe(0);
      // A partner that is neither the reporting one nor a reviewer is told there is no such page.
      const niger = await openSession(browser);
      try {
        await signIn(niger.page, 'focal.ne@liaison.demo');
        await niger.page.goto(reportPathname);
        await visible(niger.page.getByRole('heading', { level: 1, name: 'Page not found' }));
        expect(await niger.page.getByText('Two joint patrols held').count()).toBe(0);
      } finally {
        await niger.context.close();
      }
      for (const session of [morocco, secretariat, spain]) {
        expect(session.dialogs).toEqual([]);
        expect(session.errors).toEqual([]);
      }
    } finally {
      await Promise.all([morocco.context.close(), secretariat.context.close(), spain.context.close()]);
    }
  }, 240_000);

  it('reads in French and in Arabic (right to left), the cycle report in French or else English', async () => {
    const session = await openSession(browser);
    try {
      const page = session.page;
      await signIn(page, 'focal.sec@liaison.demo');
      await page.goto('/followup/cycles');
      await visible(page.getByRole('heading', { level: 1, name: 'Review cycles' }));
      const first = page.getByRole('list', { name: 'Review cycles' }).getByRole('link').first();
      await visible(first);
      await first.click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/followup\/cycles\/[0-9a-f-]{36}$/);
      await visible(page.getByRole('link', { name: 'Download report (PDF)' }));

      await switchLanguage(page, 'fr');
      await visible(page.getByRole('link', { name: 'Télécharger le rapport (PDF)' }));
      expect(await page.getByRole('link', { name: 'Télécharger le rapport (PDF)' }).getAttribute('href')).toMatch(/lang=fr$/);
      await visible(page.getByTestId('cycle-chart'));
      await expectAccessible(page, 'cycle page (FR)');
      await page
        .getByRole('link', { name: /^Rapport de / })
        .first()
        .click();
      await visible(page.getByRole('heading', { level: 1, name: /^Rapport de / }));
      await expectAccessible(page, 'report page (FR)');

      await switchLanguage(page, 'ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await visible(page.getByRole('heading', { level: 1, name: /^تقرير / }));
      await expectAccessible(page, 'report page (AR)');
      await page.goBack();
      await visible(page.getByRole('link', { name: 'تنزيل التقرير (PDF)' }));
      // Arabic readers get the English report: the PDF speaks English and French only.
      expect(await page.getByRole('link', { name: 'تنزيل التقرير (PDF)' }).getAttribute('href')).toMatch(/lang=en$/);
      await visible(page.getByTestId('cycle-chart'));
      await expectAccessible(page, 'cycle page (AR)');
      await page.goto('/followup/cycles');
      await visible(page.getByRole('heading', { level: 1, name: 'دورات المراجعة' }));
      await expectAccessible(page, 'cycle list (AR)');
      expect(session.errors).toEqual([]);
    } finally {
      await session.context.close();
    }
  }, 120_000);
});
