-- Messages and requests for information (RFI) between units (issue 5). A message is a shared
-- record: the visibility columns below are read by the platform rule (docs/ARCHITECTURE.md), on
-- every read path. Nothing is deleted: messages are archived per unit.
create table messages (
  id uuid primary key default gen_random_uuid(),
  -- The first message of the thread (its own id for a new thread).
  thread_id uuid not null,
  in_reply_to uuid references messages (id),
  forwarded_from uuid references messages (id),
  kind text not null check (kind in ('message', 'rfi')),
  subject text not null,
  -- Markdown source; the web app renders it sanitised.
  body text not null,
  restrictions text[] not null default '{}',
  priority text not null default 'routine' check (priority in ('routine', 'urgent', 'immediate')),
  -- RFI only: answer wanted by; status open → answered → closed ("overdue" is computed).
  deadline timestamptz,
  status text check (status in ('open', 'answered', 'closed')),
  sender_user_id uuid not null references users (id),
  handling_code text not null
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid not null references units (id),
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null default false,
  created_at timestamptz not null default now(),
  check ((kind = 'rfi') = (deadline is not null and status is not null))
);
create index messages_thread_idx on messages (thread_id, created_at);
create index messages_created_idx on messages (created_at desc, id desc);
create index messages_originator_unit_idx on messages (originator_unit_id, created_at desc);
create index messages_recipient_units_idx on messages using gin (recipient_units);
create index messages_recipient_organisations_idx on messages using gin (recipient_organisations);

-- Read acknowledgements, per receiving unit: the sender sees which units have read a message.
create table message_acknowledgements (
  message_id uuid not null references messages (id),
  unit_id uuid not null references units (id),
  user_id uuid not null references users (id),
  at timestamptz not null default now(),
  primary key (message_id, unit_id)
);
