import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { Geometry } from '../../../../shared/exchange/alerts/contract.js';
import { OBSERVABLE_KINDS, SOCIAL_PLATFORMS } from '../../../../shared/exchange/alerts/observables.js';
import {
  CATEGORIES,
  EXPORT_FORMATS,
  MAX_DESCRIPTION,
  MAX_OBSERVABLES,
  MAX_TITLE,
  SEVERITIES,
  STATUS_FILTERS,
  VERDICTS,
} from '../../../../shared/exchange/alerts/vocabulary.js';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { LOCALES } from '../../../../shared/locales.js';
import { CountryCode, DistributionTargetSchema, Id, Strict, Text } from '../../../platform/http/schemas.js';

export { type StatusFilter, VERDICTS } from '../../../../shared/exchange/alerts/vocabulary.js';
// The area's shape and the lists are the wire contract's, shared with the web app.
export { Geometry };

export const ObservableInput = Strict({
  kind: Literals(OBSERVABLE_KINDS),
  value: Type.String({ minLength: 1, maxLength: 2000 }),
  /** Country of a phone number written in national form, or of a vehicle plate. */
  country: Type.Optional(CountryCode),
  /** Platform of a bare "@name" handle. */
  platform: Type.Optional(Literals(SOCIAL_PLATFORMS)),
});
export type ObservableInput = Static<typeof ObservableInput>;

export const IssueBody = Strict({
  title: Text(MAX_TITLE),
  category: Literals(CATEGORIES),
  severity: Literals(SEVERITIES),
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
  handlingCode: Literals(HANDLING_CODES),
  distribution: Type.Array(DistributionTargetSchema, { minItems: 1, maxItems: 200 }),
  fromUnitId: Type.Optional(Id),
});
export type IssueBody = Static<typeof IssueBody>;

/** Filters shared by the list, the map and the export. */
const filters = {
  category: Type.Optional(Literals(CATEGORIES)),
  severity: Type.Optional(Literals(SEVERITIES)),
  country: Type.Optional(CountryCode),
  status: Type.Optional(Literals(STATUS_FILTERS)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  observable: Type.Optional(Type.String({ maxLength: 500, description: 'An observable as typed; normalised like one' })),
};

export const ListQuery = Strict({
  ...filters,
  /** Only alerts issued at or after this time. */
  since: Type.Optional(Type.String({ format: 'date-time' })),
  /** Only alerts concerning me: over my organisation's country, or addressed to one of my units. */
  mine: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ListQuery = Static<typeof ListQuery>;

export const MapQuery = Strict(filters);
export type MapQuery = Static<typeof MapQuery>;

export const ExportQuery = Strict({
  ...filters,
  format: Type.Optional(Literals(EXPORT_FORMATS)),
  /** The language of the CSV's headers and labels; else Accept-Language, else English. */
  lang: Type.Optional(Literals(LOCALES)),
});
export type ExportQuery = Static<typeof ExportQuery>;

export type AlertFilters = Static<typeof MapQuery>;

export const FeedbackBody = Strict({
  verdict: Literals(VERDICTS),
  comment: Type.Optional(Text(2000, 0)),
  unitId: Type.Optional(Id),
});
export type FeedbackBody = Static<typeof FeedbackBody>;

export const WithdrawBody = Strict({ reason: Text(1000) });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const ExtractBody = Strict({
  text: Type.String({ maxLength: MAX_DESCRIPTION }),
  country: Type.Optional(CountryCode),
  platform: Type.Optional(Literals(SOCIAL_PLATFORMS)),
});
export type ExtractBody = Static<typeof ExtractBody>;
