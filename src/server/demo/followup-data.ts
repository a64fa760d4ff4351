import type { ActionStatus, IndicatorDirection, ValueType } from '../../shared/followup/vocabulary.js';
import type { Target } from './demo-recipients.js';

/**
 * Demo follow-up: what the demo partners committed to do on recommendations of three documents of
 * the demo library (the Côte d'Ivoire workshop on migrant smuggling, the Sofia meeting on integrated
 * border management, the Marrakesh meeting on humanised border management). Fictional plans and
 * figures; every date is a number of days from the seeding date (negative: in the past), so that
 * "overdue", "due within 30 days" and "late" stay true whenever the demo is loaded.
 */

/** Days from the seeding date. */
export type Day = number;

/** A library recommendation, found by a fragment of its document's title and of its own text. */
export interface DemoRecommendation {
  document: string;
  text: string;
}

/** A change of an action: a new status (with its reason) and/or a new due date. */
export interface ActionStep {
  day: Day;
  status: ActionStatus;
  reason?: string;
  due?: Day;
}

export interface DemoAction {
  title: string;
  description: string;
  /** The owner unit: an organisation key of demo-data.ts and the index of one of its units. */
  owner: [string, number];
  due: Day;
  steps: ActionStep[];
}

/** [value, day measured, source, evidence link]. */
export type DemoMeasurement = [number, Day, string, string?];

export interface DemoIndicator {
  name: string;
  measureUnit: string;
  direction: IndicatorDirection;
  valueType: ValueType;
  milestones?: string[];
  baseline: [number, Day];
  target: [number, Day];
  measurements: DemoMeasurement[];
}

export interface DemoCommitment {
  /** The demo account that created it (`focal.ne`); its organisation leads, its unit originates. */
  by: string;
  contributors: string[];
  title: string;
  description: string;
  starts: Day;
  ends: Day;
  /** TLP:CLEAR to all partners unless said otherwise. */
  handlingCode?: string;
  to?: Target[];
  references: string[];
  recommendations: DemoRecommendation[];
  /** The end date was moved later (from `from` to `ends`), with its reason: a revision of the commitment. */
  extended?: { day: Day; from: Day; reason: string };
  closed?: { day: Day; status: 'completed' | 'cancelled'; reason: string };
  actions: DemoAction[];
  indicators: DemoIndicator[];
}

const COTE_DIVOIRE = 'Workshop on the fight against migrant smuggling';
const SOFIA = 'Integrated Border Management (with a focus on the Silk Routes';
const MARRAKESH = 'Humanised Border Management';
const link = (path: string) => `https://example.org/liaison-demo/${path}`;

export const DEMO_COMMITMENTS: DemoCommitment[] = [
  {
    by: 'focal.ne',
    contributors: ['es'],
    title: 'Specialised anti-smuggling investigation unit in Agadez',
    description:
      'Set up a unit of investigators dedicated to migrant smuggling and trafficking cases in the Agadez region, ' +
      'working with prosecutors from the first hours of a case.\n\n- Decree and premises\n- Vetted investigators\n- Joint training with CGEF',
    starts: -420,
    ends: 300,
    references: ['CAP:domain:4', 'CAP:objective:7', 'MAP:domain:4', 'GCM:9'],
    recommendations: [
      { document: COTE_DIVOIRE, text: 'Establish specialised units to combat migrant smuggling' },
      { document: COTE_DIVOIRE, text: 'Encourage the creation of units dedicated to carrying out investigations' },
    ],
    actions: [
      {
        title: 'Adopt the decree creating the unit',
        description: 'Decree of the Ministry of Interior with the unit’s mandate and staffing table.',
        owner: ['ne', 0],
        due: -160,
        steps: [
          { day: -300, status: 'in_progress' },
          { day: -150, status: 'done', reason: 'Decree signed and published in the official journal.' },
        ],
      },
      {
        title: 'Recruit and vet 24 investigators',
        description: 'Selection among serving officers, background checks and assignment to Agadez.',
        owner: ['ne', 0],
        due: -20,
        steps: [{ day: -140, status: 'in_progress' }],
      },
      {
        title: 'Joint investigation training with CGEF',
        description: 'Two-week course on financial investigations and digital evidence, given by CGEF trainers in Niamey.',
        owner: ['es', 0],
        due: 18,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Investigators assigned to the unit',
        measureUnit: 'investigators',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -400],
        target: [24, 200],
        measurements: [
          [4, -270, 'DST staffing table'],
          [9, -180, 'DST staffing table'],
          [14, -60, 'DST staffing table', link('dst/staffing-q3')],
        ],
      },
      {
        name: 'Smuggling cases referred to prosecutors',
        measureUnit: 'cases per quarter',
        direction: 'increase',
        valueType: 'number',
        baseline: [12, -400],
        target: [40, 200],
        measurements: [
          [18, -180, 'Agadez prosecutor’s office', link('dst/referrals-q2')],
          [15, -90, 'Agadez prosecutor’s office', link('dst/referrals-q3')],
        ],
      },
    ],
  },
  {
    by: 'focal.sn',
    contributors: ['ngo'],
    title: 'National coordination platform against migrant smuggling and trafficking',
    description:
      'An interdepartmental platform bringing together police, justice, labour, social affairs and civil society, ' +
      'with the national anti-trafficking focal point as its secretariat.',
    starts: -330,
    ends: 390,
    references: ['CAP:domain:4', 'CAP:objective:8', 'MAP:domain:4', 'GCM:10'],
    recommendations: [
      { document: COTE_DIVOIRE, text: 'Promote the creation of interdepartmental national consultation' },
      { document: COTE_DIVOIRE, text: 'Consider assigning responsibility for national coordination' },
    ],
    actions: [
      {
        title: 'Draft the platform’s terms of reference',
        description: 'Mandate, members, meeting rhythm and the referral of victims between members.',
        owner: ['sn', 0],
        due: -200,
        steps: [
          { day: -280, status: 'in_progress' },
          { day: -205, status: 'done', reason: 'Validated by the member ministries.' },
        ],
      },
      {
        title: 'Hold the first plenary meeting of the platform',
        description: 'Plenary chaired by the Ministry of Interior, with the Red Cross for civil society.',
        owner: ['sn', 0],
        due: -30,
        steps: [
          { day: -60, status: 'in_progress' },
          {
            day: -35,
            status: 'delayed',
            reason: 'Postponed after the government reshuffle: two member ministries must first name their delegates.',
            due: 25,
          },
        ],
      },
      {
        title: 'Publish the platform’s first annual joint report',
        description: 'Figures of cases, referrals and prosecutions from every member.',
        owner: ['ngo', 0],
        due: 160,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Stage of the coordination platform',
        measureUnit: '',
        direction: 'increase',
        valueType: 'milestone',
        milestones: [
          'Not started',
          'Terms of reference agreed',
          'Decree signed',
          'First plenary held',
          'Annual report published',
        ],
        baseline: [0, -330],
        target: [4, 300],
        measurements: [
          [1, -200, 'Ministry of Interior'],
          [2, -90, 'Official journal', link('sn/decree-platform')],
        ],
      },
      {
        name: 'Member ministries taking part in the platform',
        measureUnit: '% of invited ministries',
        direction: 'increase',
        valueType: 'percentage',
        baseline: [20, -330],
        target: [100, 300],
        measurements: [
          [40, -200, 'Platform secretariat'],
          [50, -90, 'Platform secretariat'],
        ],
      },
    ],
  },
  {
    by: 'focal.ma',
    contributors: ['es'],
    title: 'Monitoring of social media used to recruit migrants for sea crossings',
    description:
      'A monitoring cell watches the accounts and groups that advertise crossings on the Atlantic route, ' +
      'refers them to the platforms and shares trend notes with the Atlantic route partners.',
    starts: -240,
    ends: 360,
    handlingCode: 'TLP:GREEN',
    // The secretariat is named so that it can review the commitment in its cycle.
    to: [{ group: 'Atlantic route border units' }, { organisation: 'RPS' }],
    references: ['CAP:domain:4', 'CAP:objective:7', 'GCM:9'],
    recommendations: [
      { document: COTE_DIVOIRE, text: 'Conduct specific monitoring of social media' },
      { document: MARRAKESH, text: 'Considering the expansion of their digital dimension' },
    ],
    actions: [
      {
        title: 'Set up the social-media monitoring cell',
        description: 'Four analysts of the anti-smuggling unit, with tools and a monitoring protocol.',
        owner: ['ma', 0],
        due: -150,
        steps: [
          { day: -220, status: 'in_progress' },
          { day: -155, status: 'done', reason: 'Cell operational since the first of the month.' },
        ],
      },
      {
        title: 'Agree a referral procedure with CGEF for accounts hosted abroad',
        description: 'Who asks the platforms, in which form, and how answers are shared.',
        owner: ['ma', 0],
        due: 12,
        steps: [{ day: -40, status: 'in_progress' }],
      },
      {
        title: 'Quarterly trend notes to the Atlantic route partners',
        description: 'New recruitment messages, prices and departure points seen online.',
        owner: ['ma', 1],
        due: 95,
        steps: [{ day: -100, status: 'in_progress' }],
      },
    ],
    indicators: [
      {
        name: 'Recruitment accounts reported to platforms',
        measureUnit: 'accounts',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -240],
        target: [300, 300],
        measurements: [
          [60, -150, 'Monitoring cell log'],
          [150, -60, 'Monitoring cell log'],
          [210, -10, 'Monitoring cell log', link('dmsf/monitoring-log')],
        ],
      },
      {
        name: 'Reported accounts taken down within 7 days',
        measureUnit: '% of reported accounts',
        direction: 'increase',
        valueType: 'percentage',
        baseline: [35, -240],
        target: [80, 300],
        measurements: [
          [50, -120, 'Platforms’ answers'],
          [42, -30, 'Platforms’ answers', link('dmsf/takedowns')],
        ],
      },
    ],
  },
  {
    by: 'focal.es',
    contributors: ['ma', 'sn'],
    title: 'Joint Operational Partnership on the Atlantic route',
    description:
      'Police and judicial cooperation between Spain, Morocco and Senegal against the networks organising pirogue and ' +
      'boat departures: liaison officers, joint investigation teams and handovers of cases.',
    starts: -400,
    ends: 420,
    references: ['CAP:domain:4', 'CAP:objective:8', 'GCM:23', 'JVAP:domain:4'],
    recommendations: [
      { document: COTE_DIVOIRE, text: 'Diversify Euro-African cooperation through the establishment of Joint Operational' },
      { document: COTE_DIVOIRE, text: 'Strengthen police cooperation' },
    ],
    actions: [
      {
        title: 'Sign the partnership arrangement',
        description: 'Arrangement between the three police services, with the prosecutors’ offices associated.',
        owner: ['es', 0],
        due: -300,
        steps: [{ day: -310, status: 'done', reason: 'Signed in Madrid.' }],
      },
      {
        title: 'Post a second liaison officer in Dakar',
        description: 'A CGEF officer beside the DPAF anti-trafficking division.',
        owner: ['es', 0],
        due: -120,
        steps: [
          { day: -200, status: 'in_progress' },
          { day: -125, status: 'done' },
        ],
      },
      {
        title: 'Joint investigation team on pirogue departures from Saint-Louis',
        description: 'Shared case file on the organisers named by passengers landing in the Canary Islands.',
        owner: ['sn', 0],
        due: 120,
        steps: [{ day: -70, status: 'in_progress' }],
      },
    ],
    indicators: [
      {
        name: 'Partnership arrangement signed',
        measureUnit: '',
        direction: 'increase',
        valueType: 'boolean',
        baseline: [0, -400],
        target: [1, -200],
        measurements: [[1, -310, 'Signed arrangement', link('cgef/jop-arrangement')]],
      },
      {
        name: 'Joint investigations opened',
        measureUnit: 'investigations',
        direction: 'increase',
        valueType: 'number',
        baseline: [2, -400],
        target: [10, 400],
        measurements: [
          [4, -200, 'CGEF case register'],
          [5, -100, 'CGEF case register'],
          [7, -20, 'CGEF case register', link('cgef/jit-register')],
        ],
      },
    ],
  },
  {
    by: 'focal.sn',
    contributors: [],
    title: 'Secure ECOWAS identity cards checked at Dakar airport',
    description: 'Check the security features of the ECOWAS biometric identity card at the airport border post.',
    starts: -200,
    ends: 200,
    references: ['CAP:domain:4', 'GCM:4'],
    recommendations: [{ document: COTE_DIVOIRE, text: 'Encourage the introduction of secure documents' }],
    actions: [
      {
        title: 'Buy document readers for the airport border post',
        description: 'Twelve readers for the arrival and departure booths.',
        owner: ['sn', 1],
        due: -60,
        steps: [
          {
            day: -90,
            status: 'cancelled',
            reason: 'The readers are now supplied by the ECOWAS regional project; our own purchase would duplicate it.',
          },
        ],
      },
      {
        title: 'Train border officers on the card’s security features',
        description: 'Half-day sessions for every shift of the airport border post.',
        owner: ['sn', 1],
        due: -40,
        steps: [
          { day: -100, status: 'in_progress' },
          { day: -45, status: 'done', reason: 'All six shifts trained.' },
        ],
      },
      {
        title: 'Connect the readers to the ECOWAS verification service',
        description: 'Online check of the card’s certificate against the issuing state.',
        owner: ['sn', 1],
        due: -5,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Arrivals whose card is checked with a reader',
        measureUnit: '% of arrivals with an ECOWAS card',
        direction: 'increase',
        valueType: 'percentage',
        baseline: [0, -200],
        target: [90, 200],
        measurements: [
          [10, -80, 'Border post statistics'],
          [35, -15, 'Border post statistics'],
        ],
      },
    ],
  },
  {
    by: 'focal.ne',
    contributors: ['es', 'ma'],
    title: 'Information exchange on convoys along the Agadez–Libya route',
    description:
      'Operational exchange on convoys using new desert tracks: weekly situation notes, alerts within 24 hours and ' +
      'a secure channel between the Agadez and Madrid liaison desks.',
    starts: -150,
    ends: 210,
    handlingCode: 'TLP:AMBER',
    to: [{ organisation: 'CGEF' }, { organisation: 'DMSF' }],
    references: ['CAP:objective:8', 'GCM:9'],
    recommendations: [
      { document: SOFIA, text: 'Information and data sharing needs to be further strengthened' },
      { document: SOFIA, text: 'Regular communication channels via diplomatic missions' },
    ],
    actions: [
      {
        title: 'Open a secure channel between the Agadez and Madrid liaison desks',
        description: 'Liaison exchange with named focal points on both sides.',
        owner: ['ne', 0],
        due: -100,
        steps: [
          { day: -130, status: 'in_progress' },
          { day: -110, status: 'done' },
        ],
      },
      {
        title: 'Weekly convoy situation note to partners',
        description: 'Tracks in use, departure days and vehicles seen.',
        owner: ['ne', 1],
        due: 28,
        steps: [{ day: -100, status: 'in_progress' }],
      },
    ],
    indicators: [
      {
        name: 'Convoy alerts shared with partners within 24 hours',
        measureUnit: 'alerts',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -150],
        target: [50, 200],
        measurements: [
          [12, -60, 'DST liaison desk log'],
          [20, -15, 'DST liaison desk log'],
        ],
      },
    ],
  },
  {
    by: 'focal.ma',
    contributors: ['ngo'],
    title: 'Training border officers on migrants’ rights and vulnerability screening',
    description:
      'A training module on identifying vulnerable migrants and victims of trafficking at the border and on the ' +
      'information owed to every migrant, given at the main border posts.',
    starts: -260,
    ends: 320,
    references: ['CAP:domain:3', 'CAP:objective:5', 'MAP:domain:3', 'GCM:11'],
    recommendations: [
      { document: MARRAKESH, text: 'Border authorities and law enforcement officers need to inform migrants' },
      { document: MARRAKESH, text: 'National stakeholders responsible for the identification of migrants' },
    ],
    actions: [
      {
        title: 'Write the training module on vulnerability screening',
        description: 'With the Red Cross and the national human rights council.',
        owner: ['ma', 1],
        due: -150,
        steps: [
          { day: -230, status: 'in_progress' },
          { day: -160, status: 'done' },
        ],
      },
      {
        title: 'Train 400 officers at the main border posts',
        description: 'Tangier Med, Casablanca airport, Nador and Laayoune first.',
        owner: ['ma', 1],
        due: 60,
        steps: [{ day: -140, status: 'in_progress' }],
      },
      {
        title: 'Information leaflets for migrants in six languages at border posts',
        description: 'Rights, assistance and contacts, in Arabic, French, English, Spanish, Wolof and Bambara.',
        owner: ['ma', 0],
        due: -40,
        steps: [
          { day: -90, status: 'in_progress' },
          { day: -45, status: 'delayed', reason: 'The translation contract had to be tendered again.', due: -10 },
        ],
      },
    ],
    indicators: [
      {
        name: 'Border officers trained',
        measureUnit: 'officers',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -240],
        target: [400, 250],
        measurements: [
          [90, -120, 'Training attendance sheets'],
          [140, -30, 'Training attendance sheets', link('dmsf/training-attendance')],
        ],
      },
    ],
  },
  {
    by: 'focal.ngo',
    contributors: ['sn'],
    title: 'Information desks for migrants at border crossings in Senegal',
    description:
      'Red Cross volunteers inform migrants about their rights, the risks of the journey and the assistance available, ' +
      'and restore family links, at the main land border crossings.',
    starts: -320,
    ends: 300,
    references: ['CAP:domain:3', 'CAP:objective:5', 'MAP:domain:3', 'GCM:3'],
    recommendations: [
      { document: MARRAKESH, text: 'It is important to reinforce the role of border community and civil society' },
      { document: COTE_DIVOIRE, text: 'Strengthen awareness raising on the risks of irregular migration' },
    ],
    actions: [
      {
        title: 'Open an information desk at Rosso',
        description: 'Desk at the ferry crossing, open every day.',
        owner: ['ngo', 1],
        due: -200,
        steps: [
          { day: -260, status: 'in_progress' },
          { day: -210, status: 'done' },
        ],
      },
      {
        title: 'Open an information desk at Kidira',
        description: 'Desk at the Mali border crossing, shared with the border police.',
        owner: ['ngo', 1],
        due: -15,
        steps: [{ day: -80, status: 'in_progress' }],
      },
      {
        title: 'Train volunteers on restoring family links',
        description: 'Thirty volunteers of the border desks.',
        owner: ['ngo', 0],
        due: 45,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Migrants counselled at the desks',
        measureUnit: 'people',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -300],
        target: [5000, 300],
        measurements: [
          [800, -150, 'Desk registers'],
          [1500, -60, 'Desk registers'],
          [1900, -5, 'Desk registers', link('crs/desk-registers')],
        ],
      },
    ],
  },
  {
    by: 'focal.es',
    contributors: [],
    title: 'Independent monitoring of the rights of migrants in border procedures',
    description: 'An evaluation of border procedures by an independent body, with its recommendations published.',
    starts: -500,
    ends: -30,
    references: ['CAP:domain:3', 'CAP:objective:6', 'GCM:11'],
    recommendations: [
      { document: MARRAKESH, text: 'Border management actors should invest in monitoring and evaluation mechanisms' },
    ],
    closed: { day: -25, status: 'completed', reason: 'Evaluation published and its recommendations accepted by the ministry.' },
    actions: [
      {
        title: 'Commission the evaluation from the national ombudsman',
        description: 'Terms of reference and access to every border post.',
        owner: ['es', 1],
        due: -400,
        steps: [{ day: -410, status: 'done' }],
      },
      {
        title: 'Publish the evaluation and the ministry’s answer',
        description: 'Both documents online, in Spanish and English.',
        owner: ['es', 1],
        due: -60,
        steps: [
          { day: -120, status: 'in_progress' },
          { day: -35, status: 'done', reason: 'Published on the ministry’s website.' },
        ],
      },
    ],
    indicators: [
      {
        name: 'Stage of the evaluation',
        measureUnit: '',
        direction: 'increase',
        valueType: 'milestone',
        milestones: ['Not started', 'Commissioned', 'Field visits done', 'Published'],
        baseline: [0, -500],
        target: [3, -30],
        measurements: [
          [1, -410, 'Ministry of Interior'],
          [2, -200, 'Ombudsman'],
          [3, -35, 'Ministry of Interior', link('cgef/evaluation')],
        ],
      },
    ],
  },
  {
    by: 'focal.ma',
    contributors: ['sn', 'ne'],
    title: 'Drafting committee for a charter on humanised border management',
    description: 'A committee of partner countries drafts a charter of principles of humanised border management.',
    starts: -420,
    ends: 330,
    references: ['CAP:domain:3', 'MAP:domain:4', 'GCM:11'],
    recommendations: [{ document: MARRAKESH, text: 'The Kingdom of Morocco made a proposal' }],
    extended: { day: -100, from: 150, reason: 'Partners asked for a second reading before the senior officials’ meeting.' },
    actions: [
      {
        title: 'Convene the drafting committee',
        description: 'First meeting in Rabat with seven partner countries.',
        owner: ['ma', 1],
        due: -300,
        steps: [{ day: -310, status: 'done' }],
      },
      {
        title: 'Circulate the first draft to partners',
        description: 'Draft in English and French, with a month for comments.',
        owner: ['ma', 1],
        due: 20,
        steps: [{ day: -150, status: 'in_progress' }],
      },
      {
        title: 'Present the charter at the senior officials’ meeting',
        description: 'For endorsement by the partners.',
        owner: ['ma', 1],
        due: 210,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Stage of the charter',
        measureUnit: '',
        direction: 'increase',
        valueType: 'milestone',
        milestones: ['Proposal made', 'Committee convened', 'Outline agreed', 'First draft circulated', 'Charter endorsed'],
        baseline: [0, -420],
        target: [4, 300],
        measurements: [
          [1, -310, 'Committee minutes'],
          [2, -120, 'Committee minutes', link('dmsf/charter-outline')],
        ],
      },
    ],
  },
  {
    by: 'focal.sn',
    contributors: ['es'],
    title: 'Mobile training unit for remote border posts',
    description:
      'A vehicle-based training unit brings refresher courses to officers of remote border crossing points instead of ' +
      'bringing them to Dakar.',
    starts: -200,
    ends: 170,
    references: ['CAP:domain:4', 'CAP:objective:7', 'JVAP:domain:4'],
    recommendations: [
      { document: SOFIA, text: 'Mobile training units should be deployed' },
      { document: SOFIA, text: 'Training courses and systems need to be constantly updated' },
    ],
    actions: [
      {
        title: 'Equip the mobile training vehicle',
        description: 'Vehicle, projector, document-examination kits; equipment given by CGEF.',
        owner: ['sn', 0],
        due: -130,
        steps: [
          { day: -180, status: 'in_progress' },
          { day: -135, status: 'done' },
        ],
      },
      {
        title: 'Training tour of the eastern border posts',
        description: 'Kidira, Moussala and Kédougou.',
        owner: ['sn', 0],
        due: -3,
        steps: [{ day: -50, status: 'in_progress' }],
      },
      {
        title: 'Refresher course on document fraud with CGEF trainers',
        description: 'Given on the tour’s second leg.',
        owner: ['es', 1],
        due: 75,
        steps: [],
      },
    ],
    indicators: [
      {
        name: 'Officers trained at remote border posts',
        measureUnit: 'officers',
        direction: 'increase',
        valueType: 'number',
        baseline: [0, -200],
        target: [300, 165],
        measurements: [
          [40, -90, 'Training unit reports'],
          [55, -20, 'Training unit reports', link('dpaf/mobile-unit')],
        ],
      },
    ],
  },
  {
    by: 'focal.ma',
    contributors: ['es'],
    title: 'Shared risk analysis of sea departures on the western Mediterranean',
    description: 'A joint quarterly risk analysis and contingency plan for sea departures, shared between the two coastguards.',
    starts: -180,
    ends: 365,
    references: ['CAP:objective:8', 'GCM:1'],
    recommendations: [
      { document: SOFIA, text: 'Threats and risks of each country are constantly evolving' },
      { document: SOFIA, text: 'An increasing amount of smuggling and trafficking across borders is occurring by sea' },
    ],
    actions: [
      {
        title: 'Agree a common risk indicator set',
        description: 'Departures, interceptions, rescues and arrivals, by week and stretch of coast.',
        owner: ['ma', 1],
        due: -90,
        steps: [
          { day: -150, status: 'in_progress' },
          { day: -95, status: 'done' },
        ],
      },
      {
        title: 'Publish the first joint quarterly risk analysis',
        description: 'TLP:GREEN to the partners of the route.',
        owner: ['ma', 1],
        due: -25,
        steps: [{ day: -60, status: 'in_progress' }],
      },
    ],
    indicators: [
      {
        name: 'Days between a departure and its notification to the other side',
        measureUnit: 'days',
        direction: 'decrease',
        valueType: 'number',
        baseline: [5, -180],
        target: [1, 300],
        measurements: [
          [4, -100, 'Coordination centre log'],
          [3, -20, 'Coordination centre log'],
        ],
      },
    ],
  },
  {
    by: 'focal.es',
    contributors: ['ma'],
    title: 'Pilot of shared coastal radar pictures in the Strait of Gibraltar',
    description: 'Exchange of radar pictures between the two coastal surveillance centres.',
    starts: -300,
    ends: 60,
    references: ['CAP:domain:4', 'GCM:9'],
    recommendations: [
      { document: SOFIA, text: 'International support should also be provided to countries in terms of infrastructure' },
    ],
    closed: {
      day: -150,
      status: 'cancelled',
      reason: 'Folded into the Joint Operational Partnership on the Atlantic route, which finances the same exchange.',
    },
    actions: [
      {
        title: 'Technical study of the radar link',
        description: 'Formats, bandwidth and security of the link.',
        owner: ['es', 1],
        due: -120,
        steps: [
          { day: -250, status: 'in_progress' },
          { day: -150, status: 'cancelled', reason: 'The commitment was folded into the Joint Operational Partnership.' },
        ],
      },
    ],
    indicators: [],
  },
];
