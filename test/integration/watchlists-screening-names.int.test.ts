import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, createList, screen } from './watchlists-screening-fixtures.js';

/**
 * Screening through the matcher, end to end: names any sensible matcher matches (the same name in
 * another case, order or script) and names it must leave alone. The Arabic-script and name-order
 * cases need the real matcher (the placeholder compares folded names exactly). Names are invented.
 */
let t: TestApp;
let owner: Client;
let screener: Client;
const entries: Record<string, { id: string; reference: string }> = {};

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.signIn('focal.ma@liaison.demo');
  screener = await t.signIn('focal.es@liaison.demo');
  const list = await createList(owner, { handlingCode: 'TLP:GREEN', distribution: [{ kind: 'all_partners' }] });
  entries.diallo = await addEntry(owner, list.id, { names: [{ name: 'Mamadou Tidjane Diallo' }], birthDate: '1988' });
  entries.salem = await addEntry(owner, list.id, { names: [{ name: 'Ahmed Salem Ould Brahim' }], nationalities: ['MR'] });
});
afterAll(() => t.close());

const topOf = async (body: Record<string, unknown>) => {
  const result = await screen(screener, body);
  return { result, top: result.candidates[0] };
};

describe('names the matcher must find', () => {
  it('the same name in another case and with accents', async () => {
    const { result, top } = await topOf({ name: 'MAMADOU TIDJANÉ DIALLO' });
    expect(top).toMatchObject({ entryId: entries.diallo.id, match: true });
    expect(result.hits).toBe(1);
    expect(top.hitId).toEqual(expect.any(String));
    expect(top.matchedName.name).toBe('Mamadou Tidjane Diallo');
    expect(top.reasons.length).toBeGreaterThan(0);
  });

  it('the same name with the family name first', async () => {
    const { top } = await topOf({ name: 'DIALLO Mamadou Tidjane', birthYear: 1988 });
    expect(top).toMatchObject({ entryId: entries.diallo.id, match: true });
  });

  it('a Latin entry from its name in Arabic script', async () => {
    const { top } = await topOf({ name: 'أحمد سالم ولد ابراهيم', nationality: 'MR' });
    expect(top).toMatchObject({ entryId: entries.salem.id, match: true });
  });
});

describe('names the matcher must leave alone', () => {
  it('a clearly different person opens no review task', async () => {
    const result = await screen(screener, { name: 'Fatoumata Binta Sow' });
    expect(result.hits).toBe(0);
    expect(result.candidates.filter((candidate) => candidate.match)).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks candidates best first, all at 0.5 or more', async () => {
    const { result } = await topOf({ name: 'Mamadou Tidjane Diallo' });
    const scores = result.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0.5);
  });
});
