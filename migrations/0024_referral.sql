-- Identification and referral (issue 15): a directory of service providers; cases of vulnerable
-- persons with personal fields encrypted field by field (AES-256-GCM, a key id in every value, keys
-- wrapped by the platform key in data_keys so they can rotate); a blind index of keyed hashes to find
-- a case by name or date of birth; versioned screenings; consent and best-interests steps; referrals
-- to services and to partner units abroad; retention; statistics kept apart from the cases, keyed by
-- a keyed hash of the case id so a reader of the tables cannot join them back.
-- Encrypted columns end in `_enc`; nothing else in these tables holds a name, a date of birth or a
-- contact.

alter table user_roles drop constraint user_roles_role_check;
alter table user_roles add constraint user_roles_role_check
  check (role in ('platform_admin', 'org_admin', 'focal_point', 'analyst', 'case_worker', 'case_supervisor', 'moderator', 'reader'));

-- Data keys for personal fields, each wrapped (encrypted) by the platform key. The newest key not
-- retired encrypts; every key decrypts. A rotation adds a key, re-encrypts every value in batches,
-- then marks the older keys retired once no value uses them.
create table data_keys (
  id text primary key check (id ~ '^k[0-9a-z]{4,32}$'),
  wrapped_key text not null,
  created_at timestamptz not null default now(),
  rotation_finished_at timestamptz,
  retired_at timestamptz
);

-- Service providers: an organisation, one of its units, or an independent provider (a clinic, a
-- lawyer) with no account on the platform.
create table service_providers (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 300),
  provider_kind text not null check (provider_kind in ('organisation', 'unit', 'independent')),
  organisation_id uuid references organisations (id),
  unit_id uuid references units (id),
  -- The function of the directory one writes to; survives staff rotation.
  contact_function_id uuid references unit_functions (id),
  description text not null default '' check (char_length(description) <= 4000),
  -- Needs served (vocabulary SERVICE_TYPES).
  services text[] not null check (cardinality(services) >= 1),
  -- ISO 639-1 codes.
  languages text[] not null default '{}',
  opening_hours text not null default '' check (char_length(opening_hours) <= 500),
  -- Places (persons) it can take at once; null: not limited.
  capacity integer check (capacity is null or capacity >= 0),
  active boolean not null default true,
  -- The organisation that manages this entry of the directory.
  managed_by_organisation_id uuid not null references organisations (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (provider_kind <> 'unit' or unit_id is not null),
  check (provider_kind <> 'organisation' or organisation_id is not null)
);
create index service_providers_services_idx on service_providers using gin (services);
create index service_providers_languages_idx on service_providers using gin (languages);
create index service_providers_unit_idx on service_providers (unit_id);

-- Places a provider serves: a country, optionally a region and city, and a point on the map.
create table service_places (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references service_providers (id) on delete cascade,
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  region text not null default '' check (char_length(region) <= 200),
  city text not null default '' check (char_length(city) <= 200),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  check ((latitude is null) = (longitude is null))
);
create index service_places_provider_idx on service_places (provider_id);
create index service_places_country_idx on service_places (country, lower(city));

-- A case: a pseudonymous reference, the unit that owns it, and its personal fields encrypted.
create table cases (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^[A-Z0-9-]{6,40}$'),
  case_type text not null check (case_type in ('trafficking', 'unaccompanied_child', 'medical', 'international_protection', 'other_vulnerability')),
  -- A child's case follows the best-interests procedure instead of the person's own consent.
  is_child boolean not null default false,
  status text not null default 'open' check (status in ('open', 'closed')),
  closure_reason text check (char_length(closure_reason) <= 2000),
  owner_unit_id uuid not null references units (id),
  owner_organisation_id uuid not null references organisations (id),
  -- A copy received through a transnational referral names the referral it came from.
  received_through_referral_id uuid,
  given_names_enc text,
  family_name_enc text,
  date_of_birth_enc text,
  sex_enc text,
  nationality_enc text,
  languages_enc text,
  contact_enc text,
  place_found_enc text,
  notes_enc text,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  -- Set by the retention job when the personal fields were erased.
  pseudonymised_at timestamptz,
  revision integer not null default 1,
  check ((status = 'closed') = (closed_at is not null))
);
create index cases_owner_unit_idx on cases (owner_unit_id, updated_at desc, id desc);
create index cases_owner_organisation_idx on cases (owner_organisation_id, updated_at desc, id desc);
create index cases_retention_idx on cases (case_type, closed_at) where status = 'closed' and pseudonymised_at is null;

-- The blind index: keyed hashes (HMAC-SHA-256, a key derived from the platform key) of normalised
-- name tokens and of the date of birth. Finding a case compares hashes, never plaintext.
create table case_search_tokens (
  case_id uuid not null references cases (id) on delete cascade,
  field text not null check (field in ('name', 'date_of_birth')),
  token text not null,
  primary key (case_id, field, token)
);
create index case_search_tokens_token_idx on case_search_tokens (token);

-- Screenings: a structured questionnaire of a given version; answers are codes, the free text is
-- encrypted. The suggested needs are the questionnaire's; the chosen ones are a person's decision.
create table case_screenings (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  questionnaire_version text not null,
  answers jsonb not null,
  indicator_families text[] not null default '{}',
  suggested_needs text[] not null default '{}',
  decided_needs text[] not null default '{}',
  assessment text not null check (assessment in ('presumed_victim', 'possible_victim', 'vulnerable_not_victim', 'no_indication')),
  urgency text not null check (urgency in ('immediate', 'high', 'normal')),
  notes_enc text,
  screened_by uuid not null references users (id),
  screened_at timestamptz not null default now()
);
create index case_screenings_case_idx on case_screenings (case_id, screened_at desc);

-- Consent: what the person agreed to, when and how it was recorded; withdrawn, never deleted.
create table case_consents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  scope text not null check (scope in ('share_with_service', 'transnational_referral', 'be_contacted')),
  -- The named service or partner organisation the consent covers (none for being contacted).
  provider_id uuid references service_providers (id),
  organisation_id uuid references organisations (id),
  -- The personal fields the person agreed may travel (vocabulary PERSONAL_FIELDS).
  fields text[] not null default '{}',
  recorded_how text not null check (recorded_how in ('written', 'verbal_witnessed', 'electronic', 'guardian')),
  given_at timestamptz not null,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdrawal_reason text check (char_length(withdrawal_reason) <= 2000)
);
create index case_consents_case_idx on case_consents (case_id);

-- A child's case: the recorded steps of the best-interests procedure (guardian appointed, child
-- protection authority informed, best-interests determination) that stand in for consent.
create table case_best_interests_steps (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  step text not null check (step in ('guardian_appointed', 'child_protection_informed', 'best_interests_assessment', 'best_interests_determination')),
  decision text not null check (decision in ('referral_in_best_interests', 'referral_not_in_best_interests', 'recorded')),
  authority text not null check (char_length(authority) between 1 and 300),
  notes_enc text,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now()
);
create index case_best_interests_case_idx on case_best_interests_steps (case_id);

-- Referrals: to a provider of the directory, or (transnational) to a partner unit in another country.
create table referrals (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  referral_kind text not null check (referral_kind in ('service', 'transnational')),
  from_unit_id uuid not null references units (id),
  provider_id uuid references service_providers (id),
  -- The unit that answers: the provider's unit, or the partner unit abroad.
  to_unit_id uuid references units (id),
  needs text[] not null check (cardinality(needs) >= 1),
  urgency text not null check (urgency in ('immediate', 'high', 'normal')),
  status text not null default 'sent' check (status in ('sent', 'accepted', 'declined', 'in_progress', 'completed', 'closed')),
  respond_by timestamptz not null,
  -- The consent (or for a child, the best-interests step) it left under, and the fields that travelled.
  consent_id uuid references case_consents (id),
  best_interests_step_id uuid references case_best_interests_steps (id),
  shared_fields text[] not null default '{}',
  -- The receiving unit's own copy of the case (transnational).
  received_case_id uuid references cases (id),
  decline_reason text check (char_length(decline_reason) <= 2000),
  outcome text check (outcome in ('service_provided', 'partially_provided', 'person_declined', 'lost_contact', 'transferred', 'other')),
  outcome_note text check (char_length(outcome_note) <= 2000),
  -- Consent withdrawn after it left: no further sharing, both sides told.
  sharing_stopped_at timestamptz,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (referral_kind <> 'service' or provider_id is not null),
  check (referral_kind <> 'transnational' or to_unit_id is not null),
  check (consent_id is not null or best_interests_step_id is not null),
  check (status <> 'declined' or decline_reason is not null),
  check (status not in ('completed', 'closed') or outcome is not null)
);
create index referrals_case_idx on referrals (case_id);
create index referrals_to_unit_idx on referrals (to_unit_id, status, respond_by);
create index referrals_from_unit_idx on referrals (from_unit_id, updated_at desc);
alter table cases add constraint cases_received_through_referral_fk
  foreign key (received_through_referral_id) references referrals (id);

-- Every change of a referral's status, with who and why.
create table referral_events (
  id bigint generated always as identity primary key,
  referral_id uuid not null references referrals (id),
  from_status text,
  to_status text not null,
  reason text check (char_length(reason) <= 2000),
  actor_id uuid references users (id),
  at timestamptz not null default now()
);
create index referral_events_referral_idx on referral_events (referral_id, id);

-- Every change of a case (opened, personal fields changed: names of fields only, closed, reopened,
-- pseudonymised), never the values.
create table case_events (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  event text not null,
  fields text[] not null default '{}',
  reason text check (char_length(reason) <= 2000),
  actor_id uuid references users (id),
  at timestamptz not null default now()
);
create index case_events_case_idx on case_events (case_id, id);

-- Statistics apart from the cases: coarse facts only (age band, not a date of birth), keyed by an
-- HMAC of the case id. Aggregated with small-count suppression; never published row by row.
create table case_statistics (
  fact_key text primary key,
  case_type text not null,
  is_child boolean not null,
  opened_month date not null,
  nationality char(2),
  age_band text check (age_band in ('0-11', '12-17', '18-25', '26-35', '36-45', '46+', 'unknown')),
  sex text check (sex in ('female', 'male', 'other', 'unknown')),
  indicator_families text[] not null default '{}',
  assessment text,
  owner_country char(2),
  services_referred text[] not null default '{}',
  referral_outcomes text[] not null default '{}',
  transnational boolean not null default false,
  updated_at timestamptz not null default now()
);
create index case_statistics_month_idx on case_statistics (opened_month);

-- What the retention job did, run by run (safe to run twice: a second run finds nothing to do).
create table retention_runs (
  id bigint generated always as identity primary key,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  pseudonymised integer not null default 0,
  details jsonb not null default '{}'
);
