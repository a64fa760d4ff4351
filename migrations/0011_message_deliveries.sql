-- Per-unit shared inboxes (issue 5), as SIENA keeps them: when a message is sent, a delivery row is
-- written for each unit it is addressed to, and the unit's inbox, unread count and archive are
-- ranges of that unit's deliveries. The visibility rule is still applied on every read; a delivery
-- only says "this unit was addressed". A unit created later finds earlier messages it may see
-- through search ("all visible"), not in its inbox.

-- Organisations the sender named explicitly (recipient_organisations also holds the organisations
-- of named units, for the AMBER rule), and functions named as recipients (their unit is in
-- recipient_units; the function is kept to show "to: the focal point" and for the thread's history).
alter table messages add column addressed_organisations uuid[] not null default '{}';
alter table messages add column recipient_functions uuid[] not null default '{}';
update messages set addressed_organisations = recipient_organisations where recipient_units = '{}';

-- Closing an RFI: who closed it and when (status 'closed').
alter table messages add column closed_at timestamptz;
alter table messages add column closed_by uuid references users (id);

-- Words of subject and body for search, in every language alike (no stemming, accents ignored).
alter table messages add column search_vector tsvector
  generated always as (to_tsvector('public.liaison_simple'::regconfig, subject || ' ' || body)) stored;
create index messages_search_idx on messages using gin (search_vector);

create index messages_recipient_sharing_groups_idx on messages using gin (recipient_sharing_groups);

create table message_deliveries (
  unit_id uuid not null references units (id),
  message_id uuid not null references messages (id),
  -- The message's time and kind, copied so that an inbox page, its total and its unread count are
  -- read from one index in order, without visiting the messages.
  created_at timestamptz not null,
  kind text not null,
  read_at timestamptz,
  archived_at timestamptz,
  -- Set while the unit may no longer see the message (its organisation left the sharing group
  -- the message went to); cleared if it may again. Kept by the triggers below.
  revoked_at timestamptz,
  primary key (unit_id, message_id)
);
create index message_deliveries_inbox_idx on message_deliveries (unit_id, created_at desc, message_id desc)
  include (kind, read_at) where archived_at is null and revoked_at is null;
create index message_deliveries_archive_idx on message_deliveries (unit_id, created_at desc, message_id desc)
  include (kind, read_at) where archived_at is not null and revoked_at is null;
create index message_deliveries_message_idx on message_deliveries (message_id);

-- Totals and unread counts of each unit's inbox and archive, per kind of message, kept by the
-- statement triggers below from the rows each statement changed: a box's counts are one row read,
-- however large the box (index-only counting would depend on VACUUM, which PGlite never runs).
create table message_box_counts (
  unit_id uuid not null references units (id),
  kind text not null,
  box text not null check (box in ('inbox', 'archive')),
  total integer not null default 0,
  unread integer not null default 0,
  primary key (unit_id, kind, box)
);

create function message_deliveries_counted() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    insert into message_box_counts as c (unit_id, kind, box, total, unread)
    select unit_id, kind, box, -count(*), -count(*) filter (where read_at is null)
    from (select unit_id, kind, read_at,
        case when revoked_at is not null then null when archived_at is null then 'inbox' else 'archive' end as box
      from old_rows) o
    where box is not null group by unit_id, kind, box order by unit_id, kind, box
    on conflict (unit_id, kind, box) do update set total = c.total + excluded.total, unread = c.unread + excluded.unread;
  end if;
  insert into message_box_counts as c (unit_id, kind, box, total, unread)
  select unit_id, kind, box, count(*), count(*) filter (where read_at is null)
  from (select unit_id, kind, read_at,
      case when revoked_at is not null then null when archived_at is null then 'inbox' else 'archive' end as box
    from new_rows) n
  where box is not null group by unit_id, kind, box order by unit_id, kind, box
  on conflict (unit_id, kind, box) do update set total = c.total + excluded.total, unread = c.unread + excluded.unread;
  return null;
end $$;
create trigger message_deliveries_count_insert after insert on message_deliveries
  referencing new table as new_rows for each statement execute function message_deliveries_counted();
create trigger message_deliveries_count_update after update on message_deliveries
  referencing old table as old_rows new table as new_rows for each statement execute function message_deliveries_counted();

-- Whether a unit (as a viewer with just that unit) may see a message: the platform rule
-- (src/shared/visibility.ts, visibility-filter.ts) written for the delivery triggers.
create function unit_may_see_message(p_unit uuid, p_organisation uuid, m messages) returns boolean
language sql stable as $$
  select m.handling_code = 'TLP:CLEAR' or m.originator_unit_id = p_unit or p_unit = any(m.recipient_units)
    or (m.handling_code <> 'TLP:RED' and (
      m.originator_organisation_id = p_organisation or p_organisation = any(m.recipient_organisations)
      or m.to_all_partners
      or exists (select 1 from sharing_group_members g join sharing_groups sg on sg.id = g.sharing_group_id and sg.active
        where g.organisation_id = p_organisation and g.sharing_group_id = any(m.recipient_sharing_groups))))
$$;

-- When an organisation joins or leaves a sharing group, or a group is switched off or on, the
-- deliveries of the group's messages to that organisation's units are revoked or restored.
create function refresh_group_deliveries(p_group uuid, p_organisation uuid) returns void
language sql as $$
  update message_deliveries d
  set revoked_at = case when unit_may_see_message(u.id, u.organisation_id, m) then null else coalesce(d.revoked_at, now()) end
  from messages m, units u
  where d.message_id = m.id and d.unit_id = u.id and u.organisation_id = p_organisation
    and m.recipient_sharing_groups @> array[p_group]
    and (d.revoked_at is null) <> unit_may_see_message(u.id, u.organisation_id, m)
$$;

create function sharing_group_members_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform refresh_group_deliveries(old.sharing_group_id, old.organisation_id);
  else
    perform refresh_group_deliveries(new.sharing_group_id, new.organisation_id);
  end if;
  return null;
end $$;
create trigger sharing_group_members_deliveries after insert or delete on sharing_group_members
  for each row execute function sharing_group_members_changed();

create function sharing_group_switched() returns trigger language plpgsql as $$
begin
  perform refresh_group_deliveries(new.id, g.organisation_id) from sharing_group_members g where g.sharing_group_id = new.id;
  return null;
end $$;
create trigger sharing_group_active_deliveries after update of active on sharing_groups
  for each row when (old.active is distinct from new.active) execute function sharing_group_switched();

-- What was exchanged is evidence: messages, acknowledgements and deliveries are archived or
-- revoked, never removed (nor are alerts and attachments, in their own migrations).
create function refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never deleted (archive, withdraw or supersede instead)', tg_table_name;
end;
$$;
create trigger messages_no_delete before delete on messages for each row execute function refuse_delete();
create trigger message_acknowledgements_no_delete before delete on message_acknowledgements
  for each row execute function refuse_delete();
create trigger message_deliveries_no_delete before delete on message_deliveries
  for each row execute function refuse_delete();

-- Messages sent before inboxes existed are delivered now by the same rule the application uses
-- (repository.ts, deliverMessages).
insert into message_deliveries (unit_id, message_id, created_at, kind, read_at)
select u.id, m.id, m.created_at, m.kind, a.at
from messages m
join units u on u.active and u.id <> m.originator_unit_id
left join message_acknowledgements a on a.message_id = m.id and a.unit_id = u.id
where u.id = any(m.recipient_units)
  or (m.handling_code <> 'TLP:RED' and (
    u.organisation_id = any(m.addressed_organisations)
    or m.to_all_partners
    or exists (select 1 from sharing_group_members g join sharing_groups sg on sg.id = g.sharing_group_id and sg.active
      where g.sharing_group_id = any(m.recipient_sharing_groups) and g.organisation_id = u.organisation_id)));
