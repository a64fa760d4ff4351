import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../../test/support/cli.js';

const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
const MADRID = path.join(CORPUS, '2022-07-madrid-rabat-border-management.txt');
const DAKAR = path.join(REPO_ROOT, 'test/fixtures/knowledge/2024-03-dakar-rabat-protection-fr.txt');

describe('liaison ingest --json', () => {
  it('prints only the JSON contract, an array for several files', async () => {
    const result = await runCli(['ingest', MADRID, DAKAR, '--json'], {});
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toHaveLength(2);
    const [madrid, dakar] = parsed;
    expect(madrid.file).toBe(MADRID);
    expect(madrid.document).toMatchObject({
      process: 'rabat',
      city: 'Madrid',
      country: 'ES',
      dates: ['2022-07-05', '2022-07-06'],
      coChairs: ['ES', 'MA'],
      language: 'en',
    });
    expect(Object.keys(madrid.document).sort()).toEqual(['city', 'coChairs', 'country', 'dates', 'language', 'process', 'title']);
    const item = madrid.items.find((i: { text: string }) => i.text.startsWith('Mauritania has created a risk analysis cell'));
    expect(item).toMatchObject({ type: 'good_practice', countries: ['MR'], organisations: ['FRONTEX'] });
    expect(dakar.document).toMatchObject({ language: 'fr', city: 'Dakar', country: 'SN', dates: ['2024-03-12', '2024-03-13'] });
    expect(dakar.items.some((i: { type: string }) => i.type === 'challenge')).toBe(true);
    // Page furniture is never an item.
    const texts = [...madrid.items, ...dakar.items].map((i: { text: string }) => i.text);
    expect(texts.filter((t) => /^(Rabat Process|Processus de Rabat|Project funded|Projet financé)/.test(t))).toEqual([]);
  });

  it('prints one object for one file', async () => {
    const result = await runCli(['ingest', DAKAR, '--json'], {});
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).file).toBe(DAKAR);
  });

  it('stops with one line and a non-zero exit on a bad file, printing no JSON', async () => {
    const result = await runCli(['ingest', MADRID, path.join(REPO_ROOT, 'package.json'), '--json'], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'liaison: package.json: only .txt, .md, .pdf, .docx files can be ingested.',
    ]);
  });
});
