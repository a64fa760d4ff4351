import { Anchor, Badge, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../app/format.js';
import type { ActionRow, ActionStatusCounts, IndicatorRow } from './dashboards-api.js';
import { ACTION_STATUSES, type DrillTarget } from './drill-search.js';
import { attainmentPercent, STATUS_COLOURS, TREND_COLOURS, totalActions } from './figures.js';
import './dashboards.css';

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named, so that a
 * keyboard can scroll it even when the table holds no link (the public page).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="followup-scroll" aria-label={label} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}

export const commitmentPath = (id: string) => `/followup/commitments/${encodeURIComponent(id)}`;

/** A figure that opens the list of what it counts. */
export function FigureLink({
  target,
  value,
  label,
}: {
  target: Pick<DrillTarget, 'search'> & { to: string };
  value: number;
  label?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <Anchor component={Link} to={target.to} search={target.search as never} aria-label={label} data-figure={value}>
      {formatNumber(value, i18n.language)}
    </Anchor>
  );
}

export function Waiting() {
  const { t } = useTranslation();
  return (
    <Group>
      <Loader size="sm" aria-label={t('followupDashboards.loading')} />
      <Text>{t('followupDashboards.loading')}</Text>
    </Group>
  );
}

export function StatusBadge({ status }: { status: (typeof ACTION_STATUSES)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" tt="none">
      {t(`followupDashboards.actionStatus.${status}`)}
    </Badge>
  );
}

/**
 * Actions by status, one row per part (or my organisation): the table beside the chart, every
 * count a link to its actions.
 */
export function StatusCountsTable({
  rows,
  caption,
  rowHeader,
}: {
  rows: {
    key: string;
    label: ReactNode;
    counts: ActionStatusCounts;
    drill: (status: (typeof ACTION_STATUSES)[number]) => DrillTarget;
  }[];
  caption: string;
  rowHeader: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable label={caption} minWidth={480}>
      <Table striped withTableBorder data-testid="status-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            {ACTION_STATUSES.map((status) => (
              <Table.Th scope="col" key={status} ta="end">
                {t(`followupDashboards.actionStatus.${status}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              {ACTION_STATUSES.map((status) => (
                <Table.Td key={status} ta="end">
                  <FigureLink target={row.drill(status)} value={row.counts[status]} />
                </Table.Td>
              ))}
              <Table.Td ta="end">{formatNumber(totalActions(row.counts), i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function ActionsTable({ actions, caption }: { actions: ActionRow[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable label={caption} minWidth={560}>
      <Table striped withTableBorder data-testid="actions-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followupDashboards.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.commitment')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.ownerUnit')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr key={action.id} data-testid="action-row">
              <Table.Th scope="row" fw={400}>
                <bdi>{action.title}</bdi>
              </Table.Th>
              <Table.Td>
                <Anchor component={Link} to={commitmentPath(action.commitment.id)}>
                  <bdi>{action.commitment.title}</bdi>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <bdi>{action.ownerUnit.name}</bdi>
              </Table.Td>
              <Table.Td>
                <time dateTime={action.dueOn}>{formatDate(action.dueOn, i18n.language)}</time>
                {action.overdue ? (
                  <Badge ms="xs" color="red" variant="light" tt="none">
                    {t('followupDashboards.overdueBadge')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={action.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Indicators with baseline, target and latest value: the text alternative of their lines. */
export function IndicatorsTable({
  indicators,
  caption,
  linked = true,
}: {
  indicators: IndicatorRow[];
  caption: string;
  /** Off on the public page: the commitments' pages need an account. */
  linked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const value = (point: { value: number; on: string } | null, unit: string) =>
    point ? (
      <>
        {formatNumber(point.value, language)} <bdi>{unit}</bdi>{' '}
        <Text component="time" size="xs" c="dimmed" dateTime={point.on}>
          ({formatDate(point.on, language)})
        </Text>
      </>
    ) : (
      <Text component="span" c="dimmed" size="sm">
        {t('followupDashboards.indicators.noMeasurement')}
      </Text>
    );
  return (
    <ScrollTable label={caption} minWidth={640}>
      <Table striped withTableBorder data-testid="indicators-table">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followupDashboards.columns.indicator')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.commitment')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.indicators.baseline')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.indicators.target')}</Table.Th>
            <Table.Th scope="col">{t('followupDashboards.indicators.latest')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('followupDashboards.columns.attainment')}
            </Table.Th>
            <Table.Th scope="col">{t('followupDashboards.columns.trend')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => {
            const percent = attainmentPercent(indicator.attainment);
            return (
              <Table.Tr key={indicator.id} data-testid="indicator-row">
                <Table.Th scope="row" fw={400}>
                  <bdi>{indicator.name}</bdi>
                </Table.Th>
                <Table.Td>
                  {linked ? (
                    <Anchor component={Link} to={commitmentPath(indicator.commitment.id)}>
                      <bdi>{indicator.commitment.title}</bdi>
                    </Anchor>
                  ) : (
                    <bdi>{indicator.commitment.title}</bdi>
                  )}
                </Table.Td>
                <Table.Td>{value(indicator.baseline, indicator.measureUnit)}</Table.Td>
                <Table.Td>{value(indicator.target, indicator.measureUnit)}</Table.Td>
                <Table.Td>{value(indicator.latest, indicator.measureUnit)}</Table.Td>
                <Table.Td ta="end">
                  {percent === null ? '—' : formatNumber(percent / 100, language, { style: 'percent' })}
                </Table.Td>
                <Table.Td>
                  <Badge color={TREND_COLOURS[indicator.trend]} variant="light" tt="none">
                    {t(`followupDashboards.trend.${indicator.trend}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
