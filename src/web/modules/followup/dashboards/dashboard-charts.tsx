import { useMantineTheme } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format.js';
import type { ActionStatusCounts, IndicatorRow } from './dashboards-api.js';
import { ACTION_STATUSES, type ActionStatus, type DrillTarget, hrefOf } from './drill-search.js';
import { STATUS_COLOURS } from './figures.js';

// Only the parts these charts use, drawn as SVG: no canvas text measuring, nothing the CSP forbids.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface StatusBar {
  key: string;
  label: string;
  counts: ActionStatusCounts;
  /** Where a bar segment leads: the actions of this row in that status (none on the public page). */
  drill?: (status: ActionStatus) => DrillTarget;
}

/**
 * Actions by status as stacked bars, one bar per row (a part of a plan, or my organisation), mirrored
 * for right-to-left languages. A segment opens the list of its actions; the table beside the chart
 * (drawn by the page) carries the same figures and links for keyboards and screen readers.
 */
export function StatusBars({ rows, label }: { rows: StatusBar[]; label: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);
  const { fontFamily } = useMantineTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  // Read by the effect without redrawing on every render.
  const latest = useRef({ rows, t, navigate });
  latest.current = { rows, t, navigate };

  useEffect(() => {
    const { rows, t } = latest.current;
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily },
      legend: { top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, order: 'seriesAsc' },
      grid: { top: 40, bottom: 8, left: 8, right: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((row) => row.label),
        inverse: rtl,
        axisLabel: { interval: 0, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
      series: ACTION_STATUSES.map((status) => ({
        type: 'bar',
        stack: 'actions',
        name: t(`followupDashboards.actionStatus.${status}`),
        data: rows.map((row) => row.counts[status]),
        itemStyle: { color: STATUS_COLOURS[status] },
        barMaxWidth: 48,
        cursor: rows.some((row) => row.drill) ? 'pointer' : 'default',
      })),
    });
    chart.on('click', (event) => {
      const row = latest.current.rows[event.dataIndex];
      const status = ACTION_STATUSES[event.seriesIndex ?? -1];
      if (row?.drill && status) void latest.current.navigate({ href: hrefOf(row.drill(status)) });
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [rows, language, rtl, fontFamily]);

  return <div ref={element} className="followup-chart" role="img" aria-label={label} data-testid="status-chart" dir="ltr" />;
}

/**
 * One indicator's measurements as a small line, with its baseline and target as dashed lines: how far
 * it has come and how far it has to go. The indicators table is the text alternative.
 */
export function IndicatorLine({ indicator, label }: { indicator: IndicatorRow; label: string }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const { fontFamily } = useMantineTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const latest = useRef({ indicator, t });
  latest.current = { indicator, t };

  useEffect(() => {
    const { indicator, t } = latest.current;
    if (!element.current) return;
    const points = [{ value: indicator.baseline.value, on: indicator.baseline.on }, ...indicator.series];
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily },
      tooltip: { trigger: 'axis' },
      grid: { top: 12, bottom: 4, left: 4, right: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: points.map((point) => formatDate(point.on, language)),
        inverse: rtl,
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        position: rtl ? 'right' : 'left',
        min: (extent: { min: number }) => Math.min(extent.min, indicator.baseline.value, indicator.target.value),
        max: (extent: { max: number }) => Math.max(extent.max, indicator.baseline.value, indicator.target.value),
      },
      series: [
        {
          type: 'line',
          name: indicator.name,
          data: points.map((point) => point.value),
          itemStyle: { color: '#1c5d99' },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: '{b}', position: rtl ? 'insideStartTop' : 'insideEndTop' },
            data: [
              {
                name: t('followupDashboards.indicators.baseline'),
                yAxis: indicator.baseline.value,
                lineStyle: { color: '#6c757d', type: 'dashed' },
              },
              {
                name: t('followupDashboards.indicators.target'),
                yAxis: indicator.target.value,
                lineStyle: { color: '#2b8a3e', type: 'dashed' },
              },
            ],
          },
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

  return <div ref={element} className="followup-line" role="img" aria-label={label} data-testid="indicator-line" dir="ltr" />;
}
