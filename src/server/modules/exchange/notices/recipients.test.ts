import { describe, expect, it } from 'vitest';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { EventType } from '../../../platform/events/record.js';
import { type Candidate, isRecipient, type NoticeEvent } from './recipients.js';

const MA = { organisationId: 'org-ma', unitIds: ['unit-ma-1'], sharingGroupIds: ['atlantic'] };
const ES = { organisationId: 'org-es', unitIds: ['unit-es-1'], sharingGroupIds: ['atlantic'] };
const SN = { organisationId: 'org-sn', unitIds: ['unit-sn-1'], sharingGroupIds: [] };
const on = { newMessages: true, rfiChanges: true, alerts: true };
const user = (userId: string, viewer: Candidate['viewer'], kinds = on): Candidate => ({
  userId,
  email: `${userId}@example.org`,
  locale: 'en',
  kinds,
  viewer,
});
const event = (type: EventType, handlingCode: HandlingCode, actorUserId: string | null = 'sender'): NoticeEvent => ({
  seq: 1,
  type,
  recordType: type.startsWith('alert') ? 'alert' : 'message',
  recordId: 'record',
  actorUserId,
  access: {
    handlingCode,
    originatorUnitId: 'unit-ma-1',
    originatorOrganisationId: 'org-ma',
    recipientUnits: ['unit-es-1'],
    recipientOrganisations: ['org-es'],
    recipientSharingGroups: [],
    toAllPartners: false,
  },
});

describe('isRecipient', () => {
  it('mails the receiving side who may see the record, for the kinds they chose', () => {
    expect(isRecipient(event('message.new', 'TLP:AMBER'), user('es', ES))).toBe(true);
    expect(isRecipient(event('message.new', 'TLP:AMBER'), user('sn', SN))).toBe(false);
    expect(isRecipient(event('message.new', 'TLP:AMBER'), user('es', ES, { ...on, newMessages: false }))).toBe(false);
    expect(isRecipient(event('rfi.reminder', 'TLP:RED', null), user('es', ES, { ...on, newMessages: false }))).toBe(true);
    expect(isRecipient(event('alert.new', 'TLP:GREEN'), user('es', ES, { ...on, alerts: false }))).toBe(false);
  });

  it('never mails the author, nor the originating unit about its own new record', () => {
    expect(isRecipient(event('message.new', 'TLP:GREEN', 'es'), user('es', ES))).toBe(false);
    expect(isRecipient(event('message.new', 'TLP:GREEN'), user('ma-colleague', MA))).toBe(false);
    // An answer to the originating unit's RFI is news to it.
    expect(isRecipient(event('rfi.updated', 'TLP:GREEN', 'es'), user('ma-colleague', MA))).toBe(true);
  });

  it('treats TLP:CLEAR as its distribution: public is not "mail everyone"', () => {
    expect(isRecipient(event('message.new', 'TLP:CLEAR'), user('es', ES))).toBe(true);
    expect(isRecipient(event('message.new', 'TLP:CLEAR'), user('sn', SN))).toBe(false);
  });
});
