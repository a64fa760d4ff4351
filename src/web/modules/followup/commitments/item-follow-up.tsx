import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../../api/session.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDate } from '../../../app/format.js';
import { ProblemAlert } from '../../../app/page.js';
import { commitmentPath, recommendationFollowUpQuery } from './commitments-api.js';
import { CommitmentStatusTag, organisationLabel } from './parts.js';

/**
 * On a library recommendation's page: the commitments acting on it, with their state, and a way to
 * commit to act on it. Signed-in readers only (the follow-up is not public here).
 */
export default function ItemFollowUp({ itemId, recommendation }: { itemId: string; recommendation: boolean }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const mayCommit = useCan('commitment.create');
  // Commitments act on recommendations only: other items have no follow-up to show.
  const followUp = useQuery({ ...recommendationFollowUpQuery(itemId), enabled: !!me && recommendation });
  if (!me || !recommendation) return null;
  const commitments = followUp.data?.commitments ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="item-follow-up" data-testid="item-follow-up">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="item-follow-up">
            {t('followupCommitments.item.title')}
          </Title>
          {mayCommit && me.units.length > 0 ? (
            <Button
              component={Link}
              to="/followup/commitments/new"
              search={{ recommendation: itemId } as never}
              variant="outline"
              size="sm"
            >
              {t('followupCommitments.item.commit')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert error={followUp.error} />
        {followUp.data && commitments.length === 0 ? <Text c="dimmed">{t('followupCommitments.item.none')}</Text> : null}
        {commitments.length ? (
          <ul className="fu-list">
            {commitments.map((commitment) => (
              <li key={commitment.id} data-testid="item-commitment">
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={commitmentPath(commitment.id)} fw={600} dir="auto">
                    {commitment.title}
                  </Anchor>
                  <CommitmentStatusTag status={commitment.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  <bdi>{organisationLabel(commitment.lead)}</bdi>
                  {' — '}
                  {t('followupCommitments.item.until', { date: formatDate(commitment.endsOn, i18n.language) })}
                  {commitment.overdueActions > 0
                    ? ` — ${t('followupCommitments.list.overdueActions', { count: commitment.overdueActions })}`
                    : ''}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
      </Stack>
    </Card>
  );
}
