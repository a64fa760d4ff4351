-- Background jobs (ingestion, reports, notifications): a queue in the database, so work survives a
-- restart and runs the same on PGlite and PostgreSQL. Workers claim a job with FOR UPDATE SKIP LOCKED
-- and hold it by a lease they renew while running; a job whose lease ran out (its process died) is
-- claimed again.

create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts between 1 and 100),
  -- Not before this time: the first run, or the next try after a backoff.
  run_after timestamptz not null default now(),
  locked_by text,
  locked_until timestamptz,
  progress jsonb,
  result jsonb,
  -- The last error: { message } for an unexpected one; kept on a retried job until it succeeds.
  error jsonb,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  check ((status = 'running') = (locked_by is not null and locked_until is not null))
);
-- What a worker looks at when it polls: jobs waiting to run, and running jobs whose lease may have run out.
create index jobs_claimable_idx on jobs (kind, run_after) where status = 'queued';
create index jobs_running_idx on jobs (locked_until) where status = 'running';
