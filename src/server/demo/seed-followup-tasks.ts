import { deliverMessages } from '../modules/exchange/messages/deliveries-repository.js';
import { resolveRecipients } from '../modules/exchange/messages/recipients.js';
import { acknowledge, insertMessage } from '../modules/exchange/messages/repository.js';
import { taskText } from '../modules/followup/cycles/tasks.js';
import type { Db } from '../platform/db/database.js';
import type { FollowupSeedKit } from './followup-seed-kit.js';

export interface DemoTask {
  cycleTitle: string;
  deadline: string;
  reportId: string;
  organisationId: string;
  /** When the cycle opened: the task is dated then. */
  sentAt: Date;
  /** The partner's demo account that read it, if it did. */
  readBy: string | null;
}

/**
 * A partner's task in its units' inboxes, worded as the review cycle words it, dated when the cycle
 * opened. Written as the demo messages are (the message, its deliveries, the acknowledgement of a
 * partner that started its report), without the live event or the e-mail notice of a real send.
 */
export async function seedTask(db: Db, kit: FollowupSeedKit, from: string, publicUrl: string, task: DemoTask): Promise<string> {
  const sender = await kit.person(from);
  const text = taskText({ cycleTitle: task.cycleTitle, deadline: task.deadline, reportId: task.reportId, publicUrl });
  const recipients = await resolveRecipients(db, [{ kind: 'organisation', id: task.organisationId }]);
  const id = await insertMessage(db, {
    threadId: null,
    inReplyTo: null,
    forwardedFrom: null,
    kind: 'message',
    subject: text.subject,
    body: text.body,
    restrictions: [],
    priority: 'routine',
    deadline: null,
    senderUserId: sender.id,
    handlingCode: 'TLP:GREEN',
    originatorUnitId: sender.unitId,
    originatorOrganisationId: sender.organisationId,
    ...recipients,
  });
  // Deliveries take the message's date, so it is set first.
  await db.updateTable('messages').set({ created_at: task.sentAt }).where('id', '=', id).execute();
  await deliverMessages(db, [id]);
  if (task.readBy) {
    const reader = await kit.person(task.readBy);
    await acknowledge(db, id, reader.unitId, reader.id);
  }
  return id;
}
