import { Table, Text, useMantineTheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import type { YearSeries } from './countries.js';

// Only the parts this chart uses, drawn as SVG: no canvas text measuring, nothing the CSP forbids.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface NamedSeries {
  name: string;
  colour: string;
}

interface YearChartProps {
  data: YearSeries;
  /** Name and colour of each series of `data`, by its key. */
  describe: (key: string) => NamedSeries;
  /** Names the chart for assistive technology, which reads the table below instead. */
  label: string;
  tableCaption: string;
}

/**
 * Items per meeting year as stacked bars (ECharts), mirrored for right-to-left languages, with the
 * same figures as a table in a disclosure: the text alternative of the chart.
 */
export function YearChart({ data, describe, label, tableCaption }: YearChartProps) {
  const { t, i18n } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  // The page's font by name: ECharts measures text with it to lay out the legend.
  const { fontFamily } = useMantineTheme();
  const language = i18n.language;
  const rtl = i18n.dir(language) === 'rtl';
  const yearLabel = (year: number | null) => (year === null ? t('countryProfiles.undated') : String(year));
  // Read by the effect without redrawing the chart on every render (they change with the language).
  const labels = useRef({ yearLabel, describe });
  labels.current = { yearLabel, describe };

  useEffect(() => {
    const { yearLabel, describe } = labels.current;
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily },
      legend: { type: 'scroll', top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, order: 'seriesAsc' },
      grid: { top: 48, bottom: 8, left: 8, right: 8, containLabel: true },
      xAxis: { type: 'category', data: data.years.map(yearLabel), inverse: rtl },
      yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
      series: data.series.map((series) => {
        const { name, colour } = describe(series.key);
        return { type: 'bar', stack: 'items', name, data: series.values, itemStyle: { color: colour }, barMaxWidth: 48 };
      }),
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [data, language, rtl, fontFamily]);

  return (
    <>
      {/* ECharts lays out its SVG left to right and mirrors the chart itself (options above). */}
      <div ref={element} className="country-chart" role="img" aria-label={label} data-testid="country-chart" dir="ltr" />
      <details className="country-chart-table">
        <summary>
          <Text component="span" size="sm">
            {t('countryProfiles.chartTable')}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={400}>
          <Table striped withTableBorder>
            <caption>{tableCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('countryProfiles.year')}</Table.Th>
                {data.series.map((series) => (
                  <Table.Th scope="col" key={series.key}>
                    {describe(series.key).name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.years.map((year, index) => (
                <Table.Tr key={year ?? 'undated'}>
                  <Table.Th scope="row">{yearLabel(year)}</Table.Th>
                  {data.series.map((series) => (
                    <Table.Td key={series.key}>{formatNumber(series.values[index], language)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </>
  );
}
