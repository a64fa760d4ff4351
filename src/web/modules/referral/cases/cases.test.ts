import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseHistoryEntry } from '../../../../shared/referral/cases-contract.js';
import { describe as describeEntry } from './case-history.js';
import { isMinor } from './cases-api.js';
import { parseCaseSearch } from './cases-search.js';
import en from './i18n/en.json' with { type: 'json' };
import { changesOf, draftOf, EMPTY_PERSON, personErrors, personInput } from './person.js';

const detail: CaseDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'LSN-ABCD2345',
  caseType: 'trafficking',
  status: 'open',
  isChild: false,
  ownerUnit: { id: '00000000-0000-4000-8000-000000000002', name: 'Unit', organisationId: '00000000-0000-4000-8000-000000000003' },
  latestAssessment: null,
  openReferrals: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  access: 'owner',
  revision: 3,
  closedAt: null,
  closureReason: null,
  pseudonymised: false,
  receivedThroughReferralId: null,
  person: {
    givenNames: 'Amina',
    familyName: 'Benali',
    dateOfBirth: '1995-04-12',
    sex: 'female',
    nationality: 'MA',
    languages: ['ar'],
    contact: null,
    placeFound: 'Tangier',
  },
  personFields: ['givenNames', 'familyName', 'dateOfBirth', 'sex', 'nationality', 'languages', 'contact', 'placeFound'],
  notes: 'First note',
};

describe('parseCaseSearch', () => {
  it('keeps the known status and type and never a name or a date of birth', () => {
    expect(parseCaseSearch({ status: 'open', type: 'medical', q: 'Benali', dateOfBirth: '1995-04-12' })).toEqual({
      status: 'open',
      type: 'medical',
    });
    expect(parseCaseSearch({ status: 'lost', type: 'x', unit: 'not-an-id' })).toEqual({});
    const unit = '00000000-0000-4000-8000-000000000002';
    expect(parseCaseSearch({ unit })).toEqual({ unit });
  });
});

describe('isMinor', () => {
  it('is true until the eighteenth birthday, false from that day', () => {
    expect(isMinor('2008-12-08', '2026-12-07')).toBe(true);
    expect(isMinor('2008-12-07', '2026-12-07')).toBe(false);
    expect(isMinor('1995-04-12', '2026-12-07')).toBe(false);
    expect(isMinor('not a date', '2026-12-07')).toBe(false);
  });
});

describe('the person between form and API', () => {
  it('sends no empty field and trims the text', () => {
    expect(personInput({ ...EMPTY_PERSON, givenNames: ' Amina ', familyName: 'Benali', contact: '  ' })).toEqual({
      givenNames: 'Amina',
      familyName: 'Benali',
    });
  });

  it('asks for both names and refuses a date of birth in the future', () => {
    const errors = personErrors({ ...EMPTY_PERSON, dateOfBirth: '2999-01-01' }, (key) => key);
    expect(errors.givenNames).toBe('referralCases.form.errors.givenNames');
    expect(errors.familyName).toBe('referralCases.form.errors.familyName');
    expect(errors.dateOfBirth).toBe('referralCases.form.errors.dateOfBirth');
    expect(Object.values(personErrors(draftOf(detail), (key) => key)).every((error) => !error)).toBe(true);
  });

  it('sends only what changed: a cleared field as null, cleared notes as null', () => {
    const draft = { ...draftOf(detail), placeFound: '', contact: '+212 600', languages: ['ar', 'fr'] };
    expect(changesOf(detail, draft, 'trafficking', false, 'First note')).toEqual({
      person: { placeFound: null, contact: '+212 600', languages: ['ar', 'fr'] },
    });
    expect(changesOf(detail, draftOf(detail), 'medical', true, '')).toEqual({ caseType: 'medical', isChild: true, notes: null });
    expect(changesOf(detail, draftOf(detail), 'trafficking', false, ' First note ')).toEqual({});
  });
});

describe('a history entry in words', () => {
  it('names the part of the case, its event and its codes, and keeps an unknown code as it is', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
    const entry = (source: CaseHistoryEntry['source'], event: string): CaseHistoryEntry => ({
      at: '2026-12-07T10:00:00.000Z',
      source,
      event,
      recordId: null,
      fields: [],
      reason: null,
      actor: null,
    });
    const say = (source: CaseHistoryEntry['source'], event: string) => describeEntry(i18n.t, entry(source, event));
    expect(say('case', 'opened')).toBe('Case opened');
    expect(say('screening', 'presumed_victim')).toBe('Screening recorded: Presumed victim');
    expect(say('consent', 'withdrawn:share_with_service')).toBe('Consent withdrawn: share with a service');
    expect(say('best_interests', 'guardian_appointed:recorded')).toBe('Best-interests step: guardian appointed (recorded)');
    expect(say('referral', 'in_progress')).toBe('Referral: in progress');
    expect(say('case', 'reopened')).toBe('reopened');
  });
});
