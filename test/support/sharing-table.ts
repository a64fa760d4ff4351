import { sql } from 'kysely';
import type { Client, TestApp } from './test-app.js';

/**
 * The sharing rules of product.md as a table, shared by every enforcement test of the exchange
 * (messages, attachments, alerts, the live stream). Cast (demo data): focal.ma sends from
 * Morocco's anti-smuggling unit; analyst.ma sits in another Moroccan unit; focal.es in Spain's
 * named unit, analyst.es in another Spanish unit; Senegal is in the "Atlantic route" group with
 * Morocco and Spain, Niger is not; the platform admin belongs to the secretariat and to no unit.
 */
export const VIEWERS = {
  'originating unit': 'focal.ma',
  'originator organisation, other unit': 'analyst.ma',
  'member of the named unit': 'focal.es',
  'same organisation, other unit': 'analyst.es',
  'other organisation in the group': 'focal.sn',
  'organisation outside the group': 'focal.ne',
  'platform admin without membership': 'admin',
} as const;
export type ViewerName = keyof typeof VIEWERS;
export type DistributionName = 'named units' | 'organisation' | 'sharing group' | 'all partners';
export const VIEWER_NAMES = Object.keys(VIEWERS) as ViewerName[];

/** One letter per code in the order RED, AMBER+STRICT, AMBER, GREEN, CLEAR: Y visible, . not. */
export const EXPECTED: Record<DistributionName, Record<ViewerName, string>> = {
  'named units': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': 'YYYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '....Y',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  organisation: {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '....Y',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  'sharing group': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  'all partners': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '.YYYY',
    'platform admin without membership': '.YYYY',
  },
};

/** A signed-in client for each kind of viewer. */
export async function signInViewers(t: TestApp): Promise<Record<ViewerName, Client>> {
  const clients = {} as Record<ViewerName, Client>;
  for (const [name, account] of Object.entries(VIEWERS) as [ViewerName, string][]) {
    clients[name] = await t.signIn(account === 'admin' ? 'admin@liaison.demo' : `${account}@liaison.demo`);
  }
  return clients;
}

/** The four distributions of the table, as the API takes them: Spain's unit, Spain, the Atlantic group, all. */
export async function distributionTargets(t: TestApp): Promise<Record<DistributionName, unknown[]>> {
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0].id;
  const spanishUnit = await one(sql`select id from units where name = 'Unit against illegal immigration networks'`);
  const spain = await one(sql`select id from organisations where acronym = 'CGEF'`);
  const atlantic = await one(sql`select id from sharing_groups where name = 'Atlantic route border units'`);
  return {
    'named units': [{ kind: 'unit', id: spanishUnit }],
    organisation: [{ kind: 'organisation', id: spain }],
    'sharing group': [{ kind: 'sharing_group', id: atlantic }],
    'all partners': [{ kind: 'all_partners' }],
  };
}
