import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import type { ActionStatusCounts, IndicatorRow } from './dashboards-api.js';
import { ACTION_STATUSES, type ActionStatus, type DrillTarget } from './drill-search.js';
import { STATUS_COLOURS, totalActions } from './figures.js';

/**
 * Small charts drawn with plain HTML and SVG, for the partner dashboard: its first load stays within
 * the byte budget without the charts library, which only the plan dashboards fetch. The tables
 * beside them carry the same figures, linked, for keyboards and screen readers.
 */

/**
 * One row of actions by status as a stacked bar; a segment opens the list of its actions. Hidden from
 * assistive technology and out of the tab order: the table below holds the same figures and links.
 */
export function StatusStrip({ counts, drill }: { counts: ActionStatusCounts; drill: (status: ActionStatus) => DrillTarget }) {
  const { t, i18n } = useTranslation();
  const total = totalActions(counts);
  return (
    <div className="followup-strip" aria-hidden="true" data-testid="status-strip">
      {ACTION_STATUSES.filter((status) => counts[status] > 0).map((status) => {
        const target = drill(status);
        return (
          <Link
            key={status}
            to={target.to as string}
            search={target.search as never}
            tabIndex={-1}
            className="followup-strip-segment"
            style={{ flexGrow: counts[status] / total, background: STATUS_COLOURS[status] }}
            title={`${t(`followupDashboards.actionStatus.${status}`)}: ${formatNumber(counts[status], i18n.language)}`}
          >
            {formatNumber(counts[status], i18n.language)}
          </Link>
        );
      })}
    </div>
  );
}

const WIDTH = 240;
const HEIGHT = 72;
const PAD = 6;

/**
 * An indicator's measurements as a sparkline from its baseline, with the baseline (grey) and the
 * target (green) as dashed lines. Time runs with the reading direction.
 */
export function Sparkline({ indicator, label }: { indicator: IndicatorRow; label: string }) {
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const points = [indicator.baseline, ...indicator.series];
  const values = [...points.map((point) => point.value), indicator.target.value];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = (value: number) => (high === low ? HEIGHT / 2 : PAD + ((high - value) / (high - low)) * (HEIGHT - 2 * PAD));
  const x = (index: number) => (points.length === 1 ? PAD : PAD + (index / (points.length - 1)) * (WIDTH - 2 * PAD));
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="followup-sparkline"
      role="img"
      aria-label={label}
      data-testid="sparkline"
      // Mirrored for right-to-left readers, for whom time runs leftwards.
      style={rtl ? { transform: 'scaleX(-1)' } : undefined}
    >
      <line
        x1={0}
        x2={WIDTH}
        y1={y(indicator.baseline.value)}
        y2={y(indicator.baseline.value)}
        stroke="#6c757d"
        strokeDasharray="4 3"
      />
      <line
        x1={0}
        x2={WIDTH}
        y1={y(indicator.target.value)}
        y2={y(indicator.target.value)}
        stroke="#2b7a3b"
        strokeDasharray="4 3"
      />
      <polyline points={line} fill="none" stroke="#1c5d99" strokeWidth={2} />
      {points.map((point, index) => (
        <circle key={`${point.on}-${index}`} cx={x(index)} cy={y(point.value)} r={2.5} fill="#1c5d99" />
      ))}
    </svg>
  );
}
