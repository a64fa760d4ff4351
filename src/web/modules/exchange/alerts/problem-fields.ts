import { ALERT_PROBLEMS, type AlertProblem } from '../../../../shared/exchange/alerts/problems.js';
import { ApiError } from '../../../api/client.js';
import { problemMessage } from '../../../app/problem-message.js';
import { problemOf } from '../problems.js';

export type FormField =
  | 'title'
  | 'validity'
  | 'countries'
  | 'label'
  | 'geometry'
  | 'description'
  | 'observables'
  | 'distribution'
  | 'fromUnit';

/**
 * The field each of the alerts' own problems is about (null: shown above the button). Every slug of
 * the catalogue is listed, so a new one is placed here before it can reach the form.
 */
const FIELD_OF_PROBLEM: Record<AlertProblem, FormField | null> = {
  'no-unit': 'fromUnit',
  'not-your-unit': 'fromUnit',
  'unknown-country': 'countries',
  'invalid-geometry': 'geometry',
  'invalid-validity': 'validity',
  'validity-ended': 'validity',
  'observable-refused': 'observables',
  'own-alert': null,
  'alert-withdrawn': null,
  'already-withdrawn': null,
};

/**
 * Schema refusals (`validation`) and the platform's own (`invalid` recipients) name the path or the
 * thing in their detail: "body/area/countries/0 must …".
 */
const FIELD_PATTERNS: [FormField, RegExp][] = [
  ['observables', /observable/i],
  ['geometry', /geometry|polygon|ring|latitude|longitude|coordinates/i],
  ['countries', /countr/i],
  ['label', /area\/label|\blabel\b/i],
  ['validity', /valid(from|until)|validity|valid_/i],
  ['title', /\btitle\b/i],
  ['description', /description/i],
  ['distribution', /distribution|recipient|sharing group|unknown (unit|organisation)/i],
  ['fromUnit', /fromUnitId|sending unit|belong to a unit|not a member/i],
];

export function fieldOfProblem(error: unknown): { field: FormField | null; message: string; index: number | null } | null {
  if (!(error instanceof ApiError) || error.status >= 500) return null;
  const own = problemOf(error, ALERT_PROBLEMS);
  const field = own
    ? FIELD_OF_PROBLEM[own]
    : (FIELD_PATTERNS.find(([, pattern]) => pattern.test(`${error.slug} ${error.detail}`))?.[0] ?? null);
  // "observables/3/value", "observables[3]", "observable 3" (the server counts from 0).
  const position = /observables?\s*[/[#]?\s*(\d+)/i.exec(error.detail);
  return { field, message: problemMessage(error), index: position ? Number(position[1]) : null };
}
