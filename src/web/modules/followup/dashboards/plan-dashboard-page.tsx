import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { NotFoundPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { Waiting } from './dashboard-parts.js';
import { type PlanDashboard, planDashboardQuery } from './dashboards-api.js';
import { ACTION_PLANS, type ActionPlan, isActionPlan } from './drill-search.js';
import { labelIn, totalActions } from './figures.js';
import { PlanView } from './plan-view.js';

/** `/followup/plans/$plan`: one action plan's dashboard, every figure a link to its records. */
export function PlanDashboardPage() {
  const { plan } = useParams({ strict: false }) as { plan?: string };
  if (!isActionPlan(plan)) return <NotFoundPage />;
  return <PlanDashboardOf plan={plan} />;
}

function PlanDashboardOf({ plan }: { plan: ActionPlan }) {
  const { t, i18n } = useTranslation();
  const answer = useQuery(planDashboardQuery(plan));
  const dashboard = answer.data;
  const title = dashboard ? labelIn(dashboard.label, i18n.language) : plan;
  return (
    <Stack className="followup-page">
      <PageTitle description={t('followupDashboards.plan.intro')}>
        {t('followupDashboards.plan.title', { plan: title })}
      </PageTitle>
      <Group justify="space-between" wrap="wrap">
        <PlanPicker plan={plan} />
        <Group gap="md">
          <Anchor component={Link} to="/followup">
            {t('followupDashboards.plan.backToPartner')}
          </Anchor>
          <Anchor component={Link} to={`/progress/${plan}`} data-testid="public-link">
            {t('followupDashboards.plan.publicLink')}
          </Anchor>
        </Group>
      </Group>
      <ProblemAlert error={answer.error} />
      {dashboard ? (
        <>
          <Totals dashboard={dashboard} />
          <PlanView dashboard={dashboard} linked />
        </>
      ) : answer.isPending ? (
        <Waiting />
      ) : null}
    </Stack>
  );
}

/** The four plans, labelled in the reader's language; picking one opens its dashboard. */
export function PlanPicker({
  plan,
  to = '/followup/plans/$plan',
}: {
  plan: ActionPlan;
  to?: '/followup/plans/$plan' | '/progress/$plan';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div>
      <Text component="span" size="sm" fw={500} id="plan-picker-label" display="block" mb={4}>
        {t('followupDashboards.plan.pickLabel')}
      </Text>
      <SegmentedControl
        aria-labelledby="plan-picker-label"
        value={plan}
        data={ACTION_PLANS.map((code) => ({ value: code, label: t(`followupDashboards.plans.${code}`) }))}
        onChange={(value) => {
          if (isActionPlan(value)) void navigate({ to, params: { plan: value } });
        }}
      />
    </div>
  );
}

/** The plan's headline figures; the table's total row gives the same, linked. */
export function Totals({ dashboard }: { dashboard: PlanDashboard }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const entries = [
    { key: 'recommendations', value: dashboard.totals.recommendations },
    { key: 'followedUp', value: dashboard.totals.followedUp },
    { key: 'commitments', value: dashboard.totals.commitments },
    { key: 'actions', value: totalActions(dashboard.totals.actions) },
    { key: 'indicators', value: dashboard.totals.indicators.total },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" className="followup-totals" data-testid="plan-totals">
      {entries.map((entry) => (
        <div key={entry.key} data-total={entry.key}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`followupDashboards.columns.${entry.key}`)}
          </Text>
          <Text component="dd" fz="xl" fw={700} m={0}>
            {number(entry.value)}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
