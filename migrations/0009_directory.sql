-- The directory (issue 5, "Directory"): functions of units ("national anti-smuggling focal point"),
-- addressed by a stable id, and the people who hold each function over time. Messages address the
-- function, so a thread survives rotation: the successor finds the history under the same id.
-- Nothing is deleted: functions are deactivated, holder periods are ended.

-- ISO 639-1 codes of the languages a person speaks (checked against the full list by the API).
alter table users add column languages text[] not null default '{}'
  check (array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$');

create table unit_functions (
  id uuid primary key default gen_random_uuid(),
  unit_id uuid not null references units (id),
  title text not null,
  kind text not null check (kind in (
    'national_focal_point', 'anti_smuggling_focal_point', 'anti_trafficking_focal_point', 'liaison_officer',
    'border_management_contact', 'risk_analysis_contact', 'protection_contact', 'secretariat_contact')),
  -- Themes of competence: ids of the library's theme vocabulary.
  themes text[] not null default '{}',
  -- The function's own mailbox and phone (E.164), which outlive whoever holds it; never a person's.
  email text,
  phone text,
  description text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index unit_functions_title_key on unit_functions (unit_id, lower(title));
create index unit_functions_kind_idx on unit_functions (kind);
create index unit_functions_themes_idx on unit_functions using gin (themes);

-- ends_on is the last day held (inclusive); null while the period is open.
create table function_holders (
  id uuid primary key default gen_random_uuid(),
  function_id uuid not null references unit_functions (id),
  user_id uuid not null references users (id),
  starts_on date not null,
  ends_on date,
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index function_holders_function_idx on function_holders (function_id, starts_on);
create index function_holders_user_idx on function_holders (user_id);

-- Several people may hold a function at once (deputies), but one person's periods on one function
-- never overlap. The API checks first (with the function row locked) and answers 409; this trigger
-- keeps the rule for any other writer. btree_gist is not available on PGlite, hence no exclusion
-- constraint.
create function function_holders_refuse_overlap() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from function_holders h
    where h.function_id = new.function_id and h.user_id = new.user_id and h.id <> new.id
      and daterange(h.starts_on, h.ends_on, '[]') && daterange(new.starts_on, new.ends_on, '[]')
  ) then
    raise exception using errcode = '23P01',
      message = 'holder periods of one person on one function may not overlap';
  end if;
  return new;
end;
$$;
create trigger function_holders_no_overlap before insert or update on function_holders
  for each row execute function function_holders_refuse_overlap();
