import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPagination } from '../../../app/list-pagination.js';
import { PageTitle, ProblemAlert } from '../../../app/page.js';
import { ActionsTable, IndicatorsTable, Waiting } from './dashboard-parts.js';
import { actionsQuery, indicatorsQuery, PAGE_SIZE, planCatalogueQuery } from './dashboards-api.js';
import {
  ACTION_STATUSES,
  type ActionListSearch,
  INDICATOR_TRENDS,
  type IndicatorListSearch,
  isActionPlan,
  parseActionListSearch,
  parseIndicatorListSearch,
} from './drill-search.js';
import { labelIn } from './figures.js';

const planPath = (plan: string) => `/followup/plans/${encodeURIComponent(plan)}`;

/** The name of a reference ("Cadiz Action Plan", "Objective 3 — …") from the catalogue, else its id. */
function useReferenceName(reference: string | undefined): string | undefined {
  const { i18n } = useTranslation();
  const catalogue = useQuery({ ...planCatalogueQuery(), enabled: Boolean(reference) });
  if (!reference) return undefined;
  for (const plan of catalogue.data?.plans ?? []) {
    if (plan.plan === reference) return labelIn(plan.label, i18n.language);
    const part = plan.parts.find((candidate) => candidate.reference === reference);
    // A part's label names its plan already ("Cadiz Action Plan, Objective 3: …").
    if (part) return labelIn(part.label, i18n.language);
  }
  return reference;
}

/** What the list is filtered on, with the way back to the plan's dashboard. */
function Scope({ reference, filters }: { reference?: string; filters: ReactNode }) {
  const { t } = useTranslation();
  const name = useReferenceName(reference);
  const plan = reference?.split(':')[0];
  return (
    <Group justify="space-between" align="end" wrap="wrap">
      <Group align="end">{filters}</Group>
      {reference ? (
        <Text size="sm">
          {t('followupDashboards.drill.reference')} <bdi data-testid="drill-reference">{name}</bdi>
          {isActionPlan(plan) ? (
            <>
              {' · '}
              <Anchor component={Link} to={planPath(plan)}>
                {t('followupDashboards.drill.backToPlan')}
              </Anchor>
            </>
          ) : null}
        </Text>
      ) : null}
    </Group>
  );
}

/** A page of a drill-down list: its total, the table of its rows, pages; waiting or the problem meanwhile. */
function DrillList<T>({
  answer,
  count,
  table,
  page,
  onPage,
}: {
  answer: { data?: { items: T[]; total: number }; error: unknown; isPending: boolean };
  count: (total: number) => string;
  table: (items: T[]) => ReactNode;
  page: number;
  onPage: (page: number) => void;
}) {
  const list = answer.data;
  return (
    <>
      <ProblemAlert error={answer.error} />
      {list ? (
        <>
          <Text fw={600} data-testid="drill-total" data-total={list.total} aria-live="polite">
            {count(list.total)}
          </Text>
          {list.items.length > 0 ? table(list.items) : null}
          <ListPagination pages={Math.ceil(list.total / PAGE_SIZE)} page={page} onChange={onPage} />
        </>
      ) : answer.isPending ? (
        <Waiting />
      ) : null}
    </>
  );
}

/** `/followup/actions?reference=…&status=…`: the actions a dashboard's figure counts. */
export function ActionsPage() {
  const { t } = useTranslation();
  const search = parseActionListSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const answer = useQuery(actionsQuery(search));
  const go = (next: ActionListSearch) => navigate({ to: '/followup/actions', search: next as Record<string, unknown> });
  return (
    <Stack className="followup-page">
      <PageTitle description={t('followupDashboards.drill.actionsIntro')}>{t('followupDashboards.drill.actionsTitle')}</PageTitle>
      <Scope
        reference={search.reference ?? search.plan}
        filters={
          <Select
            label={t('followupDashboards.columns.status')}
            placeholder={t('followupDashboards.drill.anyStatus')}
            data={ACTION_STATUSES.map((status) => ({ value: status, label: t(`followupDashboards.actionStatus.${status}`) }))}
            value={search.status ?? null}
            clearable
            onChange={(status) => go({ ...search, status: (status as ActionListSearch['status']) ?? undefined, page: undefined })}
          />
        }
      />
      <DrillList
        answer={answer}
        count={(count) => t('followupDashboards.drill.actionsCount', { count })}
        table={(items) => <ActionsTable actions={items} caption={t('followupDashboards.drill.actionsTitle')} />}
        page={search.page ?? 1}
        onPage={(page) => go({ ...search, page: page > 1 ? page : undefined })}
      />
    </Stack>
  );
}

/** `/followup/indicators?reference=…&trend=…`: the indicators a dashboard's figure counts. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const search = parseIndicatorListSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const navigate = useNavigate();
  const answer = useQuery(indicatorsQuery(search));
  const go = (next: IndicatorListSearch) => navigate({ to: '/followup/indicators', search: next as Record<string, unknown> });
  return (
    <Stack className="followup-page">
      <PageTitle description={t('followupDashboards.drill.indicatorsIntro')}>
        {t('followupDashboards.drill.indicatorsTitle')}
      </PageTitle>
      <Scope
        reference={search.reference ?? search.plan}
        filters={
          <Select
            label={t('followupDashboards.columns.trend')}
            placeholder={t('followupDashboards.drill.anyTrend')}
            data={INDICATOR_TRENDS.map((trend) => ({ value: trend, label: t(`followupDashboards.trend.${trend}`) }))}
            value={search.trend ?? null}
            clearable
            onChange={(trend) => go({ ...search, trend: (trend as IndicatorListSearch['trend']) ?? undefined, page: undefined })}
          />
        }
      />
      <DrillList
        answer={answer}
        count={(count) => t('followupDashboards.drill.indicatorsCount', { count })}
        table={(items) => <IndicatorsTable indicators={items} caption={t('followupDashboards.drill.indicatorsTitle')} />}
        page={search.page ?? 1}
        onPage={(page) => go({ ...search, page: page > 1 ? page : undefined })}
      />
    </Stack>
  );
}
