-- Events of the exchange (issue 5): a new message, an RFI that changed, an alert. The live stream
-- (Server-Sent Events) announces them to each signed-in user who may see the record, and a client
-- that reconnects asks for the events after the last one it had (Last-Event-ID). An event carries
-- the visibility columns of its record, so the platform rule filters events like any shared record;
-- it holds ids only, never content: a client reads the record itself through its audited path.
create table exchange_events (
  seq bigserial primary key,
  type text not null,
  record_type text not null,
  record_id uuid not null,
  handling_code text not null
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid not null references units (id),
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null default false,
  -- Who caused it, so their own action is not mailed back to them; null for the platform's own
  -- events (reminders).
  actor_user_id uuid references users (id),
  created_at timestamptz not null default now()
);
create index exchange_events_created_idx on exchange_events (created_at);
