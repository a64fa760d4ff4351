import { type Static, Type } from '@sinclair/typebox';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { CountryCode, DistributionTargetSchema, Id, Strict, Text } from '../../../platform/http/schemas.js';
import { OBSERVABLE_KINDS, SOCIAL_PLATFORMS } from './observables/index.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

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
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const VERDICTS = ['useful', 'acted_on', 'false_alarm'] as const;
/** `expired` is not stored: an active alert whose validity has ended. */
export const STATUS_FILTERS = ['active', 'expired', 'withdrawn', 'all'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const MAX_OBSERVABLES = 200;
export const MAX_GEOMETRY_POINTS = 500;
export const MAX_DESCRIPTION = 20_000;

/** [longitude, latitude] in WGS84 (GeoJSON order). */
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);
export const Geometry = Type.Union([
  Strict({ type: Type.Literal('Point'), coordinates: Position }),
  Strict({
    type: Type.Literal('Polygon'),
    // The outer ring, then any holes; closure and the total number of points are checked by the service.
    coordinates: Type.Array(Type.Array(Position, { minItems: 4, maxItems: MAX_GEOMETRY_POINTS }), {
      minItems: 1,
      maxItems: 20,
    }),
  }),
]);
export type Geometry = Static<typeof Geometry>;

export const ObservableInput = Strict({
  kind: literals(OBSERVABLE_KINDS),
  value: Type.String({ minLength: 1, maxLength: 2000 }),
  /** Country of a phone number written in national form, or of a vehicle plate. */
  country: Type.Optional(CountryCode),
  /** Platform of a bare "@name" handle. */
  platform: Type.Optional(literals(SOCIAL_PLATFORMS)),
});
export type ObservableInput = Static<typeof ObservableInput>;

export const IssueBody = Strict({
  title: Text(200),
  category: literals(CATEGORIES),
  severity: literals(SEVERITIES),
  validFrom: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  validUntil: Type.String({ format: 'date-time' }),
  area: Strict({
    countries: Type.Array(CountryCode, { minItems: 1, maxItems: 60, uniqueItems: true }),
    label: Type.Optional(Text(200)),
    geometry: Type.Optional(Geometry),
  }),
  /** Markdown. */
  description: Text(MAX_DESCRIPTION),
  observables: Type.Optional(Type.Array(ObservableInput, { maxItems: MAX_OBSERVABLES })),
  handlingCode: literals(HANDLING_CODES),
  distribution: Type.Array(DistributionTargetSchema, { minItems: 1, maxItems: 200 }),
  fromUnitId: Type.Optional(Id),
});
export type IssueBody = Static<typeof IssueBody>;

/** Filters shared by the list, the map and the export. */
const filters = {
  category: Type.Optional(literals(CATEGORIES)),
  severity: Type.Optional(literals(SEVERITIES)),
  country: Type.Optional(CountryCode),
  status: Type.Optional(literals(STATUS_FILTERS)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  observable: Type.Optional(Type.String({ maxLength: 500, description: 'An observable as typed; normalised like one' })),
};

export const ListQuery = Strict({
  ...filters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ListQuery = Static<typeof ListQuery>;

export const MapQuery = Strict(filters);
export type MapQuery = Static<typeof MapQuery>;

export const ExportQuery = Strict({ ...filters, format: Type.Optional(literals(['csv', 'json'] as const)) });
export type ExportQuery = Static<typeof ExportQuery>;

export type AlertFilters = Static<typeof MapQuery>;

export const FeedbackBody = Strict({
  verdict: literals(VERDICTS),
  comment: Type.Optional(Text(2000, 0)),
  unitId: Type.Optional(Id),
});
export type FeedbackBody = Static<typeof FeedbackBody>;

export const WithdrawBody = Strict({ reason: Text(1000) });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const ExtractBody = Strict({
  text: Type.String({ maxLength: MAX_DESCRIPTION }),
  country: Type.Optional(CountryCode),
  platform: Type.Optional(literals(SOCIAL_PLATFORMS)),
});
export type ExtractBody = Static<typeof ExtractBody>;
