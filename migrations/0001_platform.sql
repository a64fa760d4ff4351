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

-- Resolves who is asking from a session or API token hash, on every request. A PL/pgSQL function so
-- that its plans are prepared once per connection rather than on each request.
create function resolve_actor(p_kind text, p_hash text)
returns table (
  id uuid, email text, display_name text, organisation_id uuid, locale text, totp_enabled boolean,
  roles text[], unit_ids text[], sharing_group_ids text[], organisation json, units json,
  token_roles text[], token_id uuid, token_last_used_at timestamptz
) language plpgsql stable as $$
#variable_conflict use_column
declare
  v_user uuid;
  v_token_roles text[];
  v_token_id uuid;
  v_last_used timestamptz;
begin
  if p_kind = 'session' then
    select s.user_id into v_user from sessions s
      where s.token_hash = p_hash and s.ended_at is null and s.expires_at > now();
  else
    select t.user_id, t.roles, t.id, t.last_used_at into v_user, v_token_roles, v_token_id, v_last_used
      from api_tokens t where t.token_hash = p_hash and t.revoked_at is null and t.expires_at > now();
  end if;
  if v_user is null then
    return;
  end if;
  -- Only active users of active organisations resolve: deactivation ends every session at once.
  return query
    select u.id, u.email, u.display_name, u.organisation_id, u.locale, u.totp_enabled_at is not null,
      array(select r.role from user_roles r where r.user_id = u.id order by r.role)::text[],
      array(select uu.unit_id from user_units uu join units un on un.id = uu.unit_id
            where uu.user_id = u.id and un.active order by uu.unit_id)::text[],
      array(select m.sharing_group_id from sharing_group_members m join sharing_groups g on g.id = m.sharing_group_id
            where m.organisation_id = u.organisation_id and g.active order by m.sharing_group_id)::text[],
      json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym, 'country', o.country, 'kind', o.kind),
      coalesce((select json_agg(json_build_object('id', un.id, 'name', un.name) order by un.name)
        from user_units uu join units un on un.id = uu.unit_id where uu.user_id = u.id and un.active), '[]'::json),
      v_token_roles, v_token_id, v_last_used
    from users u join organisations o on o.id = u.organisation_id
    where u.id = v_user and u.active and o.active;
end;
$$;
