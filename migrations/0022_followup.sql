-- Follow-up of recommendations (issue 14): partners commit to act on library recommendations and
-- action-plan references; commitments have actions with owners and due dates, indicators with
-- baselines, targets and measurements; the secretariat runs review cycles in which each partner
-- reports and peers comment. A commitment is a shared record (the seven visibility columns, read by
-- liaison_visible on every read path; the originating organisation is the lead partner). Nothing is
-- deleted: records are cancelled or withdrawn with a reason, and every change keeps its history.

create table commitments (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 300),
  description text not null default '' check (char_length(description) <= 20000),
  starts_on date not null,
  ends_on date not null,
  status text not null default 'active' check (status in ('active', 'completed', 'cancelled')),
  -- Why it was cancelled or completed; required for a cancellation.
  status_reason text check (char_length(status_reason) <= 2000),
  -- Action-plan references by vocabulary id ('CAP:objective:3', 'MAP:domain:4', 'GCM:9', 'JVAP:domain:2').
  plan_references text[] not null default '{}',
  -- A stale edit names an older revision and is refused (409).
  revision integer not null default 1,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  handling_code text not null default 'TLP:CLEAR'
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid not null references units (id),
  -- The lead partner: the organisation that owns and edits the commitment.
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null default true,
  check (ends_on >= starts_on),
  check (status <> 'cancelled' or status_reason is not null)
);
create index commitments_lead_idx on commitments (originator_organisation_id, created_at desc);
create index commitments_plan_references_idx on commitments using gin (plan_references);
create index commitments_created_idx on commitments (created_at desc, id desc);

-- The partners of a commitment: exactly one lead (its originator organisation) and contributors.
create table commitment_partners (
  commitment_id uuid not null references commitments (id),
  organisation_id uuid not null references organisations (id),
  role text not null check (role in ('lead', 'contributor')),
  primary key (commitment_id, organisation_id)
);
create index commitment_partners_organisation_idx on commitment_partners (organisation_id);
create unique index commitment_partners_one_lead_idx on commitment_partners (commitment_id) where role = 'lead';

-- The library recommendations a commitment acts on (published items the lead could see when linked).
create table commitment_recommendations (
  commitment_id uuid not null references commitments (id),
  item_id uuid not null references knowledge_items (id),
  primary key (commitment_id, item_id)
);
create index commitment_recommendations_item_idx on commitment_recommendations (item_id);

-- Every change of a commitment: who, when, what, the fields before and after, and why.
create table commitment_revisions (
  id bigint generated always as identity primary key,
  commitment_id uuid not null references commitments (id),
  revision integer not null,
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  action text not null,
  before jsonb,
  after jsonb,
  reason text
);
create index commitment_revisions_commitment_idx on commitment_revisions (commitment_id, id);

-- A step of a commitment, owned by a unit of one of its partners.
create table followup_actions (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references commitments (id),
  title text not null check (char_length(title) between 1 and 300),
  description text not null default '' check (char_length(description) <= 20000),
  owner_unit_id uuid not null references units (id),
  due_on date not null,
  status text not null default 'planned'
    check (status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')),
  revision integer not null default 1,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index followup_actions_commitment_idx on followup_actions (commitment_id, due_on);
create index followup_actions_owner_due_idx on followup_actions (owner_unit_id, due_on) where status not in ('done', 'cancelled');
create index followup_actions_due_idx on followup_actions (due_on) where status not in ('done', 'cancelled');

-- Status changes (with their reason) and due-date changes of an action; the first row is its creation.
create table followup_action_history (
  id bigint generated always as identity primary key,
  action_id uuid not null references followup_actions (id),
  at timestamptz not null default now(),
  actor_user_id uuid references users (id),
  from_status text,
  to_status text not null,
  from_due_on date,
  to_due_on date not null,
  reason text check (char_length(reason) <= 2000)
);
create index followup_action_history_action_idx on followup_action_history (action_id, id);

-- What a commitment measures. Values are numbers whatever the type: a percentage is 0..100, yes/no is
-- 0 or 1, a milestone is the index (0-based) of the last milestone reached in `milestones`.
create table indicators (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references commitments (id),
  name text not null check (char_length(name) between 1 and 300),
  -- What is counted ("officers trained", "cases referred"); empty for yes/no and milestones.
  measure_unit text not null default '' check (char_length(measure_unit) <= 100),
  direction text not null check (direction in ('increase', 'decrease')),
  value_type text not null check (value_type in ('number', 'percentage', 'boolean', 'milestone')),
  milestones text[] not null default '{}',
  baseline_value numeric not null,
  baseline_on date not null,
  target_value numeric not null,
  target_on date not null,
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  status_reason text,
  revision integer not null default 1,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (target_value <> baseline_value),
  check (target_on > baseline_on),
  check (value_type <> 'milestone' or cardinality(milestones) >= 2)
);
create index indicators_commitment_idx on indicators (commitment_id);

-- A value of an indicator at a date, with its source and evidence (a file or a link) and its reporter.
-- A wrong measurement is withdrawn with a reason, never changed.
create table indicator_measurements (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators (id),
  value numeric not null,
  measured_on date not null,
  source text not null check (char_length(source) between 1 and 500),
  note text not null default '' check (char_length(note) <= 2000),
  -- An uploaded file (readable wherever the commitment is), or a link.
  evidence_attachment_id uuid references attachments (id),
  evidence_url text check (char_length(evidence_url) <= 2000),
  reported_by uuid not null references users (id),
  reported_unit_id uuid references units (id),
  reported_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid references users (id),
  withdrawn_reason text
);
create index indicator_measurements_indicator_idx on indicator_measurements (indicator_id, measured_on desc, reported_at desc);

-- A review cycle run by the secretariat over a set of commitments, with a deadline; partners report,
-- reviewers of other partners comment, and the cycle closes with a summary.
create table review_cycles (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 300),
  description text not null default '' check (char_length(description) <= 20000),
  -- The action plan the cycle reviews ('CAP', 'MAP', 'GCM', 'JVAP'), if one.
  plan text,
  deadline date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  -- Organisations whose members review (comment on) the partners' reports.
  reviewer_organisations uuid[] not null default '{}',
  opened_by uuid not null references users (id),
  opened_unit_id uuid not null references units (id),
  opened_at timestamptz not null default now(),
  closed_by uuid references users (id),
  closed_at timestamptz,
  closing_summary text check (char_length(closing_summary) <= 20000),
  revision integer not null default 1,
  check ((status = 'closed') = (closed_at is not null))
);
create index review_cycles_opened_idx on review_cycles (opened_at desc);

create table review_cycle_commitments (
  cycle_id uuid not null references review_cycles (id),
  commitment_id uuid not null references commitments (id),
  primary key (cycle_id, commitment_id)
);
create index review_cycle_commitments_commitment_idx on review_cycle_commitments (commitment_id);

-- One report per partner organisation concerned by a cycle. "late" is computed: past the deadline and
-- neither submitted nor accepted.
create table review_reports (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references review_cycles (id),
  organisation_id uuid not null references organisations (id),
  status text not null default 'not_started'
    check (status in ('not_started', 'draft', 'submitted', 'returned', 'accepted')),
  summary text not null default '' check (char_length(summary) <= 20000),
  revision integer not null default 1,
  -- The task sent to the partner's units: a message in their inboxes.
  task_message_id uuid references messages (id),
  submitted_at timestamptz,
  submitted_by uuid references users (id),
  returned_reason text check (char_length(returned_reason) <= 2000),
  decided_at timestamptz,
  decided_by uuid references users (id),
  updated_at timestamptz not null default now(),
  unique (cycle_id, organisation_id)
);
create index review_reports_organisation_idx on review_reports (organisation_id, status);

-- The partner's progress on each commitment the report covers.
create table review_report_entries (
  report_id uuid not null references review_reports (id),
  commitment_id uuid not null references commitments (id),
  progress text not null default '' check (char_length(progress) <= 20000),
  assessment text check (assessment in ('on_track', 'at_risk', 'off_track', 'completed')),
  updated_at timestamptz not null default now(),
  primary key (report_id, commitment_id)
);

create table review_report_history (
  id bigint generated always as identity primary key,
  report_id uuid not null references review_reports (id),
  at timestamptz not null default now(),
  actor_user_id uuid references users (id),
  from_status text,
  to_status text not null,
  reason text
);
create index review_report_history_report_idx on review_report_history (report_id, id);

-- Comments of the secretariat and peer reviewers on a report (never of the reporting partner's own staff).
create table review_comments (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references review_reports (id),
  author_user_id uuid not null references users (id),
  author_organisation_id uuid not null references organisations (id),
  body text not null check (char_length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
create index review_comments_report_idx on review_comments (report_id, created_at);

-- Reminders already sent (deadline of a report, due date of an action): a job sends each once, even
-- when it runs again after a restart.
create table followup_reminders (
  subject_id uuid not null,
  kind text not null,
  sent_at timestamptz not null default now(),
  primary key (subject_id, kind)
);

create trigger commitments_no_delete before delete on commitments for each row execute function refuse_delete();
create trigger commitment_partners_no_delete before delete on commitment_partners for each row execute function refuse_delete();
create trigger commitment_recommendations_no_delete before delete on commitment_recommendations
  for each row execute function refuse_delete();
create trigger commitment_revisions_no_delete before delete on commitment_revisions for each row execute function refuse_delete();
create trigger followup_actions_no_delete before delete on followup_actions for each row execute function refuse_delete();
create trigger followup_action_history_no_delete before delete on followup_action_history
  for each row execute function refuse_delete();
create trigger indicators_no_delete before delete on indicators for each row execute function refuse_delete();
create trigger indicator_measurements_no_delete before delete on indicator_measurements
  for each row execute function refuse_delete();
create trigger review_cycles_no_delete before delete on review_cycles for each row execute function refuse_delete();
create trigger review_cycle_commitments_no_delete before delete on review_cycle_commitments
  for each row execute function refuse_delete();
create trigger review_reports_no_delete before delete on review_reports for each row execute function refuse_delete();
create trigger review_report_entries_no_delete before delete on review_report_entries
  for each row execute function refuse_delete();
create trigger review_report_history_no_delete before delete on review_report_history
  for each row execute function refuse_delete();
create trigger review_comments_no_delete before delete on review_comments for each row execute function refuse_delete();
