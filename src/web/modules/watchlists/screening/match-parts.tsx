import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FactorState, MatchKind } from '../../../../shared/watchlists/vocabulary.js';
import { Bidi } from '../../../app/bidi.js';
import { formatDate, formatList, formatNumber } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { reasonText } from './reasons.js';
import type { EntryName, MatchFactors, MatchReason } from './screening-api.js';
import './screening.css';
import '../../exchange/messages/messages.css';

export { HandlingCodeBadge } from '../../exchange/messages/message-parts.js';

/** Reasons that say the parts are the same name; the others say how far apart they are. */
const STRONG: ReadonlySet<MatchKind> = new Set(['exact', 'transliteration', 'nickname', 'particle', 'order']);
const FACTOR_CLASS: Record<FactorState, string> = { agrees: 'ws-chip-strong', differs: 'ws-chip-against', unknown: '' };

/** The score (0..1) as a meter and its number: "0.87", "0,87". */
export function ScoreMeter({ score, label }: { score: number; label: string }) {
  const { i18n } = useTranslation();
  const number = formatNumber(score, i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <span className="ws-score" data-testid="score" data-score={score}>
      <meter min={0} max={1} low={0.5} high={0.8} optimum={0} value={score} aria-label={label} />
      <span className="ws-score-number">{number}</span>
    </span>
  );
}

/** "Match": at or above the threshold, a hit waiting for someone's review. */
export function MatchBadge() {
  const { t } = useTranslation();
  return (
    <span className="ws-match" data-testid="match-badge">
      {t('watchlistScreening.candidate.match')}
    </span>
  );
}

/** The matcher's reasons as chips, one per part, in words. */
export function ReasonChips({ reasons }: { reasons: MatchReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <ul className="ws-chips" aria-label={t('watchlistScreening.candidate.reasons')} data-testid="reasons">
      {reasons.map((reason, index) => (
        <li
          // Reasons have no id; their order is the matcher's and does not change.
          key={`${index}:${reason.kind}`}
          className={`ws-chip ${STRONG.has(reason.kind) ? 'ws-chip-strong' : 'ws-chip-weak'}`}
          data-kind={reason.kind}
        >
          {reasonText(reason, t)}
        </li>
      ))}
    </ul>
  );
}

/** Birth year, nationality and sex: whether each agrees, differs or is unknown. They weigh, never decide. */
export function FactorChips({ factors }: { factors: MatchFactors }) {
  const { t } = useTranslation();
  const fields = ['birthYear', 'nationality', 'sex'] as const;
  return (
    <ul className="ws-chips" aria-label={t('watchlistScreening.candidate.factors')} data-testid="factors">
      {fields.map((field) => (
        <li key={field} className={`ws-chip ${FACTOR_CLASS[factors[field]]}`} data-state={factors[field]}>
          {t(`watchlistScreening.factor.${field}.${factors[field]}`)}
        </li>
      ))}
    </ul>
  );
}

/** A name as written, isolated from the text around it, with its script named for scripts other than Latin. */
export function NameText({ name }: { name: EntryName }) {
  const { t } = useTranslation();
  return (
    <>
      <Bidi>{name.name}</Bidi>
      {name.script !== 'latin' ? <span className="ws-script">({t(`watchlistScreening.script.${name.script}`)})</span> : null}
    </>
  );
}

/** Names of an entry, one per line. */
export function NameLines({ names }: { names: EntryName[] }) {
  return (
    <ul className="ws-chips" style={{ flexDirection: 'column', gap: 2 }}>
      {names.map((name) => (
        <li key={`${name.script}:${name.name}`}>
          <NameText name={name} />
        </li>
      ))}
    </ul>
  );
}

/** "1984" or "2 Mar 1984". */
export function birthDateText(value: string | null, language: string): string {
  if (!value) return '';
  return /^\d{4}$/.test(value) ? value : formatDate(value, language);
}

export function nationalitiesText(codes: string[], language: string): string {
  return formatList(
    codes.map((code) => countryName(code, language)),
    language,
  );
}

/** A field's value, or "not known" in the reader's language. */
export function OrUnknown({ value }: { value: string }) {
  const { t } = useTranslation();
  return value ? (
    value
  ) : (
    <Text span c="dimmed" size="sm">
      {t('watchlistScreening.notKnown')}
    </Text>
  );
}
