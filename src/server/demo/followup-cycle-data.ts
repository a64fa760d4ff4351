import type { Assessment, ReportStatus } from '../../shared/followup/vocabulary.js';
import type { Day } from './followup-data.js';

/**
 * The demo review cycle: the secretariat's mid-term review of the Cadiz Action Plan, whose deadline
 * passed a few days ago and which stays open for late reports. Morocco submitted, Spain's report was
 * accepted, Senegal's was returned for completion, Niger's draft and the Red Cross's report are late.
 */

/** A status change of a report: [day, new status, demo account, reason]. */
export type ReportStep = [Day, ReportStatus, string, string?];

export interface DemoReport {
  /** Organisation key of demo-data.ts. */
  organisation: string;
  summary: string;
  /** Progress and assessment per covered commitment of this partner, by commitment title. */
  entries: Record<string, [string, Assessment]>;
  steps: ReportStep[];
  /** Peer and secretariat comments: [day, demo account, body]. */
  comments: [Day, string, string][];
}

export interface DemoCycle {
  by: string;
  title: string;
  description: string;
  plan: string;
  opened: Day;
  deadline: Day;
  reviewers: string[];
  /** Titles of the commitments the cycle covers (demo commitments). */
  commitments: string[];
  reports: DemoReport[];
}

const AGADEZ_UNIT = 'Specialised anti-smuggling investigation unit in Agadez';
const PLATFORM = 'National coordination platform against migrant smuggling and trafficking';
const SOCIAL_MEDIA = 'Monitoring of social media used to recruit migrants for sea crossings';
const TRAINING = 'Training border officers on migrants’ rights and vulnerability screening';
const PARTNERSHIP = 'Joint Operational Partnership on the Atlantic route';
const DESKS = 'Information desks for migrants at border crossings in Senegal';
const MOBILE_UNIT = 'Mobile training unit for remote border posts';

export const DEMO_CYCLE: DemoCycle = {
  by: 'focal.sec',
  title: 'Cadiz Action Plan mid-term review 2026',
  description:
    'Mid-term review of the commitments made under the Cadiz Action Plan. Each partner reports on the progress of ' +
    'its commitments; Spain and the Senegalese Red Cross review the reports as peers.\n\n' +
    'Late reports are still welcome until the senior officials’ meeting.',
  plan: 'CAP',
  opened: -42,
  deadline: -4,
  reviewers: ['es', 'ngo'],
  commitments: [AGADEZ_UNIT, PLATFORM, SOCIAL_MEDIA, TRAINING, PARTNERSHIP, DESKS, MOBILE_UNIT],
  reports: [
    {
      organisation: 'ma',
      summary: 'Both commitments progress as planned; the leaflets for migrants are late because of a new tender.',
      entries: {
        [SOCIAL_MEDIA]: [
          'The monitoring cell reported 210 accounts. Take-downs within a week fell to 42%: two platforms answer slowly.',
          'at_risk',
        ],
        [TRAINING]: ['140 officers trained out of 400; the module is used at four border posts.', 'on_track'],
      },
      steps: [
        [-12, 'draft', 'focal.ma'],
        [-5, 'submitted', 'focal.ma'],
      ],
      comments: [
        [
          -3,
          'analyst.es',
          'The drop in take-downs matches what we see: could the referral procedure with our unit cover the two slow platforms?',
        ],
      ],
    },
    {
      organisation: 'es',
      summary: 'The partnership works: seven joint investigations opened, a second liaison officer in Dakar.',
      entries: { [PARTNERSHIP]: ['Seven joint investigations opened; the Saint-Louis team started in the autumn.', 'on_track'] },
      steps: [
        [-15, 'draft', 'focal.es'],
        [-8, 'submitted', 'focal.es'],
        [-2, 'accepted', 'focal.sec'],
      ],
      comments: [[-6, 'analyst.ngo', 'Good to see victims’ referral mentioned in the joint team’s case file.']],
    },
    {
      organisation: 'sn',
      summary: 'The platform’s decree is signed; the mobile unit trained 55 officers.',
      entries: {
        [PLATFORM]: ['Decree signed. First plenary postponed.', 'at_risk'],
        [MOBILE_UNIT]: ['55 officers trained; the eastern tour is under way.', 'off_track'],
      },
      steps: [
        [-20, 'draft', 'focal.sn'],
        [-9, 'submitted', 'focal.sn'],
        [
          -6,
          'returned',
          'focal.sec',
          'Please give the new date of the first plenary and name the ministries that have not yet appointed delegates.',
        ],
      ],
      comments: [
        [-7, 'focal.sec', 'Thank you. The plenary’s new date and the missing ministries would help the peers.'],
        [-6, 'analyst.ngo', 'The Red Cross is ready to host the plenary’s civil-society session.'],
      ],
    },
    {
      organisation: 'ne',
      summary: 'Draft: figures of the third quarter to be added.',
      entries: { [AGADEZ_UNIT]: ['14 investigators assigned. Referrals to be completed.', 'at_risk'] },
      steps: [[-10, 'draft', 'focal.ne']],
      comments: [],
    },
    { organisation: 'ngo', summary: '', entries: {}, steps: [], comments: [] },
  ],
};
