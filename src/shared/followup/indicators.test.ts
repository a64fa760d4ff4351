import { describe, expect, it } from 'vitest';
import { standingOf, valueProblem } from './indicators.js';

const frame = { baseline: { value: 10, on: '2024-01-01' }, target: { value: 110, on: '2026-01-01' } };
const falling = { baseline: { value: 40, on: '2024-01-01' }, target: { value: 20, on: '2026-01-01' } };

describe('where an indicator stands', () => {
  it('has no data without measurements', () => {
    expect(standingOf(frame, [])).toEqual({ latest: null, attainment: null, trend: 'no_data' });
  });

  it('is achieved at or past the target, in either direction', () => {
    expect(standingOf(frame, [{ value: 120, on: '2025-06-01' }]).trend).toBe('achieved');
    expect(standingOf(falling, [{ value: 18, on: '2025-06-01' }]).trend).toBe('achieved');
  });

  it('is on track on the straight line to the target, and reads the latest by date, not by order given', () => {
    const standing = standingOf(frame, [
      { value: 62, on: '2025-01-01' },
      { value: 40, on: '2024-07-01' },
    ]);
    expect(standing.latest).toEqual({ value: 62, on: '2025-01-01' });
    expect(standing.attainment).toBeCloseTo(0.52);
    expect(standing.trend).toBe('on_track');
  });

  it('is off track when lagging the line by more than the tolerance', () => {
    expect(standingOf(frame, [{ value: 20, on: '2025-06-01' }]).trend).toBe('off_track');
    expect(standingOf(falling, [{ value: 39, on: '2025-06-01' }]).trend).toBe('off_track');
  });

  it('is off track when moving away from the target, even ahead of the line', () => {
    const series = [
      { value: 90, on: '2024-06-01' },
      { value: 80, on: '2024-09-01' },
    ];
    expect(standingOf(frame, series).trend).toBe('off_track');
  });

  it('is off track behind the baseline', () => {
    expect(standingOf(frame, [{ value: 5, on: '2024-01-15' }]).trend).toBe('off_track');
  });
});

describe('values an indicator type accepts', () => {
  it.each([
    ['number', -3.5, 0, true],
    ['percentage', 100, 0, true],
    ['percentage', 100.1, 0, false],
    ['percentage', -1, 0, false],
    ['boolean', 1, 0, true],
    ['boolean', 0.5, 0, false],
    ['milestone', 2, 3, true],
    ['milestone', 3, 3, false],
    ['milestone', 1.5, 3, false],
    ['number', Number.NaN, 0, false],
  ] as const)('%s %d (milestones: %d) → %s', (type, value, milestones, ok) => {
    expect(valueProblem(type, value, milestones) === null).toBe(ok);
  });
});
