import type { MatchReason } from '../../../../shared/watchlists/contract.js';
import { isolate } from '../../../app/bidi.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How one part of the screened name met a listed part, in a sentence: "Mouhamed ↔ Mohamed: transliteration". */
export function reasonText(reason: MatchReason, t: Translate): string {
  const kind = t(`watchlistScreening.reasonKind.${reason.kind}`);
  const parts = [reason.query, reason.listed].filter((part) => part.trim() !== '');
  if (parts.length === 0) return kind;
  // Both sides the same (an exact part, a particle named once): say it once.
  const said = parts.length === 2 && parts[0] === parts[1] ? [parts[0]] : parts;
  return t('watchlistScreening.reason', { parts: said.map(isolate).join(' ↔ '), kind });
}
