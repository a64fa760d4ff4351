import { Anchor, Button, Card, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../app/bidi.js';
import { useCan } from '../../../app/capabilities.js';
import { formatDate } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { CycleStatusTag, ProgressStrip } from './cycle-parts.js';
import { CYCLE_STATUSES, type CycleSearch, type CycleSummary, cyclePath, cyclesQuery } from './cycles-api.js';

function CycleCard({ cycle }: { cycle: CycleSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to={cyclePath(cycle.id)} fw={600}>
            <bdi>{cycle.title}</bdi>
          </Anchor>
          <CycleStatusTag status={cycle.status} />
        </Group>
        <Text size="sm">
          {[
            cycle.plan ? t('followupCycles.list.plan', { plan: isolate(cycle.plan) }) : null,
            t('followupCycles.list.deadline', { date: formatDate(cycle.deadline, i18n.language) }),
            t('followupCycles.list.commitments', { count: cycle.commitmentCount }),
            cycle.closedAt ? t('followupCycles.list.closedOn', { date: formatDate(cycle.closedAt, i18n.language) }) : null,
          ]
            .filter(Boolean)
            .join(t('followupCycles.separator'))}
        </Text>
        <ProgressStrip counts={cycle.progress} />
      </Stack>
    </Card>
  );
}

/** The review cycles, open and closed, with how far their partners' reports have come. */
export function CyclesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/followup/cycles' });
  const navigate = useNavigate({ from: '/followup/cycles' });
  const mayOpen = useCan('cycle.manage');
  const list = useQuery({ ...cyclesQuery(search.status), placeholderData: keepPreviousData });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle description={t('followupCycles.list.description')}>{t('followupCycles.list.title')}</PageTitle>
        {mayOpen ? (
          <Button component={Link} to="/followup/cycles/new">
            {t('followupCycles.list.open')}
          </Button>
        ) : null}
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('followupCycles.list.filter')}
          value={search.status ?? 'all'}
          onChange={(value) =>
            navigate({
              search: (): CycleSearch => (value === 'all' ? {} : { status: value as CycleSearch['status'] }),
              replace: true,
            })
          }
          data={[
            { value: 'all', label: t('followupCycles.list.all') },
            ...CYCLE_STATUSES.map((status) => ({ value: status, label: t(`followupCycles.status.${status}`) })),
          ]}
        />
        <Group gap="xs">
          {list.isFetching ? <Loader size="xs" role="status" aria-label={t('followupCycles.loading')} /> : null}
          <Text size="sm" role="status">
            {list.data ? t('followupCycles.list.count', { count: list.data.total }) : ''}
          </Text>
        </Group>
      </Group>
      <ProblemAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t('followupCycles.list.empty')}</Text> : null}
      <ul className="cycle-list" aria-label={t('followupCycles.list.title')}>
        {list.data?.items.map((cycle) => (
          <CycleCard key={cycle.id} cycle={cycle} />
        ))}
      </ul>
    </Stack>
  );
}
