import { COTE_DIVOIRE, type DemoCommitment, link, MARRAKESH, SOFIA } from './followup-data.js';

/** Demo commitments against migrant smuggling and trafficking: the Côte d'Ivoire workshop's recommendations and the Sofia meeting's on information exchange. */
export const SMUGGLING_COMMITMENTS: DemoCommitment[] = [
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
];
