import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseHistoryEntry } from '../../../../shared/referral/cases-contract.js';
import { PERSONAL_FIELDS } from '../../../../shared/referral/vocabulary.js';
import { Bidi } from '../../../app/bidi.js';
import { formatDateTime, formatList } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { caseHistoryQuery } from './cases-api.js';

/** A code of the vocabulary in words; an unknown one (a newer server) as it is. */
const word = (t: TFunction, group: string, code: string | undefined) =>
  code ? t(`referralCases.${group}.${code}`, { defaultValue: code }) : '';

/** What an entry says happened, from its part of the module and its event code. */
export function describe(t: TFunction, entry: CaseHistoryEntry): string {
  const [first, second] = entry.event.split(':');
  switch (entry.source) {
    case 'screening':
      return t('referralCases.history.screening', { assessment: word(t, 'assessment', entry.event) });
    case 'consent':
      return t(first === 'withdrawn' ? 'referralCases.history.consentWithdrawn' : 'referralCases.history.consentRecorded', {
        scope: word(t, 'consentScope', second),
      });
    case 'best_interests':
      return t('referralCases.history.bestInterests', {
        step: word(t, 'bestInterestsStep', first),
        decision: word(t, 'bestInterestsDecision', second),
      });
    case 'referral':
      return t('referralCases.history.referral', { status: word(t, 'referralStatus', entry.event) });
    default:
      return word(t, 'history.case', entry.event);
  }
}

/** A field an entry names (a personal field, the notes, the type…), in words. */
const fieldName = (t: TFunction, field: string) =>
  (PERSONAL_FIELDS as readonly string[]).includes(field)
    ? t(`referralCases.person.${field}`)
    : t(`referralCases.fields.${field}`, { defaultValue: field });

/**
 * What happened to the case, newest first: who, when, what and which fields, never their values
 * (the server's history holds none).
 */
export function CaseHistoryList({ caseId, revision }: { caseId: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(caseHistoryQuery(caseId, revision));
  const entries = [...(history.data?.items ?? [])].reverse();
  if (history.isPending) return <Text c="dimmed">{t('referralCases.loading')}</Text>;
  return (
    <>
      <ProblemAlert error={history.error} />
      {history.data && entries.length === 0 ? <Text c="dimmed">{t('referralCases.history.empty')}</Text> : null}
      <Stack component="ol" className="rc-history" gap="xs" data-testid="case-history">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${entry.source}-${entry.event}-${index}`}>
            <Text size="sm">
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {' — '}
              {describe(t, entry)}
              {entry.actor ? (
                <>
                  {' — '}
                  <Bidi>{entry.actor.name}</Bidi>
                </>
              ) : null}
            </Text>
            {entry.fields.length ? (
              <Text size="sm" c="dimmed">
                {t('referralCases.history.fields', {
                  fields: formatList(
                    entry.fields.map((field) => fieldName(t, field)),
                    i18n.language,
                  ),
                })}
              </Text>
            ) : null}
            {entry.reason ? (
              <Text size="sm">
                {t('referralCases.history.reason')} <Bidi>{entry.reason}</Bidi>
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
    </>
  );
}
