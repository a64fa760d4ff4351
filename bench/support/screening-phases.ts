/**
 * The screening benchmark's measurements through the real HTTP API: single-name screening, a batch
 * through its queue job, and the propagation of list changes to subscribers' event streams.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ScreeningBatch, ScreeningResult } from '../../src/shared/watchlists/contract.js';
import { personAt, unrelatedName, variantOf } from './regional-names.js';
import { type BenchWorld, benchReference, listOf, POPULATION_SEED } from './screening-data.js';
import { openEventStream, type SseConnection } from './sse-fanout.js';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (login.statusCode !== 200) throw new Error(`login of ${email}: ${login.statusCode} ${login.body}`);
  const session = login.cookies.find((c) => c.name === 'liaison_session');
  return { cookie: `liaison_session=${session?.value}`, csrfToken: login.json().csrfToken };
}

const headersOf = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });
const PURPOSE = 'Benchmark: border check of invented travellers';

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
export const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Whether listed entry `n` can be a candidate for the screener: visible list, active, not lapsed. */
export function screenable(world: BenchWorld, n: number): boolean {
  return listOf(world.lists, n).visibleToScreener && n % 100 !== 99 && n % 200 >= 8;
}

export interface BenchQuery {
  name: string;
  birthYear?: number;
  nationality?: string;
  /** The listed entry this query is a variant of; null for a name of nobody in particular. */
  of: number | null;
}

/**
 * `count` queries: two in three variants of loaded entries (spread over all the numbers, hidden and
 * lapsed ones included; the birth year given one time in two, the nationality one in three), one in
 * three names of nobody in particular. `salt` draws another set.
 */
export function screeningQueries(entries: number, count: number, salt = 0): BenchQuery[] {
  return Array.from({ length: count }, (_, k) => {
    const seed = 7_919 * (salt + 1) + k;
    if (k % 3 === 2) return { name: unrelatedName(seed), of: null };
    const n = Math.floor((((k + salt * 7_919) * 0.754_877_666) % 1) * entries);
    const person = personAt(n, POPULATION_SEED);
    const listed = person.names[k % person.names.length]?.name ?? (person.names[0]?.name as string);
    return {
      name: variantOf(listed, seed),
      ...(k % 2 === 0 ? { birthYear: person.birthYear } : {}),
      ...(k % 3 === 0 ? { nationality: person.nationality } : {}),
      of: n,
    };
  });
}

/**
 * Screens each query once (after `warmUp` untimed ones) as the screener; times each request and
 * checks the answers: how often a screenable entry's variant finds that entry as a hit, and that no
 * candidate ever comes from a list the screener may not see.
 */
export async function measureScreening(
  app: FastifyInstance,
  session: Session,
  world: BenchWorld,
  queries: BenchQuery[],
  warmUp: BenchQuery[],
) {
  const hiddenLists = new Set(world.lists.filter((list) => !list.visibleToScreener).map((list) => list.id));
  const screen = async (query: BenchQuery) => {
    const begin = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/screening',
      headers: headersOf(session),
      payload: {
        name: query.name,
        ...(query.birthYear ? { birthYear: query.birthYear } : {}),
        ...(query.nationality ? { nationality: query.nationality } : {}),
        purpose: PURPOSE,
      },
    });
    const elapsed = performance.now() - begin;
    if (response.statusCode !== 200) throw new Error(`screening: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return { elapsed, result: response.json() as ScreeningResult };
  };
  for (const query of warmUp) await screen(query);
  const timings: number[] = [];
  let expected = 0;
  let found = 0;
  let foundAsCandidate = 0;
  let unrelatedHits = 0;
  let hiddenCandidates = 0;
  let candidates = 0;
  for (const query of queries) {
    const { elapsed, result } = await screen(query);
    timings.push(elapsed);
    candidates += result.candidates.length;
    hiddenCandidates += result.candidates.filter((candidate) => hiddenLists.has(candidate.watchlist.id)).length;
    if (query.of === null) {
      if (result.hits > 0) unrelatedHits++;
    } else if (screenable(world, query.of)) {
      expected++;
      const reference = benchReference(query.of);
      const candidate = result.candidates.find((c) => c.reference === reference);
      if (candidate) foundAsCandidate++;
      if (candidate?.match) found++;
    }
  }
  if (hiddenCandidates > 0)
    throw new Error(`${hiddenCandidates} candidates came from a list the screener may not see: the sharing rule leaks`);
  timings.sort((a, b) => a - b);
  return {
    queries: queries.length,
    screen_p50_ms: round1(percentile(timings, 50)),
    screen_p95_ms: round1(percentile(timings, 95)),
    screen_max_ms: round1(timings.at(-1) ?? null),
    mean_candidates: round1(candidates / queries.length),
    /** Variants of screenable entries whose entry came back as a hit (and as a candidate at all). */
    variant_hit_rate: round1((100 * found) / Math.max(1, expected)),
    variant_candidate_rate: round1((100 * foundAsCandidate) / Math.max(1, expected)),
    /** Names of nobody listed that still raised a hit (a shared common name, a near spelling). */
    unrelated_with_hit_pct: round1((100 * unrelatedHits) / Math.max(1, queries.filter((q) => q.of === null).length)),
  };
}

const csvField = (value: string) => (/[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A batch file of `lines` names (variants and unrelated names; a few lines refused on purpose). */
export function batchCsv(entries: number, lines: number): string {
  const rows = ['name,birth_year,nationality,reference'];
  screeningQueries(entries, lines, 1).forEach((query, i) => {
    rows.push(
      [csvField(query.name), query.birthYear ? String(query.birthYear) : '', query.nationality ?? '', `BENCH-${i + 1}`].join(','),
    );
  });
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Uploads a batch and drives the job queue in this process until the batch is done: the time from
 * the upload to `done`, as the screener's progress page would see it. A batch still running after
 * `timeoutS` is stopped (its job interrupted at its next chunk): no time then, but the lines it got
 * through and the time all of them would take at that pace.
 */
export async function measureBatch(app: FastifyInstance, session: Session, csv: string, timeoutS: number) {
  const form = new FormData();
  form.append('purpose', PURPOSE);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'bench-batch.csv');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const begin = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/screening/batches',
    headers: { ...headersOf(session), 'content-type': request.headers.get('content-type') as string },
    payload,
  });
  if (response.statusCode !== 202) throw new Error(`batch upload: ${response.statusCode} ${response.body.slice(0, 300)}`);
  const id = (response.json() as ScreeningBatch).id;
  const read = async () =>
    (
      await app.inject({ method: 'GET', url: `/api/v1/screening/batches/${id}`, headers: headersOf(session) })
    ).json() as ScreeningBatch;
  let batch: ScreeningBatch = response.json();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void app.jobs.stop();
  }, timeoutS * 1000);
  try {
    while (!timedOut && (batch.status === 'queued' || batch.status === 'running')) {
      if (!(await app.jobs.runNext())) await new Promise((resolve) => setTimeout(resolve, 20));
      batch = await read();
    }
  } finally {
    clearTimeout(timer);
  }
  const seconds = (performance.now() - begin) / 1000;
  if (!timedOut && batch.status !== 'done') throw new Error(`batch ended ${batch.status}`);
  const done = batch.status === 'done';
  return {
    batch_10k_s: done ? round1(seconds) : null,
    batch_lines: batch.totalLines,
    batch_processed_lines: batch.processedLines,
    batch_screened: batch.screened,
    batch_hits: batch.hits,
    batch_line_errors: batch.errors.length,
    ...(done
      ? {}
      : {
          batch_stopped_after_s: round1(seconds),
          batch_projected_s: round1((seconds * batch.totalLines) / Math.max(1, batch.processedLines)),
        }),
  };
}

/**
 * `subscribers` event streams on a listening server; the owner makes `changes` changes of a list
 * they all may see, one after another through the API. For each change and each subscriber: the time
 * from the change's HTTP response (its commit) to the subscriber reading its `watchlist.changed`
 * event (0 when the event came first), and from the request's start for comparison.
 */
export async function measurePropagation(
  app: FastifyInstance,
  owner: Session,
  cookies: string[],
  listId: string,
  changes: number,
) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const connections: SseConnection[] = [];
  // Opened a few at a time, as people sign in over a morning, not in one burst.
  for (let i = 0; i < cookies.length; i += 20)
    connections.push(
      ...(await Promise.all(
        cookies.slice(i, i + 20).map((cookie) => openEventStream(`${base}/api/v1/events/stream`, { cookie })),
      )),
    );
  try {
    const refused = connections.find((connection) => connection.status !== 200);
    if (refused) throw new Error(`a subscriber was refused: ${refused.status} ${refused.body}`);
    await Promise.all(connections.map((connection) => connection.waitFor((event) => event.event === 'ready', 30_000)));
    const ofList = (data: string) => {
      try {
        const parsed = JSON.parse(data);
        return parsed.type === 'watchlist.changed' && parsed.recordId === listId;
      } catch {
        return false;
      }
    };
    const fromCommit: number[] = [];
    const fromRequest: number[] = [];
    let missed = 0;
    for (let k = 0; k < changes; k++) {
      const requested = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/watchlists/${listId}/entries`,
        headers: headersOf(owner),
        payload: {
          names: [{ name: `Bench Live Person ${k}`, script: 'latin' }],
          birthDate: String(1970 + (k % 30)),
          nationalities: ['SN'],
          reason: 'Benchmark change: invented person.',
        },
      });
      const committed = performance.now();
      if (response.statusCode !== 201) throw new Error(`change ${k}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      const arrivals = await Promise.all(
        connections.map((connection) =>
          connection
            .waitFor((event) => connection.events.filter((e) => ofList(e.data)).indexOf(event) === k, 10_000)
            .then(
              (event) => event.receivedAt,
              () => null,
            ),
        ),
      );
      for (const at of arrivals) {
        if (at === null) missed++;
        else {
          fromCommit.push(Math.max(0, at - committed));
          fromRequest.push(at - requested);
        }
      }
    }
    fromCommit.sort((a, b) => a - b);
    fromRequest.sort((a, b) => a - b);
    return {
      subscribers: connections.length,
      changes,
      propagation_p50_ms: round1(percentile(fromCommit, 50)),
      propagation_p99_ms: round1(percentile(fromCommit, 99)),
      propagation_from_request_p99_ms: round1(percentile(fromRequest, 99)),
      propagation_missed: missed,
    };
  } finally {
    for (const connection of connections) connection.close();
  }
}
