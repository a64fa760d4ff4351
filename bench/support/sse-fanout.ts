/**
 * Server-Sent Events over plain HTTP (no browser): a small client for tests and benchmarks, and
 * `measureFanout`, the time from an action to its event reaching every subscriber.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
  /** performance.now() when the event was read off the socket. */
  receivedAt: number;
}

export interface SseConnection {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body of a refused stream (problem+json). */
  body: string;
  events: SseEvent[];
  comments: string[];
  readonly ended: boolean;
  /** Resolves when the server ends the stream. */
  end: Promise<void>;
  /** The first event (already received or to come) that satisfies `predicate`. */
  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Opens one stream on its own connection; resolves once the response headers have arrived. */
export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const waiters = new Set<() => void>();
      const notify = () => {
        for (const waiter of [...waiters]) waiter();
      };
      let ended = false;
      let buffer = '';
      const connection: SseConnection = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: '',
        events: [],
        comments: [],
        get ended() {
          return ended;
        },
        end: new Promise((done) => {
          response.on('close', () => {
            ended = true;
            notify();
            done();
          });
        }),
        waitFor(predicate, timeoutMs = 10_000) {
          return new Promise((found, fail) => {
            const check = () => {
              const event = connection.events.find(predicate);
              if (event || ended) {
                waiters.delete(check);
                clearTimeout(timer);
                if (event) found(event);
                else fail(new Error('the stream ended before the expected event'));
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (connection.status !== 200) {
          connection.body += chunk;
          return;
        }
        buffer += chunk.replace(/\r\n?/g, '\n');
        let blank = buffer.indexOf('\n\n');
        while (blank >= 0) {
          parseBlock(buffer.slice(0, blank), connection);
          buffer = buffer.slice(blank + 2);
          blank = buffer.indexOf('\n\n');
        }
        notify();
      });
      response.on('error', () => undefined);
      resolve(connection);
    });
    request.on('error', reject);
  });
}

function parseBlock(block: string, connection: SseConnection) {
  const event: SseEvent = { event: 'message', data: '', receivedAt: performance.now() };
  const data: string[] = [];
  let hasData = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      connection.comments.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') {
      data.push(value);
      hasData = true;
    }
  }
  if (hasData) {
    event.data = data.join('\n');
    connection.events.push(event);
  }
}

export interface FanoutOptions {
  baseUrl: string;
  /** One `cookie` header value per subscriber (`liaison_session=…`). */
  cookies: string[];
  /** Performs the action (e.g. POSTs an alert) and returns the id of the record it created. */
  trigger: () => Promise<string>;
  /** Whether an event announces the triggered record; by default its `recordId` equals the id. */
  matches?: (event: SseEvent, id: string) => boolean;
  path?: string;
  timeoutMs?: number;
}

export interface FanoutResult {
  subscribers: number;
  received: number;
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
}

const recordIdIs = (event: SseEvent, id: string) => {
  try {
    return JSON.parse(event.data).recordId === id;
  } catch {
    return false;
  }
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Opens one stream per cookie, waits until every one is live (its `ready` event), runs `trigger`
 * and times each subscriber's arrival of the matching event from just before the trigger.
 */
export async function measureFanout(options: FanoutOptions): Promise<FanoutResult> {
  const { baseUrl, cookies, trigger, matches = recordIdIs, path = '/api/v1/events/stream', timeoutMs = 10_000 } = options;
  const connections = await Promise.all(cookies.map((cookie) => openEventStream(new URL(path, baseUrl).href, { cookie })));
  try {
    const refused = connections.find((connection) => connection.status !== 200);
    if (refused) throw new Error(`a subscriber was refused: ${refused.status} ${refused.body}`);
    await Promise.all(connections.map((connection) => connection.waitFor((event) => event.event === 'ready', timeoutMs)));
    const start = performance.now();
    const id = await trigger();
    const arrivals = await Promise.all(
      connections.map((connection) =>
        connection
          .waitFor((event) => matches(event, id), timeoutMs)
          .then(
            (event) => event.receivedAt - start,
            () => null,
          ),
      ),
    );
    const times = arrivals.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
    const round = (ms: number | null) => (ms === null ? null : Math.round(ms * 10) / 10);
    return {
      subscribers: connections.length,
      received: times.length,
      p50_ms: round(percentile(times, 50)),
      p99_ms: round(percentile(times, 99)),
      max_ms: round(times.at(-1) ?? null),
    };
  } finally {
    for (const connection of connections) connection.close();
  }
}
