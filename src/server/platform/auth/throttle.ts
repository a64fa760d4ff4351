import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Sign-in throttling per account at one address, and per address. After a few free failures each
 * further failure doubles the wait (2 s, 4 s, 8 s … up to 15 minutes). The account lock is keyed on
 * the account AND the client address: whoever guesses passwords from one address locks only that
 * address out of the account, never the real user signing in from elsewhere. The per-address lock
 * still stops one address trying many accounts. Unknown e-mails are throttled like known ones, so
 * the answer never tells whether an account exists.
 */
const FREE_FAILURES = { account: 5, ip: 30 } as const;
const MAX_LOCK_SECONDS = 15 * 60;

export const throttleKeys = (email: string, ip: string) => ({
  account: `account:${email.trim().toLowerCase()} from:${ip}`,
  ip: `ip:${ip}`,
});

/** Seconds until a sign-in may be tried again for any of the keys, or 0. */
export async function secondsLocked(db: Db, keys: string[]): Promise<number> {
  const result = await sql<{ wait: number | null }>`
    select ceil(extract(epoch from max(locked_until) - now()))::int as wait
    from login_throttle where key = any(${keys}::text[]) and locked_until > now()`.execute(db);
  return Math.max(0, result.rows[0]?.wait ?? 0);
}

export async function recordFailure(db: Db, key: string, kind: keyof typeof FREE_FAILURES): Promise<void> {
  const free = FREE_FAILURES[kind];
  await sql`
    insert into login_throttle (key, failures, last_failure_at) values (${key}, 1, now())
    on conflict (key) do update set
      -- a quiet day forgives old failures
      failures = case when login_throttle.last_failure_at < now() - interval '24 hours' then 1
                      else login_throttle.failures + 1 end,
      last_failure_at = now(),
      locked_until = case when login_throttle.failures + 1 > ${free}
        then now() + make_interval(secs => least(${MAX_LOCK_SECONDS}, power(2, login_throttle.failures + 1 - ${free})))
        else login_throttle.locked_until end`.execute(db);
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await sql`delete from login_throttle where key = ${key}`.execute(db);
}
