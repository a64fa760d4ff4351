import { describe, expect, it } from 'vitest';
import { colourClasses, colourOf, NOT_CITED_COLOUR, SCALE_COLOURS, sortCountries, yearSeries } from './countries.js';

describe('colour scale of the map', () => {
  it('grows geometrically up to the largest count, which always gets the darkest colour', () => {
    expect(colourClasses(100).map(({ from, to }) => [from, to])).toEqual([
      [1, 3],
      [4, 6],
      [7, 16],
      [17, 40],
      [41, 100],
    ]);
    expect(colourClasses(100).map((scale) => scale.colour)).toEqual([...SCALE_COLOURS]);
    expect(colourClasses(1)).toEqual([{ from: 1, to: 1, colour: SCALE_COLOURS[4] }]);
    expect(colourClasses(3).map(({ from, to, colour }) => [from, to, colour])).toEqual([
      [1, 1, SCALE_COLOURS[2]],
      [2, 2, SCALE_COLOURS[3]],
      [3, 3, SCALE_COLOURS[4]],
    ]);
    expect(colourClasses(0)).toEqual([]);
  });

  it('leaves every count in exactly one class, and zero in grey', () => {
    for (const max of [1, 2, 5, 7, 12, 99, 1000, 54321]) {
      const classes = colourClasses(max);
      expect(classes[0].from).toBe(1);
      expect(classes.at(-1)?.to).toBe(max);
      for (let index = 1; index < classes.length; index++) expect(classes[index].from).toBe(classes[index - 1].to + 1);
    }
    const classes = colourClasses(100);
    expect(colourOf(0, classes)).toBe(NOT_CITED_COLOUR);
    expect(colourOf(3, classes)).toBe(SCALE_COLOURS[0]);
    expect(colourOf(4, classes)).toBe(SCALE_COLOURS[1]);
    expect(colourOf(100, classes)).toBe(SCALE_COLOURS[4]);
  });
});

describe('countries table', () => {
  const rows = [
    { code: 'SN', items: 3, documents: 2 },
    { code: 'MA', items: 3, documents: 1 },
    { code: 'ES', items: 9, documents: 1 },
  ];
  const names: Record<string, string> = { SN: 'Sénégal', MA: 'Maroc', ES: 'Espagne' };
  const codes = (key: 'name' | 'items' | 'documents', descending: boolean) =>
    sortCountries(rows, key, descending, (code) => names[code], 'fr').map((row) => row.code);

  it('sorts by name in the reader language, or by a count with ties by name', () => {
    expect(codes('name', false)).toEqual(['ES', 'MA', 'SN']);
    expect(codes('name', true)).toEqual(['SN', 'MA', 'ES']);
    expect(codes('items', true)).toEqual(['ES', 'MA', 'SN']);
    expect(codes('items', false)).toEqual(['MA', 'SN', 'ES']);
    expect(codes('documents', true)).toEqual(['SN', 'ES', 'MA']);
  });
});

describe('year series of the chart', () => {
  it('fills every year between the first and the last, puts undated last and keeps the key order', () => {
    const answer = yearSeries(
      [
        { year: 2023, key: 'challenge', count: 2 },
        { year: 2020, key: 'good_practice', count: 1 },
        { year: null, key: 'challenge', count: 4 },
      ],
      ['good_practice', 'challenge', 'conclusion'],
    );
    expect(answer.years).toEqual([2020, 2021, 2022, 2023, null]);
    expect(answer.series).toEqual([
      { key: 'good_practice', values: [1, 0, 0, 0, 0] },
      { key: 'challenge', values: [0, 0, 0, 2, 4] },
    ]);
  });

  it('sums the keys left out into the "other" series when asked', () => {
    const rows = [
      { year: 2021, key: 'a', count: 1 },
      { year: 2021, key: 'b', count: 2 },
      { year: 2021, key: 'c', count: 3 },
    ];
    expect(yearSeries(rows, ['a'], 'other').series).toEqual([
      { key: 'a', values: [1] },
      { key: 'other', values: [5] },
    ]);
    expect(yearSeries(rows, ['a']).series).toEqual([{ key: 'a', values: [1] }]);
    expect(yearSeries([], ['a'])).toEqual({ years: [], series: [] });
  });
});
