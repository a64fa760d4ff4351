import { describe, expect, it } from 'vitest';
import { checkForward, type ForwardRecord, type ForwardTargets } from './forwarding.js';
import type { HandlingCode } from './handling-codes.js';

// Morocco (MA) sends to a Spanish unit; Senegal (SN) and Niger (NE) are in the record's sharing
// group when it has one; Italy (IT) is outside.
const record = (handlingCode: HandlingCode, distribution: Partial<ForwardRecord> = {}): ForwardRecord => ({
  handlingCode,
  originatorUnitId: 'unit-ma',
  originatorOrganisationId: 'org-ma',
  recipientUnits: ['unit-es'],
  recipientOrganisations: ['org-es'],
  recipientSharingGroups: [],
  sharingGroupMembers: [],
  toAllPartners: false,
  ...distribution,
});
const inGroup = { recipientSharingGroups: ['group'], sharingGroupMembers: ['org-sn', 'org-ne'] };
const spanishForwarder = { organisationId: 'org-es', unitIds: ['unit-es'], sharingGroupIds: [] };

const none: ForwardTargets = { units: [], organisations: [], sharingGroups: [], allPartners: false };
const unit = (organisationId: string): ForwardTargets => ({ ...none, units: [{ id: `unit-${organisationId}`, organisationId }] });
const TARGETS = {
  'a unit of my organisation': unit('org-es'),
  'a unit of the originator': unit('org-ma'),
  'a unit of a group member': unit('org-sn'),
  'a unit outside': unit('org-it'),
  'my whole organisation': { ...none, organisations: ['org-es'] },
  'an organisation outside': { ...none, organisations: ['org-it'] },
  'the same group': { ...none, sharingGroups: [{ id: 'group', memberOrganisations: ['org-sn', 'org-ne'] }] },
  'a group with an outsider': { ...none, sharingGroups: [{ id: 'other', memberOrganisations: ['org-sn', 'org-it'] }] },
  'all partners': { ...none, allPartners: true },
} satisfies Record<string, ForwardTargets>;
type Target = keyof typeof TARGETS;

const ALLOWED: Record<string, Target[]> = {
  'TLP:AMBER+STRICT': ['a unit of my organisation', 'my whole organisation'],
  'TLP:AMBER': ['a unit of my organisation', 'a unit of the originator'],
  'TLP:AMBER in a group': ['a unit of my organisation', 'a unit of the originator', 'a unit of a group member'],
  'TLP:GREEN': ['a unit of my organisation', 'a unit of the originator', 'my whole organisation'],
  'TLP:GREEN in a group': [
    'a unit of my organisation',
    'a unit of the originator',
    'a unit of a group member',
    'my whole organisation',
    'the same group',
  ],
  'TLP:GREEN to all partners': Object.keys(TARGETS) as Target[],
  'TLP:CLEAR': Object.keys(TARGETS) as Target[],
};
const RECORDS: Record<string, ForwardRecord> = {
  'TLP:AMBER+STRICT': record('TLP:AMBER+STRICT'),
  'TLP:AMBER': record('TLP:AMBER'),
  'TLP:AMBER in a group': record('TLP:AMBER', inGroup),
  'TLP:GREEN': record('TLP:GREEN'),
  'TLP:GREEN in a group': record('TLP:GREEN', inGroup),
  'TLP:GREEN to all partners': record('TLP:GREEN', { toAllPartners: true }),
  'TLP:CLEAR': record('TLP:CLEAR'),
};

describe('forwarding follows the handling code', () => {
  for (const [name, original] of Object.entries(RECORDS)) {
    for (const target of Object.keys(TARGETS) as Target[]) {
      const expected = ALLOWED[name].includes(target);
      it(`${name} → ${target}: ${expected ? 'allowed' : 'refused'}`, () => {
        const decision = checkForward(original, spanishForwarder, TARGETS[target]);
        expect(decision.allow).toBe(expected);
        if (!decision.allow) {
          expect(decision.code).toBe('forward-widens-audience');
          expect(decision.reason).toMatch(/TLP:/);
        }
      });
    }
  }

  it('never forwards TLP:RED, not even inside the organisation', () => {
    for (const target of Object.keys(TARGETS) as Target[]) {
      const decision = checkForward(record('TLP:RED'), spanishForwarder, TARGETS[target]);
      expect(decision).toMatchObject({ allow: false, code: 'forward-red' });
    }
  });

  it('lets a forward keep or tighten the code, never loosen it', () => {
    const amber = record('TLP:AMBER');
    const target = TARGETS['a unit of my organisation'];
    expect(checkForward(amber, spanishForwarder, target, 'TLP:AMBER+STRICT').allow).toBe(true);
    expect(checkForward(amber, spanishForwarder, target, 'TLP:AMBER').allow).toBe(true);
    expect(checkForward(amber, spanishForwarder, target, 'TLP:GREEN')).toMatchObject({
      allow: false,
      code: 'forward-looser-code',
    });
    expect(checkForward(record('TLP:GREEN'), spanishForwarder, target, 'TLP:CLEAR').allow).toBe(false);
  });

  it('keeps TLP:AMBER+STRICT inside the forwarder’s organisation, even towards the originator', () => {
    const moroccanForwarder = { organisationId: 'org-ma', unitIds: ['unit-ma-2'], sharingGroupIds: [] };
    const strict = record('TLP:AMBER+STRICT');
    expect(checkForward(strict, moroccanForwarder, unit('org-ma')).allow).toBe(true);
    expect(checkForward(strict, moroccanForwarder, unit('org-es')).allow).toBe(false);
  });
});
