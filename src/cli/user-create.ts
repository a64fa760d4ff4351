import fs from 'node:fs';
import { sql } from 'kysely';
import { emailTaken, insertUser } from '../server/modules/administration/users/repository.js';
import { appendAuditInTransaction } from '../server/platform/audit/audit-log.js';
import { hashPassword, passwordProblem } from '../server/platform/auth/passwords.js';
import type { Db } from '../server/platform/db/database.js';
import { findOrganisationId } from './organisations.js';

interface Options {
  email: string;
  name: string;
  organisation: string;
  role: string[];
  unit?: string[];
}

/** Reads the password without putting it on the command line, where other users could see it. */
function readPassword(): string {
  const fromEnv = process.env.LIAISON_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw new Error('pipe the password on standard input or set LIAISON_NEW_PASSWORD');
  return fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
}

export async function createUserFromCli(db: Db, options: Options): Promise<string> {
  const password = readPassword();
  const problem = passwordProblem(password, { email: options.email });
  if (problem) throw new Error(problem);
  const organisationId = await findOrganisationId(db, options.organisation);
  const unitNames = options.unit ?? [];
  const units = await sql<{ id: string }>`select id from units where organisation_id = ${organisationId} and active
    and (id::text = any(${unitNames}::text[]) or lower(name) = any(${unitNames.map((u) => u.toLowerCase())}::text[]))`.execute(
    db,
  );
  if (units.rows.length !== unitNames.length) throw new Error('a unit was not found in that organisation');
  if (await emailTaken(db, options.email)) throw new Error('a user with this e-mail address already exists');
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      email: options.email,
      displayName: options.name,
      organisationId,
      passwordHash,
      locale: 'en',
      roles: [...new Set(options.role)],
      unitIds: units.rows.map((u) => u.id),
    });
    const details = { via: 'cli', organisationId, roles: options.role };
    await appendAuditInTransaction(trx, [
      { action: 'user.create', outcome: 'success', targetType: 'user', targetId: id, details },
    ]);
    return id;
  });
}
