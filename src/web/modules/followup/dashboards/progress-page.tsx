import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CommitmentList } from '../../../../shared/followup/contract.js';
import { formatDate, formatNumber } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { ScrollTable, Waiting } from './dashboard-parts.js';
import { publicCommitmentsQuery, publicPlanQuery } from './dashboards-api.js';
import { type ActionPlan, isActionPlan } from './drill-search.js';
import { labelIn, totalActions } from './figures.js';
import { PlanPicker, Totals } from './plan-dashboard-page.js';
import { PlanView } from './plan-view.js';

/**
 * `/progress/$plan`: an action plan's progress for anyone, without an account. The server counts only
 * TLP:CLEAR commitments here and names organisations, never people.
 */
export function ProgressPage() {
  const { plan } = useParams({ strict: false }) as { plan?: string };
  if (!isActionPlan(plan)) return <NotFoundPage />;
  return <ProgressOf plan={plan} />;
}

function ProgressOf({ plan }: { plan: ActionPlan }) {
  const { t, i18n } = useTranslation();
  const answer = useQuery(publicPlanQuery(plan));
  const commitments = useQuery(publicCommitmentsQuery(plan));
  const dashboard = answer.data;
  const title = dashboard ? labelIn(dashboard.label, i18n.language) : plan;
  return (
    <Stack className="followup-page">
      <PageTitle description={t('followupDashboards.progress.intro')}>
        {t('followupDashboards.progress.title', { plan: title })}
      </PageTitle>
      <PlanPicker plan={plan} to="/progress/$plan" />
      <ProblemAlert error={answer.error} />
      {dashboard ? (
        <>
          <Totals dashboard={dashboard} />
          <PlanView dashboard={dashboard} linked={false} />
          <PublicCommitments list={commitments.data} error={commitments.error} />
        </>
      ) : answer.isPending ? (
        <Waiting />
      ) : null}
    </Stack>
  );
}

function PublicCommitments({ list, error }: { list: CommitmentList | undefined; error: unknown }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="progress-commitments">
      <Title order={2} size="h4" id="progress-commitments" mb="sm">
        {t('followupDashboards.progress.commitmentsTitle')}
      </Title>
      <ProblemAlert error={error} />
      {!list ? null : list.items.length === 0 ? (
        <Text c="dimmed">{t('followupDashboards.progress.noCommitments')}</Text>
      ) : (
        <ScrollTable label={t('followupDashboards.progress.commitmentsTitle')} minWidth={560}>
          <Table striped withTableBorder data-testid="public-commitments">
            <caption>{t('followupDashboards.progress.commitmentsCaption', { count: list.total })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followupDashboards.columns.commitment')}</Table.Th>
                <Table.Th scope="col">{t('followupDashboards.columns.lead')}</Table.Th>
                <Table.Th scope="col">{t('followupDashboards.columns.endsOn')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('followupDashboards.columns.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((commitment) => (
                <Table.Tr key={commitment.id}>
                  <Table.Th scope="row" fw={400}>
                    <bdi>{commitment.title}</bdi>{' '}
                    <Badge variant="light" color="gray" tt="none">
                      {t(`followupDashboards.commitmentStatus.${commitment.status}`)}
                    </Badge>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{commitment.lead.name}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={commitment.endsOn}>{formatDate(commitment.endsOn, language)}</time>
                  </Table.Td>
                  <Table.Td ta="end">{formatNumber(totalActions(commitment.actions), language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
