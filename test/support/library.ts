import fs from 'node:fs';
import path from 'node:path';
import { type RawBuilder, sql } from 'kysely';
import { ingestDocument } from '../../src/server/modules/knowledge/ingestion.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { REPO_ROOT } from './cli.js';

/** The French outcome document written for the quality fixtures. */
export const DAKAR = path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt');
export const DAKAR_TEXT = () => fs.readFileSync(DAKAR, 'utf8');

/** Meeting year of each restricted copy of the Dakar document. */
export const RESTRICTED_YEARS = { red: 2031, amber: 2032, green: 2033 } as const;
export type RestrictedLevel = keyof typeof RESTRICTED_YEARS;

const one = async <T>(db: Db, query: RawBuilder<T>) => (await query.execute(db)).rows[0];

/** Stores a document as the secretariat's, published unless told otherwise; returns its id. */
export function libraryIngester(db: Db) {
  const secretariat = one(db, sql<{ id: string }>`select id from organisations where kind = 'secretariat'`);
  return async (fileName: string, data: string, handlingCode: string, publish = true) =>
    (
      await ingestDocument(db, {
        fileName,
        data: Buffer.from(data),
        originatorOrganisationId: (await secretariat).id,
        handlingCode,
        publish,
      })
    ).documentId;
}

/**
 * Copies of the Dakar document, each with one extra item saying "zorblax <level>" and its own year:
 * TLP:RED to Morocco's anti-smuggling unit, TLP:AMBER to Morocco's directorate, TLP:GREEN to the
 * Budapest Process partners group.
 */
export async function ingestRestrictedCopies(db: Db): Promise<Record<RestrictedLevel, string>> {
  const ingest = libraryIngester(db);
  const ma = await one(
    db,
    sql<{ org: string; unit: string }>`select o.id as org, u.id as unit from organisations o
    join units u on u.organisation_id = o.id where o.acronym = 'DMSF' and u.name = 'National anti-smuggling unit'`,
  );
  const budapest = (await one(db, sql<{ id: string }>`select id from sharing_groups where name = 'Budapest Process partners'`))
    .id;
  const text = DAKAR_TEXT();
  const ids = {} as Record<RestrictedLevel, string>;
  for (const level of Object.keys(RESTRICTED_YEARS) as RestrictedLevel[]) {
    const variant = text
      .replaceAll('2024', String(RESTRICTED_YEARS[level]))
      .replace(
        'indicateurs de vulnérabilité.\n',
        `indicateurs de vulnérabilité.\n9. Renforcer le dispositif zorblax ${level} entre les partenaires.\n`,
      );
    ids[level] = await ingest(`${level}.txt`, variant, 'TLP:GREEN');
  }
  await sql`update knowledge_documents set handling_code = 'TLP:RED', recipient_units = ${[ma.unit]}::uuid[],
    recipient_organisations = ${[ma.org]}::uuid[], to_all_partners = false where id = ${ids.red}`.execute(db);
  await sql`update knowledge_documents set handling_code = 'TLP:AMBER', recipient_organisations = ${[ma.org]}::uuid[],
    to_all_partners = false where id = ${ids.amber}`.execute(db);
  await sql`update knowledge_documents set handling_code = 'TLP:GREEN', recipient_sharing_groups = ${[budapest]}::uuid[],
    to_all_partners = false where id = ${ids.green}`.execute(db);
  return ids;
}
