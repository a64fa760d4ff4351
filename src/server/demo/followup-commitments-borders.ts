import { COTE_DIVOIRE, type DemoCommitment, link, MARRAKESH, SOFIA } from './followup-data.js';

/** Demo commitments on humanised and integrated border management: the Marrakesh and Sofia meetings' recommendations. */
export const BORDER_COMMITMENTS: DemoCommitment[] = [
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
