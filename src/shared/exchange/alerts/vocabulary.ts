/**
 * The alerts' controlled lists and limits, shared by the server's schemas, the wire contract and the
 * web app (plain arrays, no TypeBox, so the browser bundle stays small).
 */

export const CATEGORIES = [
  'new_route',
  'modus_operandi',
  'document_fraud',
  'facilitator_network',
  'vessel_of_interest',
  'vehicle_of_interest',
  'persons_at_risk',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** From the least to the most severe. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICTS = ['useful', 'acted_on', 'false_alarm'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** `expired` is not stored: an active alert whose validity has ended. */
export const ALERT_STATUSES = ['active', 'expired', 'withdrawn'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The board's status filter: one status, or all of them. */
export const STATUS_FILTERS = [...ALERT_STATUSES, 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The originating unit sees every unit's feedback (`all`), a recipient its own units' (`own`). */
export const FEEDBACK_SCOPES = ['all', 'own'] as const;

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MAX_OBSERVABLES = 200;
/** Points of an area's polygon, all rings together: the map draws them in every recipient's browser. */
export const MAX_GEOMETRY_POINTS = 500;
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 20_000;
