import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles.js';
import type { Actor } from '../auth/actor.js';
import { type Action, decide } from './policy.js';

const OWN = 'org-own';
const OTHER = 'org-other';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  email: 'u@example.org',
  displayName: 'U',
  organisationId: OWN,
  unitIds: [],
  organisation: { id: OWN, name: 'Own', acronym: null, country: null, kind: 'government_agency' },
  units: [],
  roles,
  sharingGroupIds: [],
  locale: 'en',
  via: 'session',
  credentialHash: 'h',
  totpEnabled: true,
  mustEnrolTotp: false,
  ...overrides,
});

type Outcome = 'allow' | 'deny' | 'hide';
const outcome = (a: Actor | null, action: Action, organisationId?: string): Outcome => {
  const decision = decide(a, action, organisationId ? { organisationId } : undefined);
  return decision.allow ? 'allow' : decision.hide ? 'hide' : 'deny';
};

// role × action × (own organisation, other organisation)
const TABLE: [Role, Action, Outcome, Outcome][] = [
  ['platform_admin', 'organisation.create', 'allow', 'allow'],
  ['platform_admin', 'organisation.update', 'allow', 'allow'],
  ['platform_admin', 'user.create', 'allow', 'allow'],
  ['platform_admin', 'user.grantPlatformAdmin', 'allow', 'allow'],
  ['platform_admin', 'sharingGroup.create', 'allow', 'allow'],
  ['org_admin', 'organisation.read', 'allow', 'hide'],
  ['org_admin', 'organisation.update', 'deny', 'deny'],
  ['org_admin', 'organisation.create', 'deny', 'deny'],
  ['org_admin', 'unit.create', 'allow', 'hide'],
  ['org_admin', 'unit.update', 'allow', 'hide'],
  ['org_admin', 'user.create', 'allow', 'hide'],
  ['org_admin', 'user.read', 'allow', 'hide'],
  ['org_admin', 'user.grantPlatformAdmin', 'deny', 'deny'],
  ['org_admin', 'sharingGroup.create', 'deny', 'deny'],
  ['org_admin', 'audit.read', 'allow', 'hide'],
  ['org_admin', 'directory.manage', 'allow', 'hide'],
  ['platform_admin', 'directory.manage', 'allow', 'allow'],
  ...(['focal_point', 'analyst', 'case_worker', 'moderator', 'reader'] as Role[]).flatMap(
    (role): [Role, Action, Outcome, Outcome][] => [
      [role, 'user.list', 'deny', 'deny'],
      [role, 'user.create', 'deny', 'deny'],
      [role, 'unit.update', 'deny', 'deny'],
      [role, 'organisation.read', 'deny', 'deny'],
      [role, 'sharingGroup.list', 'allow', 'allow'],
      [role, 'sharingGroup.update', 'deny', 'deny'],
      [role, 'account.update', 'allow', 'allow'],
      [role, 'audit.read', 'deny', 'deny'],
      [role, 'directory.read', 'allow', 'allow'],
      [role, 'directory.manage', 'deny', 'deny'],
      [role, 'message.read', 'allow', 'allow'],
      [role, 'message.send', role === 'reader' ? 'deny' : 'allow', role === 'reader' ? 'deny' : 'allow'],
    ],
  ),
];

describe('policy table', () => {
  it.each(TABLE)('%s × %s: own organisation %s, other organisation %s', (role, action, own, other) => {
    expect(outcome(actor([role]), action, OWN)).toBe(own);
    expect(outcome(actor([role]), action, OTHER)).toBe(other);
  });

  it('denies everything but public routes without an actor', () => {
    expect(outcome(null, 'public')).toBe('allow');
    expect(outcome(null, 'account.read')).toBe('deny');
    expect(outcome(null, 'sharingGroup.list')).toBe('deny');
    // Open to the public, answered through the visibility rule (TLP:CLEAR only without a session).
    expect(outcome(null, 'knowledge.read')).toBe('allow');
    expect(outcome(null, 'directory.read')).toBe('deny');
    expect(outcome(null, 'message.read')).toBe('deny');
  });

  it('lets an administrator without a second factor only enrol one', () => {
    const unenrolled = actor(['platform_admin'], { mustEnrolTotp: true });
    expect(outcome(unenrolled, 'account.secondFactor')).toBe('allow');
    expect(outcome(unenrolled, 'account.read')).toBe('allow');
    expect(outcome(unenrolled, 'user.list')).toBe('deny');
    expect(outcome(unenrolled, 'account.tokens')).toBe('deny');
  });

  it('lets only the secretariat (working roles) and platform admins curate the library', () => {
    const secretariat = { id: OWN, name: 'Secretariat', acronym: null, country: null, kind: 'secretariat' };
    expect(outcome(actor(['platform_admin']), 'knowledge.curate')).toBe('allow');
    for (const role of ['focal_point', 'analyst', 'moderator', 'org_admin'] as Role[]) {
      expect(outcome(actor([role], { organisation: secretariat }), 'knowledge.curate')).toBe('allow');
      expect(outcome(actor([role]), 'knowledge.curate')).toBe('deny');
    }
    expect(outcome(actor(['reader'], { organisation: secretariat }), 'knowledge.curate')).toBe('deny');
    expect(outcome(null, 'knowledge.curate')).toBe('deny');
  });

  it('keeps API tokens away from account takeover actions', () => {
    const viaToken = actor(['org_admin'], { via: 'token' });
    expect(outcome(viaToken, 'account.tokens')).toBe('deny');
    expect(outcome(viaToken, 'account.update')).toBe('deny');
    expect(outcome(viaToken, 'user.list')).toBe('allow');
  });
});
