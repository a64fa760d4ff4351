import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format.js';
import type { PublishedCount } from './statistics-api.js';

/**
 * Charts of the statistics page, in plain HTML and SVG (no chart library to download). Both are
 * hidden from assistive technology: the tables beside them hold the same figures. A suppressed
 * count is drawn as a hatched stub (bars) or a gap (line), never as a number.
 */

export interface ChartPoint {
  key: string;
  label: string;
  count: PublishedCount;
}

export function BarChart({ points }: { points: ChartPoint[] }) {
  const { t, i18n } = useTranslation();
  const highest = Math.max(1, ...points.map((point) => point.count.value ?? 0));
  return (
    <div className="referral-stats-bars" aria-hidden="true" data-testid="statistics-bars">
      {points.map((point) => (
        <div key={point.key} className="referral-stats-bar-row">
          <span className="referral-stats-bar-label">
            <bdi>{point.label}</bdi>
          </span>
          <span className="referral-stats-bar-track">
            {point.count.suppressed ? (
              <span className="referral-stats-bar referral-stats-bar-suppressed" />
            ) : (
              <span className="referral-stats-bar" style={{ width: `${((point.count.value ?? 0) / highest) * 100}%` }} />
            )}
          </span>
          <span className="referral-stats-bar-value">
            {point.count.suppressed ? t('referralStatistics.suppressed') : formatNumber(point.count.value ?? 0, i18n.language)}
          </span>
        </div>
      ))}
    </div>
  );
}

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 12;

/** Cases opened month by month; time runs with the reading direction (mirrored right to left). */
export function MonthLine({ points }: { points: ChartPoint[] }) {
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const highest = Math.max(5, ...points.map((point) => point.count.value ?? 0));
  const x = (index: number) => (points.length <= 1 ? WIDTH / 2 : PAD + (index / (points.length - 1)) * (WIDTH - 2 * PAD));
  const y = (value: number) => HEIGHT - PAD - (value / highest) * (HEIGHT - 2 * PAD);
  // Suppressed months break the line: it never suggests a value there.
  const segments: string[][] = [[]];
  points.forEach((point, index) => {
    if (point.count.suppressed) segments.push([]);
    else segments[segments.length - 1].push(`${x(index).toFixed(1)},${y(point.count.value ?? 0).toFixed(1)}`);
  });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="referral-stats-line"
      aria-hidden="true"
      data-testid="statistics-months"
      style={rtl ? { transform: 'scaleX(-1)' } : undefined}
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="#6c757d" />
      {segments
        .filter((segment) => segment.length > 0)
        .map((segment) => (
          <polyline key={segment[0]} points={segment.join(' ')} fill="none" stroke="#1c5d99" strokeWidth={2} />
        ))}
      {points.map((point, index) =>
        point.count.suppressed ? (
          <circle key={point.key} cx={x(index)} cy={HEIGHT - PAD} r={3} fill="none" stroke="#6c757d" />
        ) : (
          <circle key={point.key} cx={x(index)} cy={y(point.count.value ?? 0)} r={3} fill="#1c5d99" />
        ),
      )}
    </svg>
  );
}
