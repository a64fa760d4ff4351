import type { Db } from '../platform/db/database.js';
import { DEMO_ORGANISATIONS } from './demo-data.js';
import type { Day } from './followup-data.js';

const DAY_MS = 86_400_000;

/**
 * What the follow-up demo resolves once per seeding: dates relative to the seeding date, demo
 * accounts, organisations and units by the keys of demo-data.ts.
 */
export interface FollowupSeedKit {
  /** A calendar date, YYYY-MM-DD. */
  on(day: Day): string;
  /** A time on that day (10:00 UTC, plus minutes to keep the order of same-day events). */
  at(day: Day, minutes?: number): Date;
  person(prefix: string): Promise<{ id: string; organisationId: string; unitId: string }>;
  organisation(key: string): Promise<string>;
  unit(key: string, index: number): Promise<string>;
}

export function seedKit(db: Db, today: Date): FollowupSeedKit {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const people = new Map<string, { id: string; organisationId: string; unitId: string }>();
  const organisations = new Map<string, string>();
  const units = new Map<string, string>();
  const organisationOf = (key: string) => {
    const found = DEMO_ORGANISATIONS.find((org) => org.key === key);
    if (!found) throw new Error(`demo follow-up: no demo organisation "${key}"`);
    return found;
  };
  const organisation = async (key: string): Promise<string> => {
    const known = organisations.get(key);
    if (known) return known;
    const row = await db
      .selectFrom('organisations')
      .select('id')
      .where('acronym', '=', organisationOf(key).acronym)
      .executeTakeFirstOrThrow();
    organisations.set(key, row.id);
    return row.id;
  };
  return {
    on: (day) => new Date(midnight + day * DAY_MS).toISOString().slice(0, 10),
    at: (day, minutes = 0) => new Date(midnight + day * DAY_MS + (10 * 60 + minutes) * 60_000),
    async person(prefix) {
      const known = people.get(prefix);
      if (known) return known;
      const row = await db
        .selectFrom('users as u')
        .innerJoin('user_units as uu', 'uu.user_id', 'u.id')
        .select(['u.id', 'u.organisation_id', 'uu.unit_id'])
        .where('u.email', '=', `${prefix}@liaison.demo`)
        .orderBy('uu.unit_id')
        .executeTakeFirst();
      if (!row) throw new Error(`demo follow-up: ${prefix} has no unit`);
      const person = { id: row.id, organisationId: row.organisation_id, unitId: row.unit_id };
      people.set(prefix, person);
      return person;
    },
    organisation,
    async unit(key, index) {
      const known = units.get(`${key}:${index}`);
      if (known) return known;
      const name = organisationOf(key).units[index];
      const row = await db
        .selectFrom('units')
        .select('id')
        .where('organisation_id', '=', await organisation(key))
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      units.set(`${key}:${index}`, row.id);
      return row.id;
    },
  };
}
