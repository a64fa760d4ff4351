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

/** Fragments of the titles of the three documents, as the library stores them. */
export const COTE_DIVOIRE = 'Workshop on the fight against migrant smuggling';
export const SOFIA = 'Integrated Border Management (with a focus on the Silk Routes';
export const MARRAKESH = 'Humanised Border Management';
/** An evidence link (example.org: the demo points nowhere real). */
export const link = (path: string) => `https://example.org/liaison-demo/${path}`;
