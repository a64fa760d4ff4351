import type { ReferralStatus, Urgency } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { sendLetter } from '../../exchange/messages/letters.js';

/**
 * Notices of the referral life-cycle go through the secure exchange like follow-up tasks do: a
 * TLP:AMBER message in the addressed unit's inbox, so its delivery, live event and e-mail notice
 * follow. They name the case by its REFERENCE only — never a name, a date of birth or any other
 * personal field, nor free text a person typed — and link to the referral's page.
 */

export const referralLink = (publicUrl: string, referralId: string) => `${publicUrl}/referrals/${referralId}`;

export interface Notice {
  senderUserId: string;
  fromUnitId: string;
  fromOrganisationId: string;
  toUnitId: string;
  subject: string;
  body: string;
}

/** Sends one notice; a unit never writes to itself (the exchange does not deliver to the sender). */
export async function notify(trx: Db, notice: Notice): Promise<void> {
  if (notice.fromUnitId === notice.toUnitId) return;
  await sendLetter(trx, {
    senderUserId: notice.senderUserId,
    fromUnitId: notice.fromUnitId,
    fromOrganisationId: notice.fromOrganisationId,
    to: { kind: 'unit', id: notice.toUnitId },
    handlingCode: 'TLP:AMBER',
    subject: notice.subject,
    body: notice.body,
  });
}

interface Facts {
  reference: string;
  referralId: string;
  publicUrl: string;
}

const linkLine = (facts: Facts) => `The referral: ${referralLink(facts.publicUrl, facts.referralId)}`;

export function newReferralText(facts: Facts & { urgency: Urgency; respondBy: Date; needs: string[] }) {
  return {
    subject: `New referral: case ${facts.reference}`,
    body: [
      `Case **${facts.reference}** is referred to your unit (urgency: ${facts.urgency}; needs: ${facts.needs.join(', ')}).`,
      '',
      `Please accept or decline it by **${facts.respondBy.toISOString()}**.`,
      '',
      linkLine(facts),
    ].join('\n'),
  };
}

export function statusText(facts: Facts & { status: ReferralStatus }) {
  return {
    subject: `Referral of case ${facts.reference}: ${facts.status.replace('_', ' ')}`,
    body: `The referral of case **${facts.reference}** is now **${facts.status.replace('_', ' ')}**.\n\n${linkLine(facts)}`,
  };
}

export function sharingStoppedText(facts: Facts) {
  return {
    subject: `Sharing stopped: case ${facts.reference}`,
    body: `The person's consent for the referral of case **${facts.reference}** was withdrawn. No further personal data is shared under it; the fields shared before are no longer available through the referral.\n\n${linkLine(facts)}`,
  };
}

export function reminderText(facts: Facts & { respondBy: Date }) {
  return {
    subject: `Reminder: referral of case ${facts.reference} awaits your answer`,
    body: `The referral of case **${facts.reference}** awaits your answer by **${facts.respondBy.toISOString()}**.\n\n${linkLine(facts)}`,
  };
}

export function overdueText(facts: Facts & { respondBy: Date }) {
  return {
    subject: `Overdue: referral of case ${facts.reference}`,
    body: `The referral of case **${facts.reference}** was to be answered by **${facts.respondBy.toISOString()}** and has not been.\n\n${linkLine(facts)}`,
  };
}
