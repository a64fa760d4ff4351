import { Table, Text, useMantineTheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import { PROGRESS_COLOURS } from './cycle-parts.js';
import { REPORT_PROGRESS, type ReportProgress } from './cycles-api.js';

// Only the parts this chart uses, drawn as SVG: no canvas text measuring, nothing the CSP forbids.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * The partners of a cycle by progress, as one horizontal stacked bar (ECharts, mirrored for
 * right-to-left languages), with the same counts as a table: the text alternative of the chart.
 */
export function ProgressChart({ counts }: { counts: Readonly<Record<ReportProgress, number>> }) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const { fontFamily } = useMantineTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const name = (progress: ReportProgress) => t(`followupCycles.progress.${progress}`);
  // Read by the effect without redrawing on every render (it changes with the language).
  const names = useRef(name);
  names.current = name;

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily },
      legend: { top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left' },
      tooltip: { trigger: 'item' },
      grid: { top: 40, bottom: 8, left: 8, right: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, inverse: rtl },
      yAxis: { type: 'category', data: [''], show: false },
      series: REPORT_PROGRESS.map((progress) => ({
        type: 'bar',
        stack: 'partners',
        name: names.current(progress),
        data: [counts[progress]],
        itemStyle: { color: PROGRESS_COLOURS[progress] },
        barMaxWidth: 36,
      })),
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [counts, language, rtl, fontFamily]);

  return (
    <>
      {/* ECharts lays out its SVG left to right and mirrors the chart itself (options above). */}
      <div
        ref={element}
        className="cycle-chart"
        role="img"
        aria-label={t('followupCycles.detail.chartLabel')}
        data-testid="cycle-chart"
        dir="ltr"
      />
      <details>
        <summary>
          <Text component="span" size="sm">
            {t('followupCycles.detail.chartTable')}
          </Text>
        </summary>
        <Table striped withTableBorder maw={480}>
          <caption>{t('followupCycles.detail.chartLabel')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('followupCycles.detail.progress')}</Table.Th>
              <Table.Th scope="col">{t('followupCycles.detail.partnerCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {REPORT_PROGRESS.map((progress) => (
              <Table.Tr key={progress}>
                <Table.Th scope="row">{name(progress)}</Table.Th>
                <Table.Td>{formatNumber(counts[progress], language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </>
  );
}
