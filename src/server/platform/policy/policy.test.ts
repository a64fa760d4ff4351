import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../auth/actor.js';
import { Problem } from '../errors.js';
import { type Action, authorize, POLICIES } from './policy.js';

/**
 * The policy as a table: every action × role × relation of the actor to the record, with the answer
 * a client gets. Every actor of a row holds one role, works in unit OWN_UNIT of organisation OWN
 * (a partner's government agency unless the relation says secretariat) and signs in with a session
 * unless the relation says API token. Answers: Y allowed; 401, 403, 404 the generic problems
 * (unauthenticated, forbidden, not found); "<status> <slug>" a problem of its own, as clients see it.
 */
const OWN = 'org-own';
const OTHER = 'org-other';
const OWN_UNIT = 'unit-own';
const OTHER_UNIT = 'unit-other';
const THIRD_UNIT = 'unit-third';

const actorWith = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  userId: 'me',
  email: 'me@example.org',
  displayName: 'Me',
  organisationId: OWN,
  unitIds: [OWN_UNIT],
  organisation: { id: OWN, name: 'Own', acronym: null, country: null, kind: 'government_agency' },
  units: [{ id: OWN_UNIT, name: 'Own unit' }],
  roles: [role],
  sharingGroupIds: [],
  locale: 'en',
  via: 'session',
  credentialHash: 'h',
  totpEnabled: true,
  mustEnrolTotp: false,
  ...overrides,
});

const secretariat = { organisation: { id: OWN, name: 'Secretariat', acronym: null, country: null, kind: 'secretariat' } };
const viaToken = { via: 'token' as const };
const shared = (handlingCode: string, recipientUnits: string[], recipientOrganisations: string[]) => ({
  handlingCode,
  originatorUnitId: THIRD_UNIT,
  originatorOrganisationId: OTHER,
  recipientUnits,
  recipientOrganisations,
  recipientSharingGroups: [],
  toAllPartners: false,
});
const forward = (handlingCode: string, targets: { organisations?: string[]; allPartners?: boolean }) => ({
  kind: 'message',
  message: { ...shared(handlingCode, [OWN_UNIT], [OWN]), sharingGroupMembers: [] },
  targets: { units: [], sharingGroups: [], organisations: targets.organisations ?? [], allPartners: !!targets.allPartners },
  handlingCode,
});

/** Each relation: the record the rule judges, and how the actor differs from the default. */
const RELATIONS: Record<string, { record?: unknown; actor?: Partial<Actor> }> = {
  'no record': {},
  'API token': { actor: viaToken },
  'own organisation': { record: { kind: 'unit', organisationId: OWN } },
  'other organisation': { record: { kind: 'unit', organisationId: OTHER } },
  'secretariat member': { actor: secretariat },
  'own unit': { record: { kind: 'unit', unitId: OWN_UNIT } },
  'other unit': { record: { kind: 'unit', unitId: OTHER_UNIT } },
  originator: { record: { kind: 'message', originatorUnitId: OWN_UNIT } },
  recipient: { record: { kind: 'message', originatorUnitId: OTHER_UNIT } },
  'recipient, for own unit': { record: { kind: 'alert', originatorUnitId: OTHER_UNIT, unitId: OWN_UNIT } },
  'recipient, for a unit not theirs': { record: { kind: 'alert', originatorUnitId: OTHER_UNIT, unitId: THIRD_UNIT } },
  'originator, for own unit': { record: { kind: 'alert', originatorUnitId: OWN_UNIT, unitId: OWN_UNIT } },
  'own account': { record: { kind: 'user', userId: 'me', demo: false } },
  'own account, demo mode': { record: { kind: 'user', userId: 'me', demo: true } },
  'own account, API token': { record: { kind: 'user', userId: 'me', demo: true }, actor: viaToken },
  'other account': { record: { kind: 'user', userId: 'someone-else', demo: true } },
  'partner, stays visible': { record: { kind: 'document', access: shared('TLP:AMBER', [], [OWN]) } },
  'secretariat, stays visible': { record: { kind: 'document', access: shared('TLP:AMBER', [], [OWN]) }, actor: secretariat },
  'secretariat, hidden from them': {
    record: { kind: 'document', access: shared('TLP:RED', [OTHER_UNIT], []) },
    actor: secretariat,
  },
  'TLP:CLEAR to all partners': { record: forward('TLP:CLEAR', { allPartners: true }) },
  'TLP:RED to its own organisation': { record: forward('TLP:RED', { organisations: [OWN] }) },
  'TLP:AMBER+STRICT to another organisation': { record: forward('TLP:AMBER+STRICT', { organisations: [OTHER] }) },
  'commitment, own organisation leads': { record: { kind: 'commitment', organisationId: OWN } },
  'commitment, another organisation leads': { record: { kind: 'commitment', organisationId: OTHER } },
  'action, own organisation leads': { record: { kind: 'action', organisationId: OWN, ownerUnitId: THIRD_UNIT } },
  'action owned by own unit, another leads': { record: { kind: 'action', organisationId: OTHER, ownerUnitId: OWN_UNIT } },
  'action of another organisation': { record: { kind: 'action', organisationId: OTHER, ownerUnitId: THIRD_UNIT } },
  'own report': { record: { kind: 'report', organisationId: OWN, reviewerOrganisationIds: [] } },
  'report, named reviewer': { record: { kind: 'report', organisationId: OTHER, reviewerOrganisationIds: [OWN] } },
  'report, secretariat': { record: { kind: 'report', organisationId: OTHER, reviewerOrganisationIds: [] }, actor: secretariat },
  'report, not a party': { record: { kind: 'report', organisationId: OTHER, reviewerOrganisationIds: [] } },
  'case of own unit': { record: { kind: 'case', ownerUnitId: OWN_UNIT, ownerOrganisationId: OWN, referredUnitIds: [] } },
  'case of another unit, own organisation': {
    record: { kind: 'case', ownerUnitId: OTHER_UNIT, ownerOrganisationId: OWN, referredUnitIds: [] },
  },
  'case referred to own unit': {
    record: { kind: 'case', ownerUnitId: THIRD_UNIT, ownerOrganisationId: OTHER, referredUnitIds: [OWN_UNIT] },
  },
  'case of another organisation': {
    record: { kind: 'case', ownerUnitId: THIRD_UNIT, ownerOrganisationId: OTHER, referredUnitIds: [] },
  },
  'referral to own unit': { record: { kind: 'referral', fromUnitId: THIRD_UNIT, toUnitId: OWN_UNIT } },
  'referral from own unit': { record: { kind: 'referral', fromUnitId: OWN_UNIT, toUnitId: THIRD_UNIT } },
  'referral between others': { record: { kind: 'referral', fromUnitId: THIRD_UNIT, toUnitId: OTHER_UNIT } },
  'provider of own organisation': { record: { kind: 'provider', managedByOrganisationId: OWN } },
  'provider of another organisation': { record: { kind: 'provider', managedByOrganisationId: OTHER } },
  'watchlist of own unit': { record: { kind: 'watchlist', ownerUnitId: OWN_UNIT } },
  'watchlist of another unit': { record: { kind: 'watchlist', ownerUnitId: OTHER_UNIT } },
  'screening of own unit': { record: { kind: 'screening', unitId: OWN_UNIT } },
  'screening of another unit': { record: { kind: 'screening', unitId: OTHER_UNIT } },
};
type Relation = keyof typeof RELATIONS;

const COLUMNS = [...ROLES, 'anonymous'] as const;
type Row = [Action, Relation, ...string[]];

const KEEP_2FA = '403 second-factor-required-for-role';
const NOT_YOURS = '403 not-your-unit';
const OWN_ALERT = '403 own-alert';
const NOT_PERSONAL = '403 personal-fields-not-allowed';
const NOT_OWNER_UNIT = '403 not-owner-unit';
const NOT_RECEIVER = '403 not-receiving-unit';
const NOT_MANAGER = '403 not-provider-manager';
const NOT_ASKER = '403 not-the-asking-unit';
const RED = '422 forward-red';
const WIDENS = '422 forward-widens-audience';
const HIDES_IT = '422 would-hide-document';
const NOT_OWNER = '403 not-owner-organisation';
const NOT_SEC = '403 not-secretariat';
const OWN_REPORT = '403 own-report';
const NOT_LIST_OWNER = '403 not-list-owner';

// biome-ignore format: a table
const TABLE: Row[] = [
  // action                        relation                                     platform    org admin   focal pt    analyst     case wkr    case sup    moderator   reader      public
  ['public',                        'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y'],
  ['session.end',                   'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['session.read',                  'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y'],
  ['account.read',                  'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.update',                'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.update',                'API token',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['account.secondFactor',          'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.secondFactor',          'API token',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['account.disableSecondFactor',   'own account',                               KEEP_2FA,   KEEP_2FA,   'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.disableSecondFactor',   'own account, demo mode',                    'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.disableSecondFactor',   'own account, API token',                    '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['account.disableSecondFactor',   'other account',                             '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['account.tokens',                'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['account.tokens',                'API token',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ...(['organisation.list', 'organisation.read', 'unit.list', 'unit.read', 'unit.create', 'unit.update', 'user.list', 'user.read',
    'user.create', 'user.update', 'audit.read', 'directory.manage'] as const).flatMap((action): Row[] => [
  [action,                          'no record',                                 'Y',        'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  [action,                          'own organisation',                          'Y',        'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  [action,                          'other organisation',                        'Y',        '404',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ]),
  ...(['organisation.create', 'organisation.update', 'user.grantPlatformAdmin', 'sharingGroup.create', 'sharingGroup.update'] as const).flatMap((action): Row[] => [
  [action,                          'no record',                                 'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  [action,                          'other organisation',                        'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ]),
  ['sharingGroup.list',             'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['sharingGroup.read',             'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  // The library: the sharing rule filters what is read; the secretariat's working roles curate.
  ['knowledge.read',                'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y'],
  ['knowledge.curate',              'no record',                                 'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['knowledge.curate',              'secretariat member',                        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ...(['document.discard', 'document.replace'] as const).flatMap((action): Row[] => [
  [action,                          'no record',                                 'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  [action,                          'secretariat member',                        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ]),
  ['document.share',                'partner, stays visible',                    'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['document.share',                'secretariat, stays visible',                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['document.share',                'secretariat, hidden from them',             HIDES_IT,   HIDES_IT,   HIDES_IT,   HIDES_IT,   HIDES_IT,   HIDES_IT,   HIDES_IT,   '403',      '401'],
  // The exchange: reading is the sharing rule's; acting needs a working role, for one's own unit.
  ['directory.read',                'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['function.manage',               'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['function.manage',               'own organisation',                          'Y',        'Y',        '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['function.manage',               'other organisation',                        'Y',        '404',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['unit.actFor',                   'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['unit.actFor',                   'own unit',                                  'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['unit.actFor',                   'other unit',                                NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  '401'],
  ['message.read',                  'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['message.send',                  'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['message.forward',               'TLP:CLEAR to all partners',                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['message.forward',               'TLP:RED to its own organisation',           RED,        RED,        RED,        RED,        RED,        RED,        RED,        '403',      '401'],
  ['message.forward',               'TLP:AMBER+STRICT to another organisation',  WIDENS,     WIDENS,     WIDENS,     WIDENS,     WIDENS,     WIDENS,     WIDENS,     '403',      '401'],
  ['rfi.close',                     'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['rfi.close',                     'originator',                                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['rfi.close',                     'recipient',                                 NOT_ASKER,  NOT_ASKER,  NOT_ASKER,  NOT_ASKER,  NOT_ASKER,  NOT_ASKER,  NOT_ASKER,  '403',      '401'],
  ['attachment.upload',             'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['alert.read',                    'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['alert.issue',                   'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['alert.withdraw',                'originator',                                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['alert.withdraw',                'recipient',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['alert.feedback',                'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['alert.giveFeedback',            'recipient, for own unit',                   'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['alert.giveFeedback',            'recipient, for a unit not theirs',          NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  NOT_YOURS,  '403',      '401'],
  ['alert.giveFeedback',            'originator, for own unit',                  OWN_ALERT,  OWN_ALERT,  OWN_ALERT,  OWN_ALERT,  OWN_ALERT,  OWN_ALERT,  OWN_ALERT,  '403',      '401'],
  ['alert.readAllFeedback',         'originator',                                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['alert.readAllFeedback',         'recipient',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['events.read',                   'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['followup.read',                 'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['commitment.create',             'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['commitment.edit',               'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['commitment.edit',               'commitment, own organisation leads',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['commitment.edit',               'commitment, another organisation leads',    NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  '403',      '401'],
  ['action.update',                 'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['action.update',                 'action, own organisation leads',            'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['action.update',                 'action owned by own unit, another leads',   'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['action.update',                 'action of another organisation',            NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  '403',      '401'],
  ['cycle.manage',                  'no record',                                 NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    '403',      '401'],
  ['cycle.manage',                  'secretariat member',                        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['report.read',                   'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['report.read',                   'own report',                                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['report.read',                   'report, named reviewer',                    'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['report.read',                   'report, secretariat',                       'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['report.read',                   'report, not a party',                       '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['report.edit',                   'own report',                                'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['report.edit',                   'report, secretariat',                       NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  NOT_OWNER,  '403',      '401'],
  ['report.decide',                 'no record',                                 NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    NOT_SEC,    '403',      '401'],
  ['report.decide',                 'secretariat member',                        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['report.comment',                'own report',                                OWN_REPORT, OWN_REPORT, OWN_REPORT, OWN_REPORT, OWN_REPORT, OWN_REPORT, OWN_REPORT, '403',      '401'],
  ['report.comment',                'report, named reviewer',                    'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['report.comment',                'report, secretariat',                       'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['report.comment',                'report, not a party',                       '404',      '404',      '404',      '404',      '404',      '404',      '404',      '403',      '401'],
  ['service.read',                   'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '401'],
  ['service.create',                 'no record',                                 'Y',        'Y',        '403',      '403',      'Y',        'Y',        '403',      '403',      '401'],
  ['service.edit',                   'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['service.edit',                   'provider of own organisation',              'Y',        'Y',        '403',      '403',      'Y',        'Y',        '403',      '403',      '401'],
  ['service.edit',                   'provider of another organisation',          'Y',        NOT_MANAGER, '403',      '403',      NOT_MANAGER, NOT_MANAGER, '403',      '403',      '401'],
  ['case.read',                      'no record',                                 '403',      '403',      '403',      '403',      'Y',        'Y',        '403',      '403',      '401'],
  ['case.create',                    'no record',                                 '403',      '403',      '403',      '403',      'Y',        '403',      '403',      '403',      '401'],
  ['case.readSummary',               'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['case.readSummary',               'case of own unit',                          '404',      '404',      '404',      '404',      'Y',        'Y',        '404',      '404',      '401'],
  ['case.readSummary',               'case of another unit, own organisation',    '404',      '404',      '404',      '404',      '404',      'Y',        '404',      '404',      '401'],
  ['case.readSummary',               'case referred to own unit',                 '404',      '404',      '404',      '404',      'Y',        '404',      '404',      '404',      '401'],
  ['case.readSummary',               'case of another organisation',              '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['case.readPersonal',              'case of own unit',                          '404',      '404',      '404',      '404',      'Y',        NOT_PERSONAL, '404',      '404',      '401'],
  ['case.readPersonal',              'case of another unit, own organisation',    '404',      '404',      '404',      '404',      '404',      NOT_PERSONAL, '404',      '404',      '401'],
  ['case.readPersonal',              'case referred to own unit',                 '404',      '404',      '404',      '404',      'Y',        '404',      '404',      '404',      '401'],
  ['case.readPersonal',              'case of another organisation',              '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['case.edit',                      'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['case.edit',                      'case of own unit',                          '404',      '404',      '404',      '404',      'Y',        NOT_OWNER_UNIT, '404',      '404',      '401'],
  ['case.edit',                      'case of another unit, own organisation',    '404',      '404',      '404',      '404',      '404',      NOT_OWNER_UNIT, '404',      '404',      '401'],
  ['case.edit',                      'case referred to own unit',                 '404',      '404',      '404',      '404',      NOT_OWNER_UNIT, '404',      '404',      '404',      '401'],
  ['case.edit',                      'case of another organisation',              '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['referral.respond',               'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['referral.respond',               'referral to own unit',                      '404',      '404',      '404',      '404',      'Y',        '404',      '404',      '404',      '401'],
  ['referral.respond',               'referral from own unit',                    NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, NOT_RECEIVER, '401'],
  ['referral.respond',               'referral between others',                   '404',      '404',      '404',      '404',      '404',      '404',      '404',      '404',      '401'],
  ['referralStatistics.read',        'no record',                                 'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        'Y',        '403',      '401'],
  ['watchlist.read',                 'no record',                                 '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['watchlist.create',               'no record',                                 '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['watchlist.edit',                 'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['watchlist.edit',                 'watchlist of own unit',                     '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['watchlist.edit',                 'watchlist of another unit',                 '403',      '403',      NOT_LIST_OWNER, NOT_LIST_OWNER, '403',      '403',      '403',      '403',      '401'],
  ['screening.run',                  'no record',                                 '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['screening.review',               'no record',                                 '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['screening.decide',               'no record',                                 '403',      '403',      '403',      '403',      '403',      '403',      '403',      '403',      '401'],
  ['screening.decide',               'screening of own unit',                     '403',      '403',      'Y',        'Y',        '403',      '403',      '403',      '403',      '401'],
  ['screening.decide',               'screening of another unit',                 '403',      '403',      '404',      '404',      '403',      '403',      '403',      '403',      '401'],
];

const GENERIC = new Set(['unauthenticated', 'forbidden', 'not-found']);

/** What a client is answered: Y, or the problem's status (and its slug when it has its own). */
function answer(actor: Actor | null, action: Action, record: unknown): string {
  try {
    authorize(actor, action, record as never);
    return 'Y';
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return GENERIC.has(error.slug) ? String(error.status) : `${error.status} ${error.slug}`;
  }
}

const answerOf = (column: (typeof COLUMNS)[number], action: Action, relation: Relation, via?: 'token') => {
  const { record, actor } = RELATIONS[relation];
  if (column === 'anonymous') return answer(null, action, record);
  return answer(actorWith(column, { ...actor, ...(via ? { via } : {}) }), action, record);
};

describe('policy table', () => {
  it('has rows for every action, and only for actions that exist', () => {
    const listed = new Set(TABLE.map(([action]) => action));
    expect([...listed].sort()).toEqual(Object.keys(POLICIES).sort());
    for (const row of TABLE) expect(row.length, `${row[0]} × ${row[1]}`).toBe(2 + COLUMNS.length);
  });

  it.each(TABLE)('%s × %s', (action, relation, ...expected) => {
    const answers = COLUMNS.map((column) => answerOf(column, action, relation));
    expect(Object.fromEntries(COLUMNS.map((column, i) => [column, answers[i]]))).toEqual(
      Object.fromEntries(COLUMNS.map((column, i) => [column, expected[i]])),
    );
  });

  it('answers an API token as a session, except on the actions with API token rows', () => {
    const sessionOnly = new Set(TABLE.filter(([, relation]) => relation.includes('API token')).map(([action]) => action));
    expect([...sessionOnly].sort()).toEqual([
      'account.disableSecondFactor',
      'account.secondFactor',
      'account.tokens',
      'account.update',
    ]);
    for (const [action, relation] of TABLE) {
      if (sessionOnly.has(action) || relation === 'API token') continue;
      for (const role of ROLES) {
        expect(answerOf(role, action, relation, 'token'), `${role} × ${action} × ${relation}`).toBe(
          answerOf(role, action, relation),
        );
      }
    }
  });

  it('lets an administrator without a second factor only enrol one, sign out and see who they are', () => {
    const unenrolled = actorWith('platform_admin', { mustEnrolTotp: true });
    for (const [action, relation] of TABLE) {
      const allowed = ['public', 'session.end', 'session.read', 'account.read', 'account.secondFactor'].includes(action);
      const expected = allowed ? 'Y' : '403 second-factor-enrolment-required';
      if (relation === 'API token') continue;
      expect(answer(unenrolled, action, RELATIONS[relation].record), `${action} × ${relation}`).toBe(expected);
    }
  });

  it('names the kind of a hidden record in its 404, as a missing one', () => {
    expect(() => authorize(actorWith('org_admin'), 'user.read', { kind: 'user', organisationId: OTHER })).toThrow(
      'No such user.',
    );
  });
});
