import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { matchSubjects } from '../server/modules/watchlists/matching/index.js';

/**
 * `liaison screening pairs FILE.jsonl`: the name matcher offline, for evaluation. Reads one pair per
 * line, prints one JSON line per pair with the score and the match flag at the default threshold.
 * No configuration, no database: only the matcher is loaded. Streams, so files of any size work.
 */

interface Side {
  name: string;
  birthYear: number | null;
  country: string | null;
}

class LineError extends Error {}

function side(value: unknown, field: string): Side {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LineError(`${field} must be an object`);
  const { name, birthYear, country } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) throw new LineError(`${field}.name must be a non-empty string`);
  if (birthYear != null && !(typeof birthYear === 'number' && Number.isInteger(birthYear)))
    throw new LineError(`${field}.birthYear must be a whole number or null`);
  if (country != null && typeof country !== 'string') throw new LineError(`${field}.country must be a string or null`);
  return { name, birthYear: (birthYear as number | null | undefined) ?? null, country: country ? country.toUpperCase() : null };
}

const subject = (s: Side) => ({ names: [s.name], birthYear: s.birthYear, countries: s.country ? [s.country] : [] });

/** One line of input to one line of output, or a LineError saying what is wrong with it. */
export function scoreLine(text: string): { id: unknown; score: number; match: boolean } {
  let pair: unknown;
  try {
    pair = JSON.parse(text);
  } catch {
    throw new LineError('not valid JSON');
  }
  if (typeof pair !== 'object' || pair === null || Array.isArray(pair)) throw new LineError('a line must be a JSON object');
  const { id, query, listed } = pair as Record<string, unknown>;
  const result = matchSubjects(subject(side(query, 'query')), subject(side(listed, 'listed')));
  return { id: id ?? null, score: result.score, match: result.match };
}

function idOf(text: string): unknown {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && 'id' in value ? value.id : null;
  } catch {
    return null;
  }
}

async function scorePairs(file: string): Promise<number> {
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let failed = 0;
  let number = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer && !process.stdout.write(buffer)) await once(process.stdout, 'drain');
    buffer = '';
  };
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    try {
      buffer += `${JSON.stringify(scoreLine(line))}\n`;
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      failed++;
      process.stderr.write(`${JSON.stringify({ line: number, id: idOf(line), error: error.message })}\n`);
    }
    if (buffer.length > 64 * 1024) await flush();
  }
  await flush();
  return failed;
}

export function screeningCommand(program: Command) {
  const screening = program.command('screening').description('name screening');
  screening
    .command('pairs')
    .description(
      'score name pairs offline: reads JSON lines {"id","query":{"name","birthYear","country"},"listed":{…}} ("-" for standard input), prints {"id","score","match"} per line',
    )
    .argument('<file>', 'a JSON-lines file, or - for standard input')
    .action(async (file: string) => {
      const failed = await scorePairs(file);
      if (failed) {
        process.stderr.write(`liaison: ${failed} line(s) could not be read\n`);
        process.exitCode = 1;
      }
    });
}
