import type { CountryCount } from '../../../../shared/knowledge/countries/contract.js';

export type { CountryCount, CountryMeeting, CountryProfile } from '../../../../shared/knowledge/countries/contract.js';

export const countriesRequest = () => '/api/v1/knowledge/countries';
export const countryRequest = (code: string) => `/api/v1/knowledge/countries/${encodeURIComponent(code)}`;
export const countryPath = (code: string) => `/library/countries/${encodeURIComponent(code)}`;

/** The sequential palette of the map (ColorBrewer "Blues"), lightest first; zero has its own grey. */
export const SCALE_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NOT_CITED_COLOUR = '#e9ecef';

export interface ScaleClass {
  from: number;
  to: number;
  colour: string;
}

/**
 * Classes of the map's colour scale: up to five, growing geometrically from 1 to the largest count,
 * because a few countries (the hosts) are cited far more often than the rest.
 */
export function colourClasses(max: number): ScaleClass[] {
  if (max < 1) return [];
  const steps = Math.min(SCALE_COLOURS.length, max);
  const bounds: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const bound = Math.round(max ** (step / steps));
    if (bound > (bounds.at(-1) ?? 0)) bounds.push(bound);
  }
  bounds[bounds.length - 1] = max;
  // Fewer classes take the darker end of the palette: the darkest colour always means the largest counts.
  const offset = SCALE_COLOURS.length - bounds.length;
  return bounds.map((to, index) => ({
    from: index === 0 ? 1 : bounds[index - 1] + 1,
    to,
    colour: SCALE_COLOURS[offset + index],
  }));
}

export function colourOf(count: number, classes: ScaleClass[]): string {
  if (count < 1) return NOT_CITED_COLOUR;
  return (classes.find((scale) => count <= scale.to) ?? classes[classes.length - 1])?.colour ?? NOT_CITED_COLOUR;
}

export type CountrySortKey = 'name' | 'items' | 'documents';

/** Rows of the countries table, sorted by name (in the reader's language) or by a count, ties by name. */
export function sortCountries(
  rows: CountryCount[],
  key: CountrySortKey,
  descending: boolean,
  nameOf: (code: string) => string,
  language: string,
): CountryCount[] {
  const collator = new Intl.Collator(language);
  const byName = (a: CountryCount, b: CountryCount) => collator.compare(nameOf(a.code), nameOf(b.code));
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const primary = key === 'name' ? byName(a, b) : a[key] - b[key];
    return primary !== 0 ? direction * primary : byName(a, b);
  });
}

export interface YearSeries {
  /** Meeting years in order; `null` (undated meetings) last. */
  years: (number | null)[];
  series: { key: string; values: number[] }[];
}

/**
 * Turns `{year, key, count}` rows into one series per key over every year (zeros filled in), for a
 * stacked bar chart and its data table. Keys keep the order given; rows of other keys are summed into
 * `otherKey` when one is given, and dropped otherwise.
 */
export function yearSeries(
  rows: { year: number | null; key: string; count: number }[],
  keys: string[],
  otherKey?: string,
): YearSeries {
  const dated = [...new Set(rows.map((row) => row.year).filter((year): year is number => year !== null))].sort((a, b) => a - b);
  const years: (number | null)[] = dated.length ? range(dated[0], dated[dated.length - 1]) : [];
  if (rows.some((row) => row.year === null)) years.push(null);
  const allKeys = otherKey ? [...keys, otherKey] : keys;
  const values = new Map(allKeys.map((key) => [key, years.map(() => 0)]));
  for (const row of rows) {
    const key = keys.includes(row.key) ? row.key : otherKey;
    const series = key === undefined ? undefined : values.get(key);
    if (series) series[years.indexOf(row.year)] += row.count;
  }
  return { years, series: allKeys.map((key) => ({ key, values: values.get(key) ?? [] })).filter((s) => s.values.some(Boolean)) };
}

/** Every year from `first` to `last`: a year without items shows as a gap, not as a missing bar. */
function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
