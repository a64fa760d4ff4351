import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

/**
 * The demo directory: functions of the demo organisations' units and who holds them, with one
 * rotation (Morocco's anti-smuggling focal point changed hands) and the languages each person speaks.
 * Holder periods are dated relative to today so that "current" and "past" stay true over time.
 */
interface DemoFunction {
  organisation: string;
  unit: string;
  title: string;
  kind: string;
  themes: string[];
  email: string;
  phone: string | null;
  /** Account prefixes of current holders (deputies after the first). */
  holders: string[];
  /** Account prefixes of people who held it before, for about a year ending last month. */
  pastHolders?: string[];
}

export const DEMO_FUNCTIONS: DemoFunction[] = [
  {
    organisation: 'ma',
    unit: 'National anti-smuggling unit',
    title: 'National anti-smuggling focal point',
    kind: 'anti_smuggling_focal_point',
    themes: ['migrant_smuggling', 'border_management', 'information_exchange'],
    email: 'anti-smuggling.focal@dmsf.demo',
    phone: '+212 537 000 101',
    holders: ['focal'],
    pastHolders: ['analyst'],
  },
  {
    organisation: 'ma',
    unit: 'National coordination centre',
    title: 'Risk analysis contact',
    kind: 'risk_analysis_contact',
    themes: ['data_and_research', 'border_management'],
    email: 'risk-analysis@dmsf.demo',
    phone: null,
    holders: ['analyst'],
  },
  {
    organisation: 'es',
    unit: 'Unit against illegal immigration networks',
    title: 'Liaison officer for the Atlantic route',
    kind: 'liaison_officer',
    themes: ['migrant_smuggling', 'judicial_cooperation', 'information_exchange'],
    email: 'atlantic.liaison@cgef.demo',
    phone: '+34 910 000 202',
    holders: ['focal', 'caseworker'],
  },
  {
    organisation: 'sn',
    unit: 'Anti-trafficking division',
    title: 'National anti-trafficking focal point',
    kind: 'anti_trafficking_focal_point',
    themes: ['trafficking_in_human_beings', 'protection_of_vulnerable_migrants'],
    email: 'anti-trafficking@dpaf.demo',
    phone: '+221 33 800 03 03',
    holders: ['focal'],
  },
  {
    organisation: 'ne',
    unit: 'Anti-smuggling unit Agadez',
    title: 'Border management contact Agadez',
    kind: 'border_management_contact',
    themes: ['border_management', 'migrant_smuggling', 'search_and_rescue'],
    email: 'agadez.border@dst.demo',
    phone: null,
    holders: ['focal'],
  },
  {
    organisation: 'ngo',
    unit: 'Migrant assistance desk',
    title: 'Protection contact',
    kind: 'protection_contact',
    themes: ['protection_of_vulnerable_migrants', 'missing_migrants', 'human_rights'],
    email: 'protection@crs.demo',
    phone: null,
    holders: ['caseworker'],
  },
  {
    organisation: 'sec',
    unit: 'Dialogue support team',
    title: 'Rabat Process secretariat contact',
    kind: 'secretariat_contact',
    themes: ['regional_cooperation', 'capacity_building'],
    email: 'secretariat@rabat-process.demo',
    phone: null,
    holders: ['focal'],
  },
];

/** Languages of the demo people, by organisation; everyone not named speaks the defaults. */
const DEMO_LANGUAGES: Record<string, { default: string[]; focal?: string[] }> = {
  ma: { default: ['ar', 'fr'], focal: ['ar', 'fr', 'es'] },
  es: { default: ['es', 'en'], focal: ['es', 'fr', 'en'] },
  sn: { default: ['fr', 'wo'], focal: ['fr', 'wo', 'en'] },
  ne: { default: ['fr', 'ha'] },
  ngo: { default: ['fr', 'wo'] },
  sec: { default: ['en', 'fr'], focal: ['en', 'fr', 'ar'] },
};

const userId = async (db: Db, email: string) =>
  (await sql<{ id: string }>`select id from users where lower(email) = ${email}`.execute(db)).rows[0].id;

/** `organisationIds`: the demo organisations' ids by key (`ma`, `es`, …), as the main seed made them. */
export async function seedDemoDirectory(db: Db, organisationIds: Map<string, string>): Promise<void> {
  for (const [key, languages] of Object.entries(DEMO_LANGUAGES)) {
    await sql`update users set languages = ${languages.default}::text[] where email like ${`%.${key}@liaison.demo`}`.execute(db);
    if (languages.focal) {
      await sql`update users set languages = ${languages.focal}::text[] where email = ${`focal.${key}@liaison.demo`}`.execute(db);
    }
  }
  for (const demo of DEMO_FUNCTIONS) {
    const unit = await sql<{ id: string }>`select id from units
      where organisation_id = ${organisationIds.get(demo.organisation)} and name = ${demo.unit}`.execute(db);
    const inserted = await sql<{ id: string }>`insert into unit_functions (unit_id, title, kind, themes, email, phone)
      values (${unit.rows[0].id}, ${demo.title}, ${demo.kind}, ${demo.themes}::text[], ${demo.email}, ${demo.phone?.replace(/ /g, '') ?? null})
      returning id`.execute(db);
    const functionId = inserted.rows[0].id;
    for (const account of demo.pastHolders ?? []) {
      await sql`insert into function_holders (function_id, user_id, starts_on, ends_on, note)
        values (${functionId}, ${await userId(db, `${account}.${demo.organisation}@liaison.demo`)},
          current_date - 400, current_date - 31, 'Rotated to the national coordination centre')`.execute(db);
    }
    for (const account of demo.holders) {
      await sql`insert into function_holders (function_id, user_id, starts_on)
        values (${functionId}, ${await userId(db, `${account}.${demo.organisation}@liaison.demo`)},
          current_date - 30)`.execute(db);
    }
  }
}
