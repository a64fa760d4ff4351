import type { Db } from '../../../platform/db/database.js';
import { resolveRecipients } from './recipients.js';
import { storeMessage } from './service.js';

/**
 * A letter the platform writes on someone's behalf (a follow-up task, a referral notice): a message
 * in the addressed unit's inbox, with its delivery, its event on the log (live stream) and the e-mail
 * notices that follow any message. TLP:GREEN unless the caller says otherwise.
 */
export interface Letter {
  /** Who sends: the person who opened the cycle (or created the commitment), from that unit. */
  senderUserId: string;
  fromUnitId: string;
  fromOrganisationId: string;
  to: { kind: 'organisation' | 'unit'; id: string };
  handlingCode?: string;
  subject: string;
  body: string;
}

export async function sendLetter(trx: Db, letter: Letter): Promise<string> {
  const { distribution, addressedOrganisations } = await resolveRecipients(trx, [letter.to]);
  return storeMessage(
    trx,
    { actor: { userId: letter.senderUserId } },
    {
      threadId: null,
      inReplyTo: null,
      forwardedFrom: null,
      kind: 'message',
      subject: letter.subject.slice(0, 300),
      body: letter.body,
      restrictions: [],
      priority: 'routine',
      deadline: null,
      senderUserId: letter.senderUserId,
      handlingCode: letter.handlingCode ?? 'TLP:GREEN',
      originatorUnitId: letter.fromUnitId,
      originatorOrganisationId: letter.fromOrganisationId,
      distribution,
      addressedOrganisations,
      recipientFunctions: [],
    },
  );
}
