import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict, type TSchema } from '../../contract/kit.js';
import { HANDLING_CODES } from '../../handling-codes.js';
import { OBSERVABLE_KINDS, SOCIAL_PLATFORMS } from './observables.js';
import {
  ALERT_STATUSES,
  CATEGORIES,
  FEEDBACK_SCOPES,
  MAX_GEOMETRY_POINTS,
  SEVERITIES,
  VERDICTS,
  type Verdict,
} from './vocabulary.js';

/** What the alerts API answers (`toSummary`, `getAlert`, the map and the extractor). */

/** [longitude, latitude] in WGS84 (GeoJSON order). */
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);

/** An alert's area as GeoJSON: a point, or a polygon (its outer ring, then any holes). */
export const Geometry = Type.Union([
  Strict({ type: Type.Literal('Point'), coordinates: Position }),
  Strict({
    type: Type.Literal('Polygon'),
    // Closure and the total number of points are checked by the service.
    coordinates: Type.Array(Type.Array(Position, { minItems: 4, maxItems: MAX_GEOMETRY_POINTS }), {
      minItems: 1,
      maxItems: 20,
    }),
  }),
]);
export type Geometry = Static<typeof Geometry>;

const Named = Strict({ id: Id, name: Type.String() });
const Category = Literals(CATEGORIES);
const Severity = Literals(SEVERITIES);
const Status = Literals(ALERT_STATUSES);
const HandlingCode = Literals(HANDLING_CODES);
const ObservableKind = Literals(OBSERVABLE_KINDS);
const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));

const summaryFields = {
  id: Id,
  title: Type.String(),
  category: Category,
  severity: Severity,
  validFrom: DateTime,
  validUntil: DateTime,
  status: Status,
  area: Strict({ countries: Type.Array(Type.String()), label: Nullable(Type.String()), geometry: Nullable(Geometry) }),
  handlingCode: HandlingCode,
  fromUnit: Named,
  fromOrganisation: Strict({ id: Id, name: Type.String(), acronym: Nullable(Type.String()) }),
  createdAt: DateTime,
  updatedAt: DateTime,
  observableCount: Type.Integer({ minimum: 0 }),
  /** Other alerts this viewer may see that share an observable with this one. */
  correlationCount: Type.Integer({ minimum: 0 }),
};

/** An alert in lists. */
export const AlertSummary = Strict(summaryFields);
export type AlertSummary = Static<typeof AlertSummary>;

export const AlertObservable = Strict({
  kind: ObservableKind,
  /** Canonical form, compared when alerts are correlated. */
  value: Type.String(),
  /** Form for people. */
  display: Type.String(),
  country: Nullable(Type.String()),
  platform: Nullable(Literals(SOCIAL_PLATFORMS)),
  phoneType: Nullable(Type.String()),
});
export type AlertObservable = Static<typeof AlertObservable>;

/** Another alert the viewer may see that shares observables with this one. */
export const Correlation = Strict({
  alertId: Id,
  title: Type.String(),
  severity: Severity,
  handlingCode: HandlingCode,
  status: Status,
  createdAt: DateTime,
  /** Weak links (names, vessel names, plates, patterns) are for a person to review. */
  shared: Type.Array(Strict({ kind: ObservableKind, display: Type.String(), weak: Type.Boolean() })),
});
export type Correlation = Static<typeof Correlation>;

export const FeedbackEntry = Strict({
  unitId: Id,
  unit: Type.String(),
  organisation: Named,
  verdict: Literals(VERDICTS),
  comment: Nullable(Type.String()),
  at: DateTime,
});
export type FeedbackEntry = Static<typeof FeedbackEntry>;

const verdictCounts = {
  useful: Type.Integer({ minimum: 0 }),
  acted_on: Type.Integer({ minimum: 0 }),
  false_alarm: Type.Integer({ minimum: 0 }),
} satisfies Record<Verdict, TSchema>;

/** One alert with what this viewer may see of its observables, correlations and feedback. */
export const AlertDetail = Strict({
  ...summaryFields,
  description: Type.String({ description: 'Markdown' }),
  /** The description's Markdown as HTML, sanitised by the server. */
  descriptionHtml: Type.String(),
  sender: Strict({ userId: Id, name: Type.String() }),
  distribution: Strict({
    units: Type.Array(Id),
    organisations: Type.Array(Id),
    sharingGroups: Type.Array(Id),
    allPartners: Type.Boolean(),
  }),
  withdrawal: Nullable(Strict({ at: DateTime, by: Nullable(Type.String()), reason: Nullable(Type.String()) })),
  observables: Type.Array(AlertObservable),
  correlations: Type.Array(Correlation),
  /** `all` for the originating unit (with a count per verdict), `own` for a recipient (their units' only). */
  feedback: Strict({
    scope: Literals(FEEDBACK_SCOPES),
    entries: Type.Array(FeedbackEntry),
    summary: Nullable(Strict(verdictCounts)),
  }),
  /** What this viewer may do with the alert, as the server decided. */
  permissions: Strict({ withdraw: Type.Boolean(), feedback: Type.Boolean() }),
});
export type AlertDetail = Static<typeof AlertDetail>;

export const AlertList = Strict({
  alerts: Type.Array(AlertSummary),
  total: Type.Integer({ minimum: 0 }),
  /** Counts per value of each facet, over the visible alerts the other filters keep. */
  facets: Strict({ category: Counts, severity: Counts, country: Counts }),
});
export type AlertList = Static<typeof AlertList>;

/** The visible alerts that have an area drawn, as GeoJSON, and the visible alerts per area country. */
export const AlertMap = Strict({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Strict({
      type: Type.Literal('Feature'),
      id: Id,
      geometry: Geometry,
      properties: Strict({
        id: Id,
        title: Type.String(),
        category: Category,
        severity: Severity,
        handlingCode: HandlingCode,
        /** The area's countries and place name, so the map can say where in words. */
        countries: Type.Array(Type.String()),
        label: Type.Union([Type.String(), Type.Null()]),
      }),
    }),
  ),
  countries: Counts,
  /** True when more alerts have an area than the map draws. */
  capped: Type.Boolean(),
});
export type AlertMap = Static<typeof AlertMap>;

/** Observables found in a text, for the author to confirm. */
export const ExtractedObservables = Strict({
  candidates: Type.Array(
    Strict({
      kind: ObservableKind,
      value: Type.String(),
      display: Type.String(),
      country: Nullable(Type.String()),
      platform: Nullable(Literals(SOCIAL_PLATFORMS)),
      phoneType: Nullable(Type.String()),
      /** UTF-16 offsets of every place it was written. */
      spans: Type.Array(Strict({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) })),
    }),
  ),
  /** True when the text was too long to be scanned to its end. */
  truncated: Type.Boolean(),
});
export type ExtractedObservables = Static<typeof ExtractedObservables>;

/** An export: CSV (RFC 4180, with a BOM) or JSON, sent as a file. */
export const AlertExport = Type.String({
  description: 'text/csv or application/json, as an attachment; X-Liaison-Export-* headers give its size and cap',
});
