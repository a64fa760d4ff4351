import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { openEventStream, type SseConnection } from '../../bench/support/sse-fanout.js';
import { liveHub } from '../../src/server/modules/exchange/live/routes.js';
import { type Client, startTestApp, type TestApp } from './test-app.js';

/**
 * A test app on a real socket for the live stream: focal.ma sends, Spain's named unit and Niger's
 * first unit receive. The bus polls every 100 ms so the tests are quick on a database without
 * LISTEN too.
 */
export interface LiveStreamApp {
  t: TestApp;
  /** http://127.0.0.1:<port>, for tools that open the stream themselves. */
  base: string;
  /** focal.ma, signed in. */
  sender: Client;
  spainUnit: string;
  nigerUnit: string;
  /** The session cookie of each account signed in at the start. */
  cookies: Record<string, string>;
  /** Opens the stream as one of those accounts, or with no session for `null`. */
  stream(account: string | null, options?: { headers?: Record<string, string>; query?: string }): Promise<SseConnection>;
  /** Closes every stream opened so far. */
  closeStreams(): void;
  close(): Promise<void>;
}

/** `accounts`: the demo accounts (before @liaison.demo) whose streams the tests open. */
export async function startLiveStreamApp(accounts: string[]): Promise<LiveStreamApp> {
  const t = await startTestApp();
  try {
    return await listening(t, accounts);
  } catch (error) {
    await t.close();
    throw error;
  }
}

async function listening(t: TestApp, accounts: string[]): Promise<LiveStreamApp> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  liveHub(t.app).settings.pollMs = 100;
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const cookies: Record<string, string> = {};
  for (const account of accounts) {
    cookies[account] = (await t.signIn(`${account}@liaison.demo`)).cookie as string;
  }
  const idOf = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0].id;
  const opened: SseConnection[] = [];
  const closeStreams = () => {
    for (const connection of opened) connection.close();
  };
  return {
    t,
    base,
    sender: await t.signIn('focal.ma@liaison.demo'),
    spainUnit: await idOf(sql`select id from units where name = 'Unit against illegal immigration networks'`),
    nigerUnit: await idOf(sql`select u.id from units u join organisations o on o.id = u.organisation_id
      where o.acronym = 'DST' order by u.name limit 1`),
    cookies,
    async stream(account, options = {}) {
      const headers = { ...(account ? { cookie: cookies[account] } : {}), ...options.headers };
      const connection = await openEventStream(`${base}/api/v1/events/stream${options.query ?? ''}`, headers);
      opened.push(connection);
      return connection;
    },
    closeStreams,
    async close() {
      closeStreams();
      await t.close();
    },
  };
}

/** Resolves with the stream's `ready` event: everything missed has been replayed by then. */
export const ready = (connection: SseConnection) => connection.waitFor((event) => event.event === 'ready');
