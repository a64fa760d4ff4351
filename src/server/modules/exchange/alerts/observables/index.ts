/**
 * Observables of early-warning alerts: normalising what an author writes, finding observables in
 * free text, and the keys by which alerts correlate. Pure functions: no database, no HTTP.
 */

export * from '../../../../../shared/exchange/alerts/observables.js';
export { correlationKey, isWeakLink, type SharedObservable, sharedObservables } from './correlation.js';
export { matchesDocumentNumber } from './document-pattern.js';
export {
  type ExtractionResult,
  type ExtractOptions,
  extractObservables,
  MAX_EXTRACTION_TEXT_LENGTH,
  type ObservableCandidate,
  type TextSpan,
} from './extract.js';
export { nameKey } from './name.js';
export { normaliseObservable } from './normalise.js';
export { isImoCheckDigitValid } from './vessel.js';
