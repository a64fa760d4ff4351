import { describe, expect, it } from 'vitest';
import { generatePeople, personAt, toCyrillic, unrelatedName, variantOf } from '../../bench/support/regional-names.js';

const REGION_COUNTRIES = [
  'SN',
  'ML',
  'GN',
  'NG',
  'NE',
  'MA',
  'DZ',
  'TN',
  'LY',
  'EG',
  'MR',
  'ER',
  'ET',
  'SO',
  'SD',
  'SY',
  'IQ',
  'YE',
];
const CENTRAL_ASIA = ['AF', 'UZ', 'TJ'];

describe('regional name generator for the screening benchmark', () => {
  it('gives the same people for the same seed, and person i on its own', () => {
    const first = generatePeople(300, 11);
    expect(generatePeople(300, 11)).toEqual(first);
    expect(personAt(217, 11)).toEqual(first[217]);
    const other = generatePeople(300, 12);
    expect(other.filter((person, at) => person.names[0]!.name === first[at]!.names[0]!.name).length).toBeLessThan(30);
  });

  it('covers the regions, both sexes and four scripts, with a few very common given names', () => {
    const people = generatePeople(4000, 3);
    expect(new Set(people.map((person) => person.nationality))).toEqual(new Set([...REGION_COUNTRIES, ...CENTRAL_ASIA]));
    expect(new Set(people.map((person) => person.sex))).toEqual(new Set(['female', 'male']));
    const scripts = new Set(people.flatMap((person) => person.names.map((name) => name.script)));
    expect(scripts).toEqual(new Set(['latin', 'arabic', 'cyrillic', 'ethiopic']));
    for (const person of people) {
      expect(person.names[0]!.script).toBe('latin');
      expect(person.names[0]!.name).toMatch(/^\S+( \S+)+$/);
      expect(person.birthYear).toBeGreaterThanOrEqual(1955);
      expect(person.birthYear).toBeLessThanOrEqual(2004);
    }
    const firstNames = new Map<string, number>();
    for (const person of people) {
      const given = person.names[0]!.name.split(' ')[0]!;
      firstNames.set(given, (firstNames.get(given) ?? 0) + 1);
    }
    const ranked = [...firstNames].sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 3).map(([name]) => name)).toContain('Mohamed');
    expect(ranked[0]![1] / people.length).toBeGreaterThan(0.04);
    expect(firstNames.size).toBeGreaterThan(250);
    expect(new Set(people.map((person) => person.names[0]!.name)).size).toBeGreaterThan(2500);
  });

  it('writes the same person in Arabic, Cyrillic or Ge\u2019ez letters where the country does', () => {
    const people = generatePeople(3000, 5);
    const arabic = people.find((person) => person.nationality === 'IQ' && person.names.some((name) => name.script === 'arabic'));
    expect(arabic?.names.find((name) => name.script === 'arabic')?.name).toMatch(/^[\u0600-\u06ff ]+$/);
    const geez = people.find((person) => person.names.some((name) => name.script === 'ethiopic'));
    expect(['ER', 'ET']).toContain(geez?.nationality);
    expect(geez?.names.find((name) => name.script === 'ethiopic')?.name).toMatch(/^[\u1200-\u137f ]+$/);
    expect(toCyrillic('Bakhtiyor Ergashev')).toBe('Бахтиёр Эргашев');
    expect(toCyrillic("O'tkir Jo'rayev")).toBe('Ўткир Жўраев');
  });

  it('derives a screening query that differs from the listed name, the same way for the same seed', () => {
    const names = generatePeople(500, 8).flatMap((person) => person.names.map((name) => name.name));
    const variants = names.map((name, at) => variantOf(name, at));
    expect(names.map((name, at) => variantOf(name, at))).toEqual(variants);
    variants.forEach((variant, at) => {
      expect(variant).not.toBe(names[at]);
      expect(variant.trim()).not.toBe('');
    });
    // Different seeds vary one name in different ways.
    expect(new Set(Array.from({ length: 100 }, (_, seed) => variantOf('Mamadou Saliou Diallo', seed))).size).toBeGreaterThan(20);
    // A name in Ge'ez letters stays in Ge'ez letters.
    expect(variantOf('ዳዊት ተስፋዬ ገብረማርያም', 4)).toMatch(/^[\u1200-\u137f ]+$/);
  });

  it('draws unrelated names apart from a population, the same for the same seed', () => {
    const unrelated = Array.from({ length: 200 }, (_, seed) => unrelatedName(seed));
    expect(Array.from({ length: 200 }, (_, seed) => unrelatedName(seed))).toEqual(unrelated);
    expect(new Set(unrelated).size).toBeGreaterThan(150);
    for (const name of unrelated) expect(name).toMatch(/^[\p{Script=Latin}' -]+$/u);
  });
});
