import type { PersonalField } from '../../shared/referral/vocabulary.js';
import type { DemoCase } from './referral-demo-types.js';
import { NG_UNITS, NGO_ES_UNITS } from './referral-organisations-data.js';
import { PROVIDER_NAMES } from './referral-providers-data.js';

/**
 * The cases the demo tells a story with. THE story: a Nigerian woman found in Spain by a Spanish
 * anti-trafficking NGO, screened, who consents to be referred home to NAPTIP's reintegration unit
 * with only some of her details (not her contact nor where she was found); NAPTIP has its own copy
 * of the case and has yet to answer. Around it: earlier transnational referrals at every stage, a
 * withdrawn consent, a child's case under the best-interests procedure, a case pseudonymised by
 * retention. Every person is fictional.
 */
export const STORY_CASE_KEY = 'story-amaka';

const FCE_DESK = { organisation: 'ngo-es', unit: NGO_ES_UNITS.desk };
const FCE_SHELTER = { organisation: 'ngo-es', unit: NGO_ES_UNITS.shelter };
const FCE_SHELTER_SERVICE = { provider: PROVIDER_NAMES.fceShelter };
const NAPTIP_REINTEGRATION = { organisation: 'ng', unit: NG_UNITS.reintegration };
const TRAFFICKING_YES = [
  'deception_false_job',
  'coercion_documents_confiscated',
  'coercion_debt_bondage',
  'exploitation_sexual',
  'movement_recruited_by_others',
  'movement_travel_paid_by_others',
];
/** What the shelter next door needs to know: names, languages and how to reach her. */
const SHELTER_FIELDS: PersonalField[] = ['givenNames', 'familyName', 'languages', 'contact'];
const HOME_FIELDS = ['givenNames', 'familyName', 'dateOfBirth', 'sex', 'nationality', 'languages'] as const;

export const STORY_CASES: readonly DemoCase[] = [
  {
    key: STORY_CASE_KEY,
    by: 'caseworker.ngo-es@liaison.demo',
    unit: FCE_DESK,
    // Its last step is today's: NAPTIP has the day to answer.
    opened: -17,
    caseType: 'trafficking',
    person: {
      givenNames: 'Amaka',
      familyName: 'Fictional-Okafor',
      dateOfBirth: '1999-03-14',
      sex: 'female',
      nationality: 'NG',
      languages: ['en', 'ig'],
      contact: '+34 600 000 101 (through the shelter)',
      placeFound: 'Outreach visit, El Ejido, Almería',
    },
    notes: 'Met during an outreach visit; wishes to go home to Benin City and asked for help to do so safely.',
    steps: [
      [2, { do: 'screen', yes: [...TRAFFICKING_YES, 'protection_wish_to_return'], notes: 'Interview with an Igbo interpreter.' }],
      [0, { do: 'consent', scope: 'share_with_service', to: FCE_SHELTER_SERVICE, fields: SHELTER_FIELDS, how: 'written' }],
      [0, { do: 'refer', to: FCE_SHELTER_SERVICE, needs: ['shelter', 'psychosocial_support'], fields: SHELTER_FIELDS }],
      [1, { do: 'status', status: 'accepted', by: 'caseworker2.ngo-es@liaison.demo' }],
      [3, { do: 'status', status: 'in_progress', by: 'caseworker2.ngo-es@liaison.demo' }],
      [
        9,
        { do: 'consent', scope: 'transnational_referral', to: { organisation: 'ng' }, fields: [...HOME_FIELDS], how: 'written' },
      ],
      [
        2,
        {
          do: 'refer',
          to: NAPTIP_REINTEGRATION,
          needs: ['return_reintegration', 'psychosocial_support'],
          urgency: 'high',
          fields: [...HOME_FIELDS],
        },
      ],
    ],
  },
  {
    key: 'transnational-in-progress',
    by: 'caseworker.ngo-es@liaison.demo',
    unit: FCE_DESK,
    opened: -160,
    caseType: 'trafficking',
    person: {
      givenNames: 'Blessing',
      familyName: 'Sample-Igbinedion',
      dateOfBirth: '1996-11-02',
      sex: 'female',
      nationality: 'NG',
      languages: ['en'],
      contact: 'Through the shelter',
      placeFound: 'Madrid, referred by a health centre',
    },
    steps: [
      [3, { do: 'screen', yes: [...TRAFFICKING_YES, 'protection_wish_to_return', 'medical_pregnancy'] }],
      [
        6,
        {
          do: 'consent',
          scope: 'transnational_referral',
          to: { organisation: 'ng' },
          fields: ['givenNames', 'familyName', 'dateOfBirth', 'nationality'],
          how: 'written',
        },
      ],
      [
        1,
        {
          do: 'refer',
          to: NAPTIP_REINTEGRATION,
          needs: ['return_reintegration', 'medical_care'],
          fields: ['givenNames', 'familyName', 'dateOfBirth', 'nationality'],
        },
      ],
      [2, { do: 'status', status: 'accepted', by: 'caseworker.ng@liaison.demo' }],
      [30, { do: 'status', status: 'in_progress', by: 'caseworker.ng@liaison.demo' }],
    ],
  },
  {
    key: 'transnational-completed',
    by: 'caseworker2.ngo-es@liaison.demo',
    unit: FCE_SHELTER,
    opened: -430,
    caseType: 'trafficking',
    person: {
      givenNames: 'Joy',
      familyName: 'Demo-Osagie',
      dateOfBirth: '2001-06-21',
      sex: 'female',
      nationality: 'NG',
      languages: ['en'],
      placeFound: 'Shelter intake, Madrid',
    },
    steps: [
      [2, { do: 'screen', yes: [...TRAFFICKING_YES, 'coercion_threats_family', 'protection_wish_to_return'] }],
      [
        12,
        { do: 'consent', scope: 'transnational_referral', to: { organisation: 'ng' }, fields: [...HOME_FIELDS], how: 'written' },
      ],
      [1, { do: 'refer', to: NAPTIP_REINTEGRATION, needs: ['return_reintegration', 'shelter'], fields: [...HOME_FIELDS] }],
      [1, { do: 'status', status: 'accepted', by: 'caseworker.ng@liaison.demo' }],
      [20, { do: 'status', status: 'in_progress', by: 'caseworker.ng@liaison.demo' }],
      [
        95,
        {
          do: 'status',
          status: 'completed',
          by: 'caseworker.ng@liaison.demo',
          outcome: 'service_provided',
          outcomeNote: 'Reintegration plan in place; vocational training started.',
        },
      ],
      [10, { do: 'close', reason: 'Returned home safely; reintegration followed by the partner agency.' }],
    ],
  },
  {
    key: 'transnational-declined',
    by: 'caseworker.ngo-es@liaison.demo',
    unit: FCE_DESK,
    opened: -300,
    caseType: 'trafficking',
    person: {
      givenNames: 'Precious',
      familyName: 'Example-Ehigie',
      dateOfBirth: '1994-01-30',
      sex: 'female',
      nationality: 'NG',
      languages: ['en'],
    },
    steps: [
      [
        4,
        {
          do: 'screen',
          yes: [
            'deception_false_job',
            'exploitation_excessive_work',
            'movement_recruited_by_others',
            'protection_wish_to_return',
          ],
        },
      ],
      [
        5,
        {
          do: 'consent',
          scope: 'transnational_referral',
          to: { organisation: 'ng' },
          fields: ['givenNames', 'familyName', 'nationality'],
          how: 'verbal_witnessed',
        },
      ],
      [
        1,
        {
          do: 'refer',
          to: NAPTIP_REINTEGRATION,
          needs: ['return_reintegration'],
          fields: ['givenNames', 'familyName', 'nationality'],
        },
      ],
      [
        3,
        {
          do: 'status',
          status: 'declined',
          by: 'caseworker.ng@liaison.demo',
          reason: 'The person lives in Edo State: the Benin City zonal command answers; please refer there.',
        },
      ],
    ],
  },
  {
    key: 'consent-withdrawn',
    by: 'caseworker.ngo-es@liaison.demo',
    unit: FCE_DESK,
    opened: -95,
    caseType: 'trafficking',
    person: {
      givenNames: 'Favour',
      familyName: 'Placeholder-Eze',
      dateOfBirth: '1998-08-08',
      sex: 'female',
      nationality: 'NG',
      languages: ['en'],
    },
    steps: [
      [3, { do: 'screen', yes: ['coercion_debt_bondage', 'exploitation_sexual', 'movement_travel_paid_by_others'] }],
      [
        2,
        {
          do: 'consent',
          scope: 'share_with_service',
          to: FCE_SHELTER_SERVICE,
          fields: ['givenNames', 'familyName', 'languages'],
          how: 'written',
        },
      ],
      [
        1,
        {
          do: 'refer',
          to: FCE_SHELTER_SERVICE,
          needs: ['shelter'],
          fields: ['givenNames', 'familyName', 'languages'],
        },
      ],
      [1, { do: 'status', status: 'accepted', by: 'caseworker2.ngo-es@liaison.demo' }],
      [15, { do: 'withdraw', reason: 'The person asked that her details no longer be shared.' }],
    ],
  },
  {
    key: 'child-best-interests',
    by: 'caseworker.ngo@liaison.demo',
    unit: { organisation: 'ngo', unit: 'Migrant assistance desk' },
    opened: -75,
    caseType: 'unaccompanied_child',
    isChild: true,
    person: {
      givenNames: 'Mamadou',
      familyName: 'Exemple-Sow',
      dateOfBirth: '2011-09-01',
      sex: 'male',
      nationality: 'GN',
      languages: ['fr', 'ff'],
      placeFound: 'Bus station, Tambacounda',
    },
    steps: [
      [
        1,
        {
          do: 'screen',
          yes: ['age_declared_minor', 'age_no_documents', 'protection_family_separated', 'movement_recruited_by_others'],
        },
      ],
      [
        1,
        {
          do: 'bestInterests',
          step: 'guardian_appointed',
          decision: 'recorded',
          authority: 'Tambacounda children’s judge (fictional)',
        },
      ],
      [
        2,
        {
          do: 'bestInterests',
          step: 'child_protection_informed',
          decision: 'recorded',
          authority: 'Departmental child protection service',
        },
      ],
      [
        5,
        {
          do: 'bestInterests',
          step: 'best_interests_determination',
          decision: 'referral_in_best_interests',
          authority: 'Best-interests panel, Tambacounda',
        },
      ],
      [
        1,
        {
          do: 'refer',
          to: { provider: PROVIDER_NAMES.redCrossFamilyLinks },
          needs: ['family_tracing'],
          fields: ['givenNames', 'familyName', 'dateOfBirth', 'nationality', 'languages'],
        },
      ],
      [2, { do: 'status', status: 'accepted', by: 'caseworker.ngo@liaison.demo' }],
      [4, { do: 'status', status: 'in_progress', by: 'caseworker.ngo@liaison.demo' }],
    ],
  },
  {
    key: 'pseudonymised',
    by: 'caseworker.ngo@liaison.demo',
    unit: { organisation: 'ngo', unit: 'Restoring family links' },
    opened: -1010,
    caseType: 'medical',
    person: {
      givenNames: 'Awa',
      familyName: 'Fictive-Diallo',
      dateOfBirth: '1988-04-12',
      sex: 'female',
      nationality: 'ML',
      languages: ['fr', 'bm'],
    },
    steps: [
      [1, { do: 'screen', yes: [], medical: 'urgent' }],
      [20, { do: 'close', reason: 'Treatment completed; no further assistance requested.' }],
    ],
  },
];
