-- E-mail notices of exchange events and reminders of RFI deadlines (issue 5).

-- What each user wants mailed. No row = nothing: notices are opt-in.
create table notice_preferences (
  user_id uuid primary key references users (id),
  email_enabled boolean not null default false,
  new_messages boolean not null default false,
  rfi_changes boolean not null default false,
  alerts boolean not null default false,
  updated_at timestamptz not null default now()
);

-- How far the notice sweep has read exchange_events. One row, locked FOR UPDATE by the sweep in the
-- transaction that enqueues the mails, so two processes never mail the same event twice. It starts
-- at the events that already exist: installing notices does not mail the past.
create table notice_cursor (
  id boolean primary key default true check (id),
  last_seq bigint not null
);
insert into notice_cursor (last_seq) select coalesce(max(seq), 0) from exchange_events;

-- An RFI is reminded once, when its deadline comes within the lead time (or has passed unreminded).
alter table messages add column reminded_at timestamptz;
create index messages_rfi_reminder_idx on messages (deadline) where kind = 'rfi' and status = 'open' and reminded_at is null;
