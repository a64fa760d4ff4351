import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatList } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { type CommitmentRevision, commitmentHistoryQuery } from './commitments-api.js';

/** The fields an edit changed (other revisions say what they did in their action's name). */
function changedFields(revision: CommitmentRevision): string[] {
  if (revision.action !== 'update') return [];
  return [...new Set([...Object.keys(revision.before ?? {}), ...Object.keys(revision.after ?? {})])];
}

/** Every change of the commitment, newest first: who, when, what and why. */
export function RevisionHistory({ commitmentId, revision }: { commitmentId: string; revision: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(commitmentHistoryQuery(commitmentId, revision));
  const revisions = [...(history.data?.revisions ?? [])].reverse();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="fu-history">
      <details>
        <summary>
          <Title order={2} size="h4" id="fu-history" component="span">
            {t('followupCommitments.history.title')}
          </Title>
        </summary>
        <ProblemAlert error={history.error} />
        <Stack component="ol" className="fu-history" gap="xs" mt="sm">
          {revisions.map((entry) => (
            <li key={`${entry.revision}-${entry.at}-${entry.action}`}>
              <Text size="sm">
                {t('followupCommitments.history.entry', {
                  revision: entry.revision,
                  action: t(`followupCommitments.history.actions.${entry.action}`, { defaultValue: entry.action }),
                  at: formatDateTime(entry.at, i18n.language),
                })}
                {entry.by ? (
                  <>
                    {' — '}
                    <bdi>{entry.by.name}</bdi>
                  </>
                ) : null}
              </Text>
              {changedFields(entry).length ? (
                <Text size="sm" c="dimmed">
                  {t('followupCommitments.history.fields', {
                    fields: formatList(
                      changedFields(entry).map((field) =>
                        t(`followupCommitments.history.field.${field}`, { defaultValue: field }),
                      ),
                      i18n.language,
                    ),
                  })}
                </Text>
              ) : null}
              {entry.reason ? (
                <Text size="sm" dir="auto">
                  {t('followupCommitments.history.reason')} <bdi>{entry.reason}</bdi>
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      </details>
    </Card>
  );
}
