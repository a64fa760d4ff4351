import { ApiError } from '../../../api/client.js';

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
 * Which field of the issuing form a refusal is about, read from the problem's slug and detail
 * (schema refusals name the path: "body/area/countries/0 must …"). Null: shown above the button.
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
  const text = `${error.slug} ${error.detail}`;
  const field = FIELD_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
  // "observables/3/value", "observables[3]", "observable 3" (the server counts from 0).
  const position = /observables?\s*[/[#]?\s*(\d+)/i.exec(error.detail);
  return { field, message: error.detail, index: position ? Number(position[1]) : null };
}
