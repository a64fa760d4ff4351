-- Idempotency keys: a POST retried with the same Idempotency-Key is answered from the first reply
-- instead of running twice (src/server/platform/http/idempotency.ts).

-- One row per key a user sent. `response_status` null = the first request is still running.
-- `response_body` is encrypted with the field cipher: replies may hold message text or a new API
-- token's secret. Rows are kept 24 hours, then purged.
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null check (length(key) between 1 and 200),
  method text not null,
  url text not null,
  request_hash text not null,
  response_status integer,
  response_type text,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
