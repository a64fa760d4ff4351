import { Card, Grid, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { countryName } from '../../../i18n/index.js';
import { IndicatorsTable, Waiting } from './dashboard-parts.js';
import type { PlanDashboard } from './dashboards-api.js';
import { type ActionStatus, drillTo } from './drill-search.js';
import { labelIn, partGroups } from './figures.js';
import { PlanPartsTable } from './plan-parts-table.js';
import { WhenVisible } from './when-visible.js';

// Charts and map load after the tables: the first load carries the figures, not the libraries.
const StatusBars = lazy(() => import('./dashboard-charts.js').then((module) => ({ default: module.StatusBars })));
const IndicatorLine = lazy(() => import('./dashboard-charts.js').then((module) => ({ default: module.IndicatorLine })));
const PartnersMap = lazy(() => import('./partners-map.js').then((module) => ({ default: module.PartnersMap })));

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      ) : null}
      <Stack mt="sm">{children}</Stack>
    </Card>
  );
}

/**
 * One action plan's progress: actions by status per part (chart and table), indicators against
 * baseline and target, committed partners on a map. Signed in (`linked`), every figure opens the
 * records it counts; on the public page the figures are plain.
 */
export function PlanView({ dashboard, linked }: { dashboard: PlanDashboard; linked: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const groups = useMemo(() => partGroups(dashboard.parts), [dashboard.parts]);
  // The coarsest parts in the chart (domains, or a plan's objectives): five to twenty-three bars.
  const charted = groups[0]?.rows ?? [];
  const bars = useMemo(
    () =>
      charted.map((row) => ({
        key: row.reference,
        label: t(`followupDashboards.part.${row.part}`, { number: row.number, defaultValue: String(row.number) }),
        counts: row.actions,
        drill: (status: ActionStatus) => drillTo('actions', row.reference, { status }),
      })),
    [charted, t],
  );
  const openCountry = (code: string) => navigate({ to: '/library/countries/$code', params: { code } });

  return (
    <Stack>
      <Section
        id="plan-actions"
        title={t('followupDashboards.plan.actionsTitle')}
        hint={linked ? t('followupDashboards.plan.actionsHint') : undefined}
      >
        {groups.map((group) => (
          <PlanPartsTable key={group.part} dashboard={dashboard} rows={group.rows} linked={linked} />
        ))}
        {/* Below the figures, fetched when scrolled to: the first load carries the tables, not the charts library. */}
        {bars.length > 0 ? (
          <WhenVisible minHeight="20rem">
            <Suspense fallback={<Waiting />}>
              {/* On the public page a bar leads nowhere: its records need an account. */}
              <StatusBars
                rows={linked ? bars : bars.map((bar) => ({ ...bar, drill: undefined }))}
                label={t('followupDashboards.plan.chartLabel')}
              />
            </Suspense>
          </WhenVisible>
        ) : null}
      </Section>
      <Section
        id="plan-indicators"
        title={t('followupDashboards.plan.indicatorsTitle')}
        hint={t('followupDashboards.plan.indicatorsHint')}
      >
        {dashboard.indicators.length === 0 ? (
          <Text c="dimmed">{t('followupDashboards.plan.noIndicators')}</Text>
        ) : (
          <>
            <WhenVisible minHeight="10rem">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {dashboard.indicators.map((indicator) => (
                  <figure key={indicator.id} className="followup-figure">
                    <Text component="figcaption" size="sm" fw={600}>
                      <bdi>{indicator.name}</bdi>
                    </Text>
                    <Suspense fallback={<Waiting />}>
                      <IndicatorLine
                        indicator={indicator}
                        label={t('followupDashboards.indicators.lineLabel', { name: indicator.name })}
                      />
                    </Suspense>
                  </figure>
                ))}
              </SimpleGrid>
            </WhenVisible>
            <IndicatorsTable
              indicators={dashboard.indicators}
              caption={t('followupDashboards.plan.indicatorsCaption', { plan: labelIn(dashboard.label, language) })}
              linked={linked}
            />
          </>
        )}
      </Section>
      <Section id="plan-partners" title={t('followupDashboards.plan.partnersTitle')}>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <WhenVisible minHeight="28rem">
              <Suspense fallback={<Waiting />}>
                <PartnersMap partnersByCountry={dashboard.partnersByCountry} onOpen={openCountry} />
              </Suspense>
            </WhenVisible>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Table striped withTableBorder data-testid="partners-table">
              <caption>{t('followupDashboards.plan.partnersCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('followupDashboards.columns.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('followupDashboards.columns.country')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('followupDashboards.columns.commitments')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dashboard.partners.map((partner) => (
                  <Table.Tr key={partner.organisation.id}>
                    <Table.Th scope="row" fw={400}>
                      <bdi>{partner.organisation.name}</bdi>
                    </Table.Th>
                    <Table.Td>
                      {partner.organisation.country ? countryName(partner.organisation.country, language) : '—'}
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(partner.commitments, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
      </Section>
    </Stack>
  );
}
