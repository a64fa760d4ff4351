import type { CaseType, PersonalField, ServiceType } from '../../shared/referral/vocabulary.js';
import type { DemoCase, DemoPerson, DemoStep, DemoUnitRef } from './referral-demo-types.js';
import { NG_UNITS, NGO_ES_UNITS } from './referral-organisations-data.js';
import { PROVIDER_NAMES } from './referral-providers-data.js';

/**
 * The demo's everyday cases, beside the story (referral-story-data.ts): opened over the past
 * eighteen months by Spain's police and NGO, NAPTIP, the Senegalese Red Cross and Morocco, in every
 * state a case and a referral can be in. Each is a person (fictional) and what happened, in short.
 */
interface Desk {
  by: string;
  unit: DemoUnitRef;
}
const DESKS = {
  police: { by: 'caseworker.es@liaison.demo', unit: { organisation: 'es', unit: 'Unit against illegal immigration networks' } },
  fce: { by: 'caseworker.ngo-es@liaison.demo', unit: { organisation: 'ngo-es', unit: NGO_ES_UNITS.desk } },
  naptip: { by: 'caseworker2.ng@liaison.demo', unit: { organisation: 'ng', unit: NG_UNITS.desk } },
  redcross: { by: 'caseworker.ngo@liaison.demo', unit: { organisation: 'ngo', unit: 'Migrant assistance desk' } },
  morocco: { by: 'caseworker.ma@liaison.demo', unit: { organisation: 'ma', unit: 'National anti-smuggling unit' } },
} satisfies Record<string, Desk>;

/** Where each desk refers to: a provider of the demo directory, and the account of the unit that answers. */
const SERVICES: Record<keyof typeof DESKS, { provider: string; answers: string; needs: ServiceType[] }> = {
  police: {
    provider: PROVIDER_NAMES.fceShelter,
    answers: 'caseworker2.ngo-es@liaison.demo',
    needs: ['shelter', 'psychosocial_support'],
  },
  fce: { provider: PROVIDER_NAMES.fceShelter, answers: 'caseworker2.ngo-es@liaison.demo', needs: ['shelter', 'legal_aid'] },
  naptip: {
    provider: PROVIDER_NAMES.naptipShelter,
    // An entry of the whole agency: the referring desk records the answers.
    answers: 'caseworker2.ng@liaison.demo',
    needs: ['shelter', 'return_reintegration'],
  },
  redcross: { provider: PROVIDER_NAMES.redCrossFamilyLinks, answers: 'caseworker.ngo@liaison.demo', needs: ['family_tracing'] },
  morocco: { provider: PROVIDER_NAMES.redCrossFamilyLinks, answers: 'caseworker.ngo@liaison.demo', needs: ['family_tracing'] },
};

/** What happened to a case: how far it went. */
type Stage =
  | 'opened'
  | 'screened'
  | 'consented'
  | 'sent'
  | 'accepted'
  | 'declined'
  | 'in_progress'
  | 'completed'
  | 'closed_referral'
  | 'closed';

type Row = [desk: keyof typeof DESKS, opened: number, type: CaseType, stage: Stage, person: DemoPerson, yes: string[]];

const SHARED: PersonalField[] = ['givenNames', 'familyName', 'languages'];
const EXPLOITED = [
  'deception_false_job',
  'coercion_documents_confiscated',
  'exploitation_unpaid_work',
  'movement_recruited_by_others',
];
const SMUGGLED = ['movement_travel_paid_by_others', 'protection_fear_of_return'];
const SEPARATED = ['protection_family_separated'];

const p = (
  givenNames: string,
  familyName: string,
  dateOfBirth: string,
  sex: DemoPerson['sex'],
  nationality: string,
  languages: string[],
) => ({
  givenNames,
  familyName,
  dateOfBirth,
  sex,
  nationality,
  languages,
});

const ROWS: Row[] = [
  ['police', -520, 'trafficking', 'completed', p('Joy', 'Sample-Eghosa', '1997-02-11', 'female', 'NG', ['en']), EXPLOITED],
  ['police', -470, 'trafficking', 'closed', p('Rosa', 'Ficticia-Mendoza', '1990-07-19', 'female', 'PY', ['es']), EXPLOITED],
  [
    'police',
    -350,
    'trafficking',
    'closed_referral',
    p('Ana', 'Inventada-Quispe', '1993-12-03', 'female', 'CO', ['es']),
    EXPLOITED,
  ],
  ['police', -240, 'trafficking', 'in_progress', p('Mercy', 'Demo-Omoregie', '2000-05-25', 'female', 'NG', ['en']), EXPLOITED],
  [
    'police',
    -120,
    'other_vulnerability',
    'declined',
    p('Ibrahim', 'Example-Touré', '1995-10-10', 'male', 'ML', ['fr', 'bm']),
    SMUGGLED,
  ],
  ['police', -12, 'trafficking', 'sent', p('Linh', 'Sample-Nguyen', '1999-01-15', 'female', 'VN', ['vi']), EXPLOITED],
  ['police', -4, 'trafficking', 'opened', p('Esther', 'Fictional-Uwa', '2002-04-04', 'female', 'NG', ['en']), []],
  ['fce', -500, 'trafficking', 'completed', p('Gift', 'Placeholder-Aigbe', '1995-09-09', 'female', 'NG', ['en']), EXPLOITED],
  ['fce', -380, 'trafficking', 'closed', p('Mihaela', 'Exemplu-Popescu', '1992-03-27', 'female', 'RO', ['ro']), EXPLOITED],
  ['fce', -200, 'trafficking', 'accepted', p('Faith', 'Demo-Idahosa', '1997-12-12', 'female', 'NG', ['en']), EXPLOITED],
  ['fce', -60, 'trafficking', 'consented', p('Sandra', 'Ficticia-Osei', '1998-06-30', 'female', 'GH', ['en', 'tw']), EXPLOITED],
  ['fce', -9, 'trafficking', 'screened', p('Grace', 'Sample-Edo', '2003-08-18', 'female', 'NG', ['en']), EXPLOITED],
  [
    'naptip',
    -540,
    'trafficking',
    'completed',
    p('Ifeoma', 'Fictional-Nwachukwu', '1996-05-05', 'female', 'NG', ['en', 'ig']),
    EXPLOITED,
  ],
  ['naptip', -410, 'trafficking', 'closed', p('Chinedu', 'Example-Okeke', '1989-11-23', 'male', 'NG', ['en', 'ig']), EXPLOITED],
  [
    'naptip',
    -260,
    'trafficking',
    'in_progress',
    p('Aisha', 'Demo-Abubakar', '2004-02-29', 'female', 'NG', ['en', 'ha']),
    EXPLOITED,
  ],
  ['naptip', -140, 'trafficking', 'declined', p('Tolu', 'Sample-Adebayo', '1999-07-07', 'female', 'NG', ['en', 'yo']), EXPLOITED],
  [
    'naptip',
    -30,
    'other_vulnerability',
    'screened',
    p('Musa', 'Placeholder-Garba', '1985-01-01', 'male', 'NG', ['ha']),
    SMUGGLED,
  ],
  [
    'redcross',
    -495,
    'international_protection',
    'completed',
    p('Aminata', 'Exemple-Keita', '1991-10-14', 'female', 'GN', ['fr']),
    [...SMUGGLED, ...SEPARATED],
  ],
  ['redcross', -330, 'medical', 'closed', p('Seydou', 'Fictif-Traoré', '1987-06-06', 'male', 'ML', ['fr', 'bm']), []],
  [
    'redcross',
    -280,
    'other_vulnerability',
    'closed_referral',
    p('Fatou', 'Essai-Cissé', '1993-09-21', 'female', 'GM', ['en', 'wo']),
    SEPARATED,
  ],
  [
    'redcross',
    -170,
    'international_protection',
    'accepted',
    p('Yao', 'Modèle-Kouassi', '1990-04-17', 'male', 'CI', ['fr']),
    [...SMUGGLED, ...SEPARATED],
  ],
  ['redcross', -45, 'medical', 'sent', p('Khadija', 'Démo-Barry', '1996-12-25', 'female', 'GN', ['fr', 'ff']), SEPARATED],
  ['redcross', -2, 'other_vulnerability', 'opened', p('Lamine', 'Exemple-Faye', '2000-03-03', 'male', 'SN', ['fr', 'wo']), []],
  [
    'morocco',
    -450,
    'other_vulnerability',
    'completed',
    p('Oumar', 'Fictif-Konaté', '1994-08-15', 'male', 'ML', ['fr']),
    SEPARATED,
  ],
  [
    'morocco',
    -220,
    'trafficking',
    'in_progress',
    p('Marie', 'Essai-Ngono', '1997-01-09', 'female', 'CM', ['fr']),
    [...EXPLOITED, ...SEPARATED],
  ],
  [
    'morocco',
    -80,
    'international_protection',
    'sent',
    p('Abdoul', 'Démo-Sall', '1992-05-30', 'male', 'SN', ['fr', 'wo']),
    [...SMUGGLED, ...SEPARATED],
  ],
  ['morocco', -20, 'medical', 'screened', p('Salif', 'Modèle-Coulibaly', '1998-11-11', 'male', 'ML', ['fr']), []],
];

/** The steps that bring a case to its stage: screening, consent, referral, answers, closure. */
function stepsTo(stage: Stage, desk: keyof typeof DESKS, yes: string[], opened: number): [number, DemoStep][] {
  const service = SERVICES[desk];
  const steps: [number, DemoStep][] = [];
  if (stage === 'opened') return steps;
  steps.push([2, { do: 'screen', yes, medical: yes.length === 0 ? 'non_urgent' : undefined }]);
  if (stage === 'screened') return steps;
  const to = { provider: service.provider };
  steps.push([3, { do: 'consent', scope: 'share_with_service', to, fields: SHARED, how: 'written' }]);
  if (stage === 'consented') return steps;
  steps.push([1, { do: 'refer', to, needs: service.needs, fields: SHARED }]);
  if (stage === 'sent') return steps;
  const answer = (status: DemoStep & { do: 'status' }) => status;
  if (stage === 'declined') {
    steps.push([
      2,
      answer({ do: 'status', status: 'declined', by: service.answers, reason: 'No place available for the coming weeks.' }),
    ]);
    return steps;
  }
  steps.push([1, answer({ do: 'status', status: 'accepted', by: service.answers })]);
  if (stage === 'accepted') return steps;
  if (stage === 'closed_referral') {
    steps.push([20, answer({ do: 'status', status: 'closed', by: service.answers, outcome: 'lost_contact' })]);
    return steps;
  }
  steps.push([7, answer({ do: 'status', status: 'in_progress', by: service.answers })]);
  if (stage === 'in_progress') return steps;
  // Completed and closed cases end well within the time since they were opened.
  const length = Math.min(90, Math.floor(-opened / 3));
  steps.push([length, answer({ do: 'status', status: 'completed', by: service.answers, outcome: 'service_provided' })]);
  if (stage === 'closed') steps.push([14, { do: 'close', reason: 'Assistance completed; the person left the programme.' }]);
  return steps;
}

export const EVERYDAY_CASES: readonly DemoCase[] = ROWS.map(([desk, opened, caseType, stage, person, yes], index) => ({
  key: `everyday-${index + 1}`,
  ...DESKS[desk],
  opened,
  caseType,
  person,
  steps: stepsTo(stage, desk, yes, opened),
}));
