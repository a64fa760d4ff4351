import { sql } from 'kysely';
import { deliverMessages } from '../modules/exchange/messages/deliveries-repository.js';
import { resolveRecipients } from '../modules/exchange/messages/recipients.js';
import { acknowledge, insertMessage, markAnswered } from '../modules/exchange/messages/repository.js';
import type { MessageTarget } from '../modules/exchange/messages/schemas.js';
import type { Db } from '../platform/db/database.js';
import { account, type Target, targets } from './demo-recipients.js';

/** A demo message; `reply` answers the message before it, in its thread. Fictional content. */
interface DemoMessage {
  from: string;
  to: (Target | { function: string })[];
  subject: string;
  body: string;
  handlingCode: string;
  kind?: 'rfi';
  deadlineDays?: number;
  priority?: 'routine' | 'urgent' | 'immediate';
  reply?: boolean;
  /** Demo accounts whose unit has acknowledged it. */
  readBy?: string[];
}

const DEMO_MESSAGES: DemoMessage[] = [
  {
    from: 'focal.ma',
    to: [{ unit: ['CGEF', 'Unit against illegal immigration networks'] }],
    kind: 'rfi',
    deadlineDays: 5,
    priority: 'urgent',
    handlingCode: 'TLP:AMBER',
    subject: 'RFI: boat departures reported near Tarfaya',
    body: 'Our coastal posts report **three departures** in the past week.\n\n- Were any of these boats intercepted or rescued on your side?\n- Do the passengers name the same organisers?\n\nPlease answer through Liaison.',
    readBy: ['focal.es'],
  },
  {
    from: 'focal.es',
    to: [{ unit: ['DMSF', 'National anti-smuggling unit'] }],
    reply: true,
    handlingCode: 'TLP:AMBER',
    subject: 'Re: RFI: boat departures reported near Tarfaya',
    body: 'Two of the boats reached Lanzarote; passengers describe the same organiser, known as "the fisherman". Details in the attached interview summaries follow by the usual channel.',
    readBy: ['focal.ma'],
  },
  {
    from: 'focal.sn',
    to: [{ group: 'Atlantic route border units' }],
    handlingCode: 'TLP:GREEN',
    subject: 'Weekly situation note: Atlantic route',
    body: 'Departures from the northern coast stay high. Weather windows are expected on **Thursday and Friday**.',
  },
  {
    from: 'focal.sec',
    to: ['all'],
    handlingCode: 'TLP:CLEAR',
    subject: 'Thematic meeting on document fraud: call for contributions',
    body: 'Partners are invited to share good practices on detecting forged travel documents before the meeting.',
  },
  {
    from: 'analyst.es',
    to: [{ function: 'National anti-trafficking focal point' }],
    handlingCode: 'TLP:AMBER+STRICT',
    subject: 'Possible victims of trafficking identified at the port',
    body: "Two young women travelling with the same escort were referred to protection services. They say they were recruited in Dakar. Could your division check the recruiter's name against your cases?",
  },
];

/** Loads the demo messages once, as sending them would: deliveries, acknowledgements, an answered RFI. */
export async function seedMessages(db: Db): Promise<number> {
  const existing = await sql<{ n: number }>`select count(*)::int as n from messages`.execute(db);
  if (existing.rows[0].n > 0) return 0;
  let previous = null as { id: string; threadId: string } | null;
  for (const demo of DEMO_MESSAGES) {
    const sender = await account(db, demo.from);
    const functions = demo.to.flatMap((target) => (typeof target === 'object' && 'function' in target ? [target.function] : []));
    const functionIds = await sql<{ id: string }>`select id from unit_functions where title = any(${functions}::text[])`.execute(
      db,
    );
    const plain = demo.to.filter((target): target is Target => !(typeof target === 'object' && 'function' in target));
    const chosen: MessageTarget[] = [
      ...(await targets(db, plain)),
      ...functionIds.rows.map((row) => ({ kind: 'function' as const, id: row.id })),
    ];
    const recipients = await resolveRecipients(db, chosen);
    const parent: { id: string; threadId: string } | null = demo.reply ? previous : null;
    const id = await insertMessage(db, {
      threadId: parent?.threadId ?? null,
      inReplyTo: parent?.id ?? null,
      forwardedFrom: null,
      kind: demo.kind ?? 'message',
      subject: demo.subject,
      body: demo.body,
      restrictions: demo.handlingCode === 'TLP:AMBER' ? ['law_enforcement_only'] : [],
      priority: demo.priority ?? 'routine',
      deadline: demo.deadlineDays ? new Date(Date.now() + demo.deadlineDays * 86_400_000).toISOString() : null,
      senderUserId: sender.id,
      handlingCode: demo.handlingCode,
      originatorUnitId: sender.unit_id,
      originatorOrganisationId: sender.organisation_id,
      ...recipients,
    });
    await deliverMessages(db, [id]);
    if (parent) await markAnswered(db, parent.id);
    for (const reader of demo.readBy ?? []) {
      const who = await account(db, reader);
      await acknowledge(db, id, who.unit_id, who.id);
    }
    previous = { id, threadId: parent?.threadId ?? id };
  }
  return DEMO_MESSAGES.length;
}
