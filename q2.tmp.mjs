import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './dist/server/platform/db/database.js';
const pg = await PGlite.create(process.argv[2] + '/pglite', { extensions: pgliteExtensions });
const unit = 'b1ab5214-0e08-4f5b-b43f-e39bb99d8ed5', org = '3fa35264-b7d3-41e2-91a5-a81a149512af';
const q = `select m.id, m.subject, m.body, u.display_name, un.name, o.name,
 exists (select 1 from message_acknowledgements a where a.message_id = m.id and a.unit_id = any('{${unit}}'::uuid[])) as read,
 (select count(*)::int from message_acknowledgements a where a.message_id = m.id) as ack
 from message_deliveries d join messages m on m.id = d.message_id
 join users u on u.id = m.sender_user_id join units un on un.id = m.originator_unit_id join organisations o on o.id = m.originator_organisation_id
 where d.unit_id = '${unit}' and d.revoked_at is null and d.archived_at is null and liaison_visible(m.handling_code, m.originator_unit_id, m.originator_organisation_id, m.recipient_units, m.recipient_organisations, m.recipient_sharing_groups, m.to_all_partners, '${org}'::uuid, '{${unit}}'::uuid[], '{}'::uuid[])
 order by d.created_at desc, d.message_id desc limit 20 offset 0`;
for (let i = 0; i < 3; i++) { const t = performance.now(); await pg.query(q); console.log('ms', performance.now() - t); }
console.log((await pg.query('explain analyze ' + q)).rows.map(r => r['QUERY PLAN']).join('\n'));
console.log((await pg.query(`select count(*) from messages`)).rows, (await pg.query(`select count(*) from message_deliveries`)).rows);
console.log((await pg.query(`select prosrc, provolatile, prolang from pg_proc where proname='liaison_visible'`)).rows);
process.exit(0);
