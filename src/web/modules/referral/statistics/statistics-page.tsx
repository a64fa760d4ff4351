import { Anchor, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from '../../../../shared/referral/statistics.js';
import { CASE_TYPES, type CaseType } from '../../../../shared/referral/vocabulary.js';
import { useCan } from '../../../app/capabilities.js';
import { formatMonth, formatNumber } from '../../../app/format.js';
import { NotAllowedPage, PageTitle, ProblemAlert } from '../../../app/page.js';
import { EXPORT_URL, type PublishedCount, type StatisticsFilters, statisticsQuery } from './statistics-api.js';
import { BarChart, type ChartPoint, MonthLine } from './statistics-charts.js';
import './statistics.css';

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The words of a dimension's categories in the reader's language. */
function useCategoryLabel() {
  const { t, i18n } = useTranslation();
  return (dimension: StatisticsDimension, key: string): string => {
    if (key === 'unknown') return t('referralStatistics.values.unknown');
    switch (dimension) {
      case 'month':
        return formatMonth(key, i18n.language);
      case 'ageBand':
        return key;
      case 'nationality':
        return new Intl.DisplayNames([i18n.language], { type: 'region' }).of(key) ?? key;
      default:
        return t(`referralStatistics.values.${dimension}.${key}`);
    }
  };
}

function Count({ count }: { count: PublishedCount }) {
  const { t, i18n } = useTranslation();
  return count.suppressed ? (
    <Text span c="dimmed" dir="ltr">
      {t('referralStatistics.suppressed')}
    </Text>
  ) : (
    <span>{formatNumber(count.value ?? 0, i18n.language)}</span>
  );
}

/** Aggregated case statistics: a table by one or two dimensions, its bars, and cases opened by month. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const allowed = useCan('referralStatistics.read');
  const label = useCategoryLabel();
  const [by, setBy] = useState<StatisticsDimension>('indicatorFamily');
  const [by2, setBy2] = useState<StatisticsDimension | ''>('');
  const [caseType, setCaseType] = useState<CaseType | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = { ...(MONTH.test(from) ? { from } : {}), ...(MONTH.test(to) ? { to } : {}) };
  const common = { ...range, ...(caseType ? { caseType } : {}) };
  const filters: StatisticsFilters = { by, ...(by2 && by2 !== by ? { by2 } : {}), ...common };
  const table = useQuery({ ...statisticsQuery(filters), enabled: allowed, placeholderData: keepPreviousData });
  const months = useQuery({
    ...statisticsQuery({ by: 'month', ...common }),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  if (!allowed) return <NotAllowedPage />;

  const dimensionOptions = STATISTICS_DIMENSIONS.map((value) => ({ value, label: t(`referralStatistics.dimension.${value}`) }));
  const data = table.data;
  const bars: ChartPoint[] = (data?.rows ?? []).map((row) => ({
    key: row.key,
    label: label(data?.by ?? by, row.key),
    count: row.total,
  }));
  const monthPoints: ChartPoint[] = (months.data?.rows ?? []).map((row) => ({
    key: row.key,
    label: label('month', row.key),
    count: row.total,
  }));

  return (
    <Stack>
      <PageTitle description={t('referralStatistics.description')}>{t('referralStatistics.title')}</PageTitle>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('referralStatistics.by')}
          data={dimensionOptions}
          value={by}
          onChange={(value) => value && setBy(value as StatisticsDimension)}
          allowDeselect={false}
        />
        <Select
          label={t('referralStatistics.by2')}
          data={[
            { value: '', label: t('referralStatistics.noSecond') },
            ...dimensionOptions.filter((option) => option.value !== by),
          ]}
          value={by2}
          onChange={(value) => setBy2((value ?? '') as StatisticsDimension | '')}
          allowDeselect={false}
        />
        <Select
          label={t('referralStatistics.caseType')}
          data={[
            { value: '', label: t('referralStatistics.anyCaseType') },
            ...CASE_TYPES.map((value) => ({ value, label: t(`referralStatistics.values.caseType.${value}`) })),
          ]}
          value={caseType}
          onChange={(value) => setCaseType((value ?? '') as CaseType | '')}
          allowDeselect={false}
        />
        <TextInput
          type="month"
          label={t('referralStatistics.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput type="month" label={t('referralStatistics.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        {table.isFetching ? <Loader size="xs" role="status" aria-label={t('referralStatistics.loading')} /> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('referralStatistics.legend')}
      </Text>
      <ProblemAlert error={table.error} />
      {data ? (
        <>
          <Title order={2} size="h3">
            {t('referralStatistics.tableTitle')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table className="referral-stats-table" striped withTableBorder data-testid="statistics-table">
              <Table.Caption>
                {data.total.suppressed
                  ? t('referralStatistics.totalSuppressed')
                  : t('referralStatistics.total', { count: data.total.value ?? 0 })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`referralStatistics.dimension.${data.by}`)}</Table.Th>
                  {data.columns.map((column) => (
                    <Table.Th key={column} scope="col">
                      <bdi>{label(data.by2 ?? data.by, column)}</bdi>
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('referralStatistics.rowTotal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row">
                      <bdi>{label(data.by, row.key)}</bdi>
                    </Table.Th>
                    {row.cells.map((cell, index) => (
                      <Table.Td key={data.columns[index]}>
                        <Count count={cell} />
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Count count={row.total} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('referralStatistics.rowTotal')}</Table.Th>
                  {data.columnTotals.map((cell, index) => (
                    <Table.Td key={data.columns[index]}>
                      <Count count={cell} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Count count={data.total} />
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <BarChart points={bars} />
        </>
      ) : null}
      <Title order={2} size="h3">
        {t('referralStatistics.monthsTitle')}
      </Title>
      <ProblemAlert error={months.error} />
      {monthPoints.length > 0 ? (
        <>
          <MonthLine points={monthPoints} />
          <details>
            <summary>{t('referralStatistics.monthsFigures')}</summary>
            <Table withTableBorder data-testid="statistics-months-table">
              <Table.Tbody>
                {monthPoints.map((point) => (
                  <Table.Tr key={point.key}>
                    <Table.Th scope="row">{point.label}</Table.Th>
                    <Table.Td>
                      <Count count={point.count} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      ) : (
        <Text c="dimmed">{t('referralStatistics.noMonths')}</Text>
      )}
      <Anchor href={EXPORT_URL} download>
        {t('referralStatistics.export')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('referralStatistics.exportNote')}
      </Text>
    </Stack>
  );
}
