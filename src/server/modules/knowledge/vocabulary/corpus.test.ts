import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCES, THEME_IDS, tagCountries, tagOrganisations, tagReferences, tagThemes } from './index.js';

/**
 * All four taggers over every line of every corpus document: they must finish and give plausible
 * document-level results. (Speed is measured by the benchmark, not asserted here.)
 */
const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

interface Expected {
  countries: string[];
  absentCountries?: string[];
  organisations: string[];
  absentOrganisations?: string[];
  explicit: string[];
  theme: string;
}

const expectations: Record<string, Expected> = {
  '2015-12-oporto-rabat-trafficking-smuggling.txt': {
    countries: ['PT', 'NE', 'ES', 'IT'],
    absentCountries: ['PW'], // Mrs Carolina Lluich Palau
    organisations: ['UNODC', 'ECOWAS', 'ECCAS', 'EC', 'EU', 'IOM', 'ICMPD', 'ILO'],
    explicit: [],
    theme: 'trafficking_in_human_beings',
  },
  '2019-10-cote-divoire-rabat-migrant-smuggling-workshop.txt': {
    countries: ['CI', 'CV', 'GQ', 'GN', 'NE', 'NG', 'CG', 'GB'],
    absentCountries: ['GW', 'CD'],
    organisations: ['ECOWAS', 'ICMPD', 'UNODC', 'G5_SAHEL', 'FRONTEX', 'WACAP', 'EU'],
    absentOrganisations: ['UN'], // the UN Convention against Transnational Organized Crime
    explicit: ['MAP:action:15', 'MAP:action:16', 'MAP:action:17'],
    theme: 'migrant_smuggling',
  },
  '2022-07-madrid-rabat-border-management.txt': {
    countries: ['ES', 'MA', 'GM', 'SN', 'NE', 'MR', 'DE', 'LB'],
    organisations: ['ICMPD', 'FRONTEX', 'ECOWAS', 'EC', 'EU'],
    explicit: ['MAP:domain:4'],
    theme: 'border_management',
  },
  '2023-06-marrakesh-rabat-humanised-border-management.txt': {
    countries: ['MA', 'NG', 'ML', 'FR', 'NE'],
    organisations: ['OHCHR', 'UNHCR', 'EUROPOL', 'FRONTEX', 'EUCAP', 'ICMPD', 'ECOWAS'],
    explicit: ['GCM:11', 'CAP:domain:4', 'CAP:objective:7', 'CAP:domain:2'],
    theme: 'human_rights',
  },
  '2023-10-sofia-budapest-integrated-border-management.txt': {
    countries: ['BG', 'IQ', 'BD', 'PK', 'MK', 'GB', 'CZ'],
    organisations: ['FRONTEX', 'ICMPD', 'OSCE'],
    absentOrganisations: ['ILO'], // Immigration Liaison Officers (ILOs)
    explicit: [],
    theme: 'border_management',
  },
};

describe('the taggers on the corpus, line by line', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));

  it('covers every corpus document', () => {
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s', (file, expected) => {
    const countries = new Set<string>();
    const organisations = new Set<string>();
    const themes = new Set<string>();
    const explicit = new Set<string>();
    for (const line of fs.readFileSync(path.join(CORPUS, file), 'utf8').split('\n')) {
      for (const c of tagCountries(line)) countries.add(c);
      for (const o of tagOrganisations(line)) organisations.add(o);
      const lineThemes = tagThemes(line);
      for (const t of lineThemes) themes.add(t);
      for (const r of tagReferences(line, lineThemes)) {
        expect(REFERENCES[r.id]).toBeDefined();
        if (r.kind === 'explicit') explicit.add(r.id);
      }
    }
    expect([...countries]).toEqual(expect.arrayContaining(expected.countries));
    for (const c of countries) expect(c).toMatch(/^[A-Z]{2}$/);
    for (const c of expected.absentCountries ?? []) expect(countries).not.toContain(c);
    expect([...organisations]).toEqual(expect.arrayContaining(expected.organisations));
    for (const o of expected.absentOrganisations ?? []) expect(organisations).not.toContain(o);
    expect([...themes].every((t) => (THEME_IDS as readonly string[]).includes(t))).toBe(true);
    expect(themes).toContain(expected.theme);
    expect([...explicit].sort()).toEqual([...expected.explicit].sort());
  });
});
