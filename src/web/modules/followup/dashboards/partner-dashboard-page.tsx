import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../app/format.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import {
  ActionsTable,
  commitmentPath,
  FigureLink,
  IndicatorsTable,
  ScrollTable,
  StatusCountsTable,
  Waiting,
} from './dashboard-parts.js';
import { type PartnerDashboard, partnerDashboardQuery } from './dashboards-api.js';
import { ACTION_PLANS, type DrillTarget } from './drill-search.js';
import { totalActions } from './figures.js';
import { Sparkline, StatusStrip } from './light-charts.js';

/** `/followup`: my organisation's commitments, its actions and indicators, and the reports it owes. */
export function PartnerDashboardPage() {
  const { t } = useTranslation();
  const answer = useQuery(partnerDashboardQuery());
  const dashboard = answer.data;
  return (
    <Stack className="followup-page">
      <PageTitle description={dashboard ? <bdi>{dashboard.organisation.name}</bdi> : t('followupDashboards.partner.intro')}>
        {t('followupDashboards.partner.title')}
      </PageTitle>
      <FollowupLinks />
      <ProblemAlert error={answer.error} />
      {dashboard ? <Dashboard dashboard={dashboard} /> : answer.isPending ? <Waiting /> : null}
    </Stack>
  );
}

/** The rest of the follow-up: the plans' dashboards, the commitments list, the review cycles. */
function FollowupLinks() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="nav" aria-labelledby="followup-links-title">
      <Title order={2} size="h5" id="followup-links-title" mb="xs">
        {t('followupDashboards.partner.linksTitle')}
      </Title>
      <Group gap="xs">
        {ACTION_PLANS.map((plan) => (
          <Button key={plan} component={Link} to={`/followup/plans/${plan}`} variant="light" size="xs">
            {t(`followupDashboards.plans.${plan}`)}
          </Button>
        ))}
        <Button component={Link} to="/followup/commitments" variant="subtle" size="xs">
          {t('followupDashboards.partner.allCommitments')}
        </Button>
        <Button component={Link} to="/followup/cycles" variant="subtle" size="xs">
          {t('followupDashboards.partner.cycles')}
        </Button>
      </Group>
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Dashboard({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const organisation = dashboard.organisation.id;
  const statusRow = {
    key: 'mine',
    label: <bdi>{dashboard.organisation.acronym ?? dashboard.organisation.name}</bdi>,
    counts: dashboard.actionsByStatus,
    drill: (status: string) => ({ to: '/followup/actions' as const, search: { organisation, status } }),
  };
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Headline
          label={t('followupDashboards.partner.commitments')}
          value={dashboard.commitments.length}
          testId="figure-commitments"
        />
        <Headline
          label={t('followupDashboards.partner.actions')}
          value={totalActions(dashboard.actionsByStatus)}
          testId="figure-actions"
          target={{ to: '/followup/actions', search: { organisation } }}
        />
        <Headline
          label={t('followupDashboards.partner.overdue')}
          value={dashboard.overdue.length}
          testId="figure-overdue"
          target={{ to: '/followup/actions', search: { organisation, overdue: 'true' } }}
        />
        <Headline
          label={t('followupDashboards.partner.offTrack')}
          value={dashboard.offTrack.length}
          testId="figure-off-track"
          target={{ to: '/followup/indicators', search: { organisation, trend: 'off_track' } }}
        />
      </SimpleGrid>
      <Section id="partner-reports" title={t('followupDashboards.partner.reportsTitle')}>
        {dashboard.reportsToSubmit.length === 0 ? (
          <Text c="dimmed">{t('followupDashboards.partner.noReports')}</Text>
        ) : (
          <List spacing="xs">
            {dashboard.reportsToSubmit.map((report) => (
              <List.Item key={report.reportId}>
                <Anchor component={Link} to={`/followup/reports/${encodeURIComponent(report.reportId)}`}>
                  <bdi>{report.cycleTitle}</bdi>
                </Anchor>{' '}
                <Text component="span" size="sm" c="dimmed">
                  {t('followupDashboards.partner.deadline', { date: formatDate(report.deadline, language) })}
                </Text>{' '}
                <Badge variant="light" color={report.progress === 'late' ? 'red' : 'gray'} tt="none">
                  {t(`followupDashboards.reportProgress.${report.progress}`)}
                </Badge>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="partner-actions" title={t('followupDashboards.partner.actionsByStatus')}>
        <StatusStrip counts={statusRow.counts} drill={statusRow.drill} />
        <StatusCountsTable
          rows={[statusRow]}
          caption={t('followupDashboards.partner.actionsCaption')}
          rowHeader={t('followupDashboards.columns.organisation')}
        />
      </Section>
      <Section id="partner-due-soon" title={t('followupDashboards.partner.dueSoon')}>
        {dashboard.dueSoon.length === 0 ? (
          <Text c="dimmed">{t('followupDashboards.partner.nothingDue')}</Text>
        ) : (
          <ActionsTable actions={dashboard.dueSoon} caption={t('followupDashboards.partner.dueSoonCaption')} />
        )}
      </Section>
      <Section id="partner-overdue" title={t('followupDashboards.partner.overdueTitle')}>
        {dashboard.overdue.length === 0 ? (
          <Text c="dimmed">{t('followupDashboards.partner.nothingOverdue')}</Text>
        ) : (
          <ActionsTable actions={dashboard.overdue} caption={t('followupDashboards.partner.overdueCaption')} />
        )}
      </Section>
      <Section id="partner-off-track" title={t('followupDashboards.partner.offTrackTitle')}>
        {dashboard.offTrack.length === 0 ? (
          <Text c="dimmed">{t('followupDashboards.partner.nothingOffTrack')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="md">
              {dashboard.offTrack.map((indicator) => (
                <figure key={indicator.id} className="followup-figure">
                  <Text component="figcaption" size="sm" fw={600}>
                    <bdi>{indicator.name}</bdi>
                  </Text>
                  <Sparkline
                    indicator={indicator}
                    label={t('followupDashboards.indicators.lineLabel', { name: indicator.name })}
                  />
                </figure>
              ))}
            </SimpleGrid>
            <IndicatorsTable indicators={dashboard.offTrack} caption={t('followupDashboards.partner.offTrackCaption')} />
          </>
        )}
      </Section>
      <Section id="partner-commitments" title={t('followupDashboards.partner.commitmentsTitle')}>
        <CommitmentsTable dashboard={dashboard} />
      </Section>
    </Stack>
  );
}

function Headline({ label, value, testId, target }: { label: string; value: number; testId: string; target?: DrillTarget }) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {target ? (
          <FigureLink target={target} value={value} label={`${label}: ${formatNumber(value, i18n.language)}`} />
        ) : (
          formatNumber(value, i18n.language)
        )}
      </Text>
    </Card>
  );
}

function CommitmentsTable({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (dashboard.commitments.length === 0) return <Text c="dimmed">{t('followupDashboards.partner.noCommitments')}</Text>;
  return (
    <ScrollTable label={t('followupDashboards.partner.commitmentsCaption')} minWidth={560}>
      <Table striped withTableBorder data-testid="commitments-table">
        <caption>{t('followupDashboards.partner.commitmentsCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followupDashboards.columns.commitment')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.lead')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.endsOn')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.actions')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.overdue')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dashboard.commitments.map((commitment) => (
            <Table.Tr key={commitment.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={commitmentPath(commitment.id)}>
                  <bdi>{commitment.title}</bdi>
                </Anchor>{' '}
                <Badge variant="light" color="gray" tt="none">
                  {t(`followupDashboards.commitmentStatus.${commitment.status}`)}
                </Badge>
              </Table.Th>
              <Table.Td>
                <bdi>{commitment.lead.acronym ?? commitment.lead.name}</bdi>
              </Table.Td>
              <Table.Td>
                <time dateTime={commitment.endsOn}>{formatDate(commitment.endsOn, language)}</time>
              </Table.Td>
              <Table.Td ta="end">{formatNumber(totalActions(commitment.actions), language)}</Table.Td>
              <Table.Td ta="end">{formatNumber(commitment.overdueActions, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
