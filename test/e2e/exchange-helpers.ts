import type { Page } from 'playwright-core';

/** Helpers of the exchange's browser tests (messages, attachments, alerts). */

/** `YYYY-MM-DDTHH:MM` in the browser's local time, `days` from now: what a datetime-local input holds. */
export function localDateTime(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Types into a searchable select and picks the option, as a person would. */
export async function pick(page: Page, label: string, text: string, option: string) {
  const box = page.getByRole('textbox', { name: label }).or(page.getByRole('combobox', { name: label }));
  await box.first().click();
  await box.first().fill(text);
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Calls the API from the signed-in page (session cookie and CSRF token), failing on any error. */
export async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { csrfToken } = await (await fetch('/api/v1/auth/csrf')).json();
      const response = await fetch(path, {
        method,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The id of a unit of the directory, by its name. */
export async function unitId(page: Page, name: string): Promise<string> {
  const units = await apiCall<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/v1/directory/units');
  const unit = units.items.find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}

export const SPANISH_UNIT = 'Unit against illegal immigration networks';
export const DAY_MS = 86_400_000;

/** One search word unique to this run: letters and digits only, so the word-prefix search finds it. */
export function token(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** An RFI from the signed-in (Moroccan) page to the Spanish unit, its answer wanted within `withinMs`. */
export async function askSpain(
  page: Page,
  subject: string,
  withinMs: number,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const sent = await apiCall<{ id: string }>(page, 'POST', '/api/v1/messages', {
    kind: 'rfi',
    subject,
    body: 'Please confirm.',
    handlingCode: 'TLP:GREEN',
    deadline: new Date(Date.now() + withinMs).toISOString(),
    distribution: [{ kind: 'unit', id: await unitId(page, SPANISH_UNIT) }],
    ...fields,
  });
  return sent.id;
}
