import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { FigureLink, ScrollTable } from './dashboard-parts.js';
import type { PlanDashboard, PlanPart } from './dashboards-api.js';
import { ACTION_STATUSES, type DrillTarget, drillTo } from './drill-search.js';
import { attainmentPercent, labelIn } from './figures.js';

type Figures = Pick<PlanPart, 'recommendations' | 'followedUp' | 'commitments' | 'actions' | 'indicators'> & {
  attainment?: number | null;
};

/** The library's recommendations tagged with a reference (and, for `followedUp`, acted on). */
const libraryTarget = (reference: string, followedUp: boolean) => ({
  to: '/library' as const,
  search: { reference, type: 'recommendation', ...(followedUp ? { followUp: 'followed_up' } : {}) },
});

/**
 * The plan's figures per part, each a link to the records it counts (the library's recommendations,
 * the commitments, the actions in a status, the indicators in a trend). It is also the text
 * alternative of the stacked bars above it. On the public page (`linked` off) figures are plain.
 */
export function PlanPartsTable({ dashboard, rows, linked }: { dashboard: PlanDashboard; rows: PlanPart[]; linked: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const plain = (value: number) => formatNumber(value, language);
  const figure = (target: DrillTarget | ReturnType<typeof libraryTarget>, value: number, label: string) =>
    linked ? <FigureLink target={target} value={value} label={label} /> : plain(value);
  const cells = (scope: string, name: string, figures: Figures) => {
    const say = (what: string, value: number) => t('followupDashboards.plan.figureLabel', { what, part: name, count: value });
    const percent = attainmentPercent(figures.attainment ?? null);
    return (
      <>
        <Table.Td ta="end">
          {figure(
            libraryTarget(scope, false),
            figures.recommendations,
            say(t('followupDashboards.columns.recommendations'), figures.recommendations),
          )}
        </Table.Td>
        <Table.Td ta="end">
          {figure(
            libraryTarget(scope, true),
            figures.followedUp,
            say(t('followupDashboards.columns.followedUp'), figures.followedUp),
          )}
        </Table.Td>
        <Table.Td ta="end">
          {figure(
            drillTo('commitments', scope),
            figures.commitments,
            say(t('followupDashboards.columns.commitments'), figures.commitments),
          )}
        </Table.Td>
        {ACTION_STATUSES.map((status) => (
          <Table.Td key={status} ta="end">
            {figure(
              drillTo('actions', scope, { status }),
              figures.actions[status],
              say(t(`followupDashboards.actionStatus.${status}`), figures.actions[status]),
            )}
          </Table.Td>
        ))}
        <Table.Td ta="end">
          {figure(
            drillTo('indicators', scope),
            figures.indicators.total,
            say(t('followupDashboards.columns.indicators'), figures.indicators.total),
          )}
        </Table.Td>
        <Table.Td ta="end">
          {figure(
            drillTo('indicators', scope, { trend: 'off_track' }),
            figures.indicators.offTrack,
            say(t('followupDashboards.trend.off_track'), figures.indicators.offTrack),
          )}
        </Table.Td>
        <Table.Td ta="end">{percent === null ? '—' : formatNumber(percent / 100, language, { style: 'percent' })}</Table.Td>
      </>
    );
  };
  const planName = labelIn(dashboard.label, language);
  return (
    <ScrollTable label={t('followupDashboards.plan.partsCaption', { plan: planName })} minWidth={960}>
      <Table striped withTableBorder data-testid="plan-parts-table">
        <caption>{t('followupDashboards.plan.partsCaption', { plan: planName })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followupDashboards.columns.part')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.recommendations')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.followedUp')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.commitments')}
            </Table.Th>
            {ACTION_STATUSES.map((status) => (
              <Table.Th scope="col" key={status} ta="end">
                {t(`followupDashboards.actionStatus.${status}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.indicators')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.trend.off_track')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.attainment')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const name = labelIn(row.label, language);
            return (
              <Table.Tr key={row.reference} data-reference={row.reference}>
                <Table.Th scope="row" fw={400} miw={260}>
                  {name}
                </Table.Th>
                {cells(row.reference, name, row)}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-reference={dashboard.plan}>
            <Table.Th scope="row">{t('followupDashboards.total')}</Table.Th>
            {cells(dashboard.plan, planName, dashboard.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
