import { Table, Text, useMantineTheme } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format.js';
import type { Indicator } from './commitments-api.js';
import { formatValue } from './values.js';

// Only the parts this chart uses, drawn as SVG: no canvas text measuring, nothing the CSP forbids.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLOURS = { measured: '#1c4f8a', baseline: '#666666', target: '#1b6e34' };

/**
 * The indicator's measurements (not withdrawn) as a line against its baseline and target, with the
 * same figures as a table in a disclosure: the text alternative of the chart.
 */
export default function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const { fontFamily } = useMantineTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const measured = indicator.measurements.filter((measurement) => !measurement.withdrawn);
  const names = useRef({ measured: '', baseline: '', target: '' });
  names.current = {
    measured: t('followupCommitments.chart.measured'),
    baseline: t('followupCommitments.chart.baseline'),
    target: t('followupCommitments.chart.target'),
  };

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    const { baseline, target } = indicator;
    const last = [target.on, ...measured.map((measurement) => measurement.measuredOn)].sort().at(-1) ?? target.on;
    const flat = (value: number) => [
      [baseline.on, value],
      [last, value],
    ];
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily },
      legend: { top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left' },
      tooltip: { trigger: 'axis' },
      grid: { top: 40, bottom: 8, left: 8, right: 16, containLabel: true },
      // Time runs left to right in every language (an inverted time axis collapses the grid in
      // ECharts); the legend still starts on the reading side.
      xAxis: { type: 'time', axisLabel: { formatter: (at: number) => formatDate(at, language), hideOverlap: true } },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'line',
          name: names.current.measured,
          data: measured.map((measurement) => [measurement.measuredOn, measurement.value]),
          itemStyle: { color: COLOURS.measured },
          symbolSize: 8,
        },
        {
          type: 'line',
          name: names.current.baseline,
          data: flat(baseline.value),
          symbol: 'none',
          lineStyle: { type: 'dashed', color: COLOURS.baseline },
          itemStyle: { color: COLOURS.baseline },
        },
        {
          type: 'line',
          name: names.current.target,
          data: flat(target.value),
          symbol: 'none',
          lineStyle: { type: 'dashed', color: COLOURS.target },
          itemStyle: { color: COLOURS.target },
        },
      ],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [indicator, language, rtl, fontFamily]);

  const value = (number: number) => formatValue(indicator, number, t, language);
  return (
    <>
      <div
        ref={element}
        className="fu-chart"
        role="img"
        aria-label={t('followupCommitments.chart.label', { name: indicator.name })}
        data-testid="indicator-chart"
        dir="ltr"
      />
      <details className="fu-chart-table">
        <summary>
          <Text component="span" size="sm">
            {t('followupCommitments.chart.table')}
          </Text>
        </summary>
        <Table striped withTableBorder>
          <caption>{t('followupCommitments.chart.caption', { name: indicator.name })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('followupCommitments.indicators.date')}</Table.Th>
              <Table.Th scope="col">{t('followupCommitments.indicators.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">
                {names.current.baseline} ({formatDate(indicator.baseline.on, language)})
              </Table.Th>
              <Table.Td>{value(indicator.baseline.value)}</Table.Td>
            </Table.Tr>
            {measured.map((measurement) => (
              <Table.Tr key={measurement.id}>
                <Table.Th scope="row">{formatDate(measurement.measuredOn, language)}</Table.Th>
                <Table.Td>{value(measurement.value)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">
                {names.current.target} ({formatDate(indicator.target.on, language)})
              </Table.Th>
              <Table.Td>{value(indicator.target.value)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
