-- Early-warning alerts (issue 5): structured warnings a unit issues to a distribution, with the
-- observables (phones, vessels, web pages…) by which alerts correlate, and feedback from the units
-- that received them. An alert is a shared record: the visibility columns are read by the platform
-- rule on every read path (docs/ARCHITECTURE.md). Nothing is deleted: an alert is withdrawn, and
-- changed feedback is superseded, never overwritten.
create table alerts (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 200),
  category text not null check (category in ('new_route', 'modus_operandi', 'document_fraud', 'facilitator_network',
    'vessel_of_interest', 'vehicle_of_interest', 'persons_at_risk', 'other')),
  severity text not null check (severity in ('low', 'medium', 'high', 'critical')),
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  -- ISO 3166-1 alpha-2 codes of the countries the alert concerns (at least one).
  area_countries text[] not null check (cardinality(area_countries) >= 1),
  -- Border section or route, as people name it ("Strait of Gibraltar", "Agadez–Libya route").
  area_label text check (char_length(area_label) <= 200),
  -- A GeoJSON Point or Polygon in WGS84, checked by the service before it is stored.
  area_geometry jsonb,
  -- Markdown source; rendered sanitised by the server.
  description text not null check (char_length(description) <= 20000),
  -- "expired" is computed from valid_until, like an RFI's "overdue".
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdrawn_reason text,
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
  updated_at timestamptz not null default now(),
  check (valid_until > valid_from),
  check ((status = 'withdrawn') = (withdrawn_at is not null))
);
create index alerts_created_idx on alerts (created_at desc, id desc);
create index alerts_originator_unit_idx on alerts (originator_unit_id, created_at desc);
create index alerts_area_countries_idx on alerts using gin (area_countries);
create index alerts_recipient_units_idx on alerts using gin (recipient_units);
create index alerts_recipient_organisations_idx on alerts using gin (recipient_organisations);

-- The observables an alert carries, normalised (src/server/modules/exchange/alerts/observables/).
-- Two alerts correlate when they share a key (`kind:value`), among the alerts a viewer may see.
create table alert_observables (
  alert_id uuid not null references alerts (id),
  position integer not null,
  kind text not null check (kind in ('phone', 'email', 'vessel_imo', 'vessel_name', 'vehicle_plate',
    'document_pattern', 'url', 'handle', 'name')),
  value text not null,
  display text not null,
  country text,
  platform text,
  phone_type text,
  key text not null,
  primary key (alert_id, position),
  unique (alert_id, key)
);
create index alert_observables_key_idx on alert_observables (key);

-- Feedback of a receiving unit on an alert: one current row per (alert, unit); a change supersedes
-- the previous row, which stays as history.
create table alert_feedback (
  id uuid primary key default gen_random_uuid(),
  alert_id uuid not null references alerts (id),
  unit_id uuid not null references units (id),
  verdict text not null check (verdict in ('useful', 'acted_on', 'false_alarm')),
  comment text check (char_length(comment) <= 2000),
  user_id uuid not null references users (id),
  at timestamptz not null default now(),
  superseded_at timestamptz
);
create unique index alert_feedback_current_idx on alert_feedback (alert_id, unit_id) where superseded_at is null;
create index alert_feedback_alert_idx on alert_feedback (alert_id, at);

-- Alerts, their observables and feedback are evidence of what was shared: never removed
-- (refuse_delete: migration 0011).
create trigger alerts_no_delete before delete on alerts for each row execute function refuse_delete();
create trigger alert_observables_no_delete before delete on alert_observables
  for each row execute function refuse_delete();
create trigger alert_feedback_no_delete before delete on alert_feedback
  for each row execute function refuse_delete();
