import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { matchSubjects } from '../server/modules/watchlists/matching/index.js';

const pairs = [
  {
    id: 'p1',
    query: { name: 'Mohamed Diallo', birthYear: 1985, country: 'GN' },
    listed: { name: 'Muhammad Diallo', birthYear: 1985, country: 'GN' },
  },
  { id: 'p2', query: { name: 'Mohamed Diallo', birthYear: null, country: null }, listed: { name: 'Mohamed Traoré' } },
  { id: 3, query: { name: 'محمد علي' }, listed: { name: 'Mohamed Ali', birthYear: null } },
];
const lines = pairs.map((pair) => JSON.stringify(pair));

function file(content: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-pairs-'));
  const target = path.join(dir, 'pairs.jsonl');
  writeFileSync(target, content);
  return target;
}

/** A configuration the server would refuse: the command must not read it. */
const BROKEN_CONFIG = { LIAISON_RATE_LIMIT_PER_MINUTE: 'not-a-number' };

const expected = (pair: (typeof pairs)[number]) => {
  const subject = (side: { name: string; birthYear?: number | null; country?: string | null }) => ({
    names: [side.name],
    birthYear: side.birthYear ?? null,
    countries: side.country ? [side.country] : [],
  });
  const result = matchSubjects(subject(pair.query), subject(pair.listed));
  return { id: pair.id, score: result.score, match: result.match };
};

// The command line loads the whole program under tsx: seconds on a busy machine.
describe('liaison screening pairs', { timeout: 60_000 }, () => {
  it('prints one JSON line per pair with the matcher score and the match at the default threshold, without configuration or database', async () => {
    const result = await runCli(['screening', 'pairs', file(`${lines.join('\n')}\n`)], BROKEN_CONFIG);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const printed = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(printed).toEqual(pairs.map(expected));
    expect(printed.map((p) => p.match)).toEqual([true, false, true]);
    expect(Object.keys(printed[0]).sort()).toEqual(['id', 'match', 'score']);
  });

  it('reads standard input when the file is -', async () => {
    const result = await runCli(['screening', 'pairs', '-'], {}, `${lines.join('\r\n')}\r\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(pairs.map(expected));
  });

  it('reports a malformed line on standard error with its number, prints every good line, and exits 1', async () => {
    const content = [
      lines[0],
      '{"id":"broken", "query":',
      JSON.stringify({ id: 'no-name', query: { name: '' }, listed: { name: 'Ali' } }),
      JSON.stringify({ id: 'bad-year', query: { name: 'Ali', birthYear: '1980' }, listed: { name: 'Ali' } }),
      lines[1],
    ].join('\n');
    const result = await runCli(['screening', 'pairs', file(content)], {});
    expect(result.code).toBe(1);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['p1', 'p2']);
    const errors = result.stderr.trim().split('\n');
    expect(errors.slice(0, 3).map((line) => JSON.parse(line))).toEqual([
      { line: 2, id: null, error: 'not valid JSON' },
      { line: 3, id: 'no-name', error: 'query.name must be a non-empty string' },
      { line: 4, id: 'bad-year', error: 'query.birthYear must be a whole number or null' },
    ]);
    expect(errors[3]).toBe('liaison: 3 line(s) could not be read');
  });
});
