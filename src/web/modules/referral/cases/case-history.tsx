import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bidi } from '../../../app/bidi.js';
import { formatDateTime, formatList } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { caseHistoryQuery } from './cases-api.js';

/**
 * What happened to the case, newest first: who, when, what and which fields, never their values
 * (the server's history holds none).
 */
export function CaseHistoryList({ caseId, revision }: { caseId: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(caseHistoryQuery(caseId, revision));
  const entries = history.data?.items ?? [];
  if (history.isPending) return <Text c="dimmed">{t('referralCases.loading')}</Text>;
  return (
    <>
      <ProblemAlert error={history.error} />
      {history.data && entries.length === 0 ? <Text c="dimmed">{t('referralCases.history.empty')}</Text> : null}
      <Stack component="ol" className="rc-history" gap="xs" data-testid="case-history">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${entry.kind}-${index}`}>
            <Text size="sm">
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {' — '}
              {t(`referralCases.history.kind.${entry.kind}`, { defaultValue: entry.kind })}
              {entry.by ? (
                <>
                  {' — '}
                  <Bidi>{entry.by.name}</Bidi>
                </>
              ) : null}
            </Text>
            {entry.fields.length ? (
              <Text size="sm" c="dimmed">
                {t('referralCases.history.fields', {
                  fields: formatList(
                    entry.fields.map((field) => t(`referralCases.person.${field}`)),
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
