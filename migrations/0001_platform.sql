-- Platform foundation: organisations, units, users and roles, sharing groups, sessions, API tokens,
-- login throttling and the append-only audit log.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  acronym text,
  country char(2),
  kind text not null check (kind in ('government_agency', 'international_organisation', 'ngo', 'secretariat')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organisations_name_key on organisations (lower(name));

create table units (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  name text not null,
  description text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index units_name_key on units (organisation_id, lower(name));

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  organisation_id uuid not null references organisations (id),
  password_hash text not null,
  locale text not null default 'en' check (locale in ('en', 'fr', 'ar')),
  active boolean not null default true,
  -- TOTP secret, encrypted with the platform key (AES-256-GCM); null until enrolment is confirmed.
  totp_secret_encrypted text,
  totp_pending_encrypted text,
  totp_enabled_at timestamptz,
  -- The 30-second step of the last accepted code: a code is never accepted twice.
  totp_last_step bigint,
  password_changed_at timestamptz not null default now(),
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_organisation_idx on users (organisation_id);

create table user_units (
  user_id uuid not null references users (id),
  unit_id uuid not null references units (id),
  primary key (user_id, unit_id)
);
create index user_units_unit_idx on user_units (unit_id);

create table user_roles (
  user_id uuid not null references users (id),
  role text not null check (role in ('platform_admin', 'org_admin', 'focal_point', 'analyst', 'case_worker', 'moderator', 'reader')),
  primary key (user_id, role)
);

create table sharing_groups (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index sharing_groups_name_key on sharing_groups (lower(name));

create table sharing_group_members (
  sharing_group_id uuid not null references sharing_groups (id),
  organisation_id uuid not null references organisations (id),
  primary key (sharing_group_id, organisation_id)
);
create index sharing_group_members_org_idx on sharing_group_members (organisation_id);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of the table opens nothing.
create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ip text
);
create index sessions_user_idx on sessions (user_id);

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user_idx on recovery_codes (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  name text not null,
  token_hash text not null unique,
  roles text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null default now(),
  locked_until timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text not null,
  target_type text,
  target_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  ip text,
  request_id text,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index audit_log_actor_idx on audit_log (actor_user_id, at);
create index audit_log_target_idx on audit_log (target_type, target_id);

-- The audit log is append-only: the database itself refuses to change or remove a row.
create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
