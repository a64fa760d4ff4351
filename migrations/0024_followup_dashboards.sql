-- Follow-up dashboards (issue 14): figures over thousands of commitments within a page's time. Two
-- summaries kept by statement triggers, so that bulk writes pay once per statement:
-- * followup_action_counts: each commitment's actions per status, so "actions by status" of an action
--   plan sums one row per commitment instead of counting tens of thousands of actions;
-- * indicator_recent: each indicator's standing (trend, attainment) from its two latest measurements
--   not withdrawn, all that the rule of where an indicator stands (src/shared/followup/indicators.ts,
--   standingOf) looks at, by its SQL twin below; dashboards count, filter and order indicators by it
--   reading one row per indicator instead of its whole series.
-- Neither holds anything the sharing rule decides: they are read only joined to a visible commitment.

create table followup_action_counts (
  commitment_id uuid primary key references commitments (id),
  planned integer not null default 0,
  in_progress integer not null default 0,
  done integer not null default 0,
  delayed integer not null default 0,
  cancelled integer not null default 0
);

create function followup_count_actions() returns trigger language plpgsql as $$
begin
  insert into followup_action_counts (commitment_id, planned, in_progress, done, delayed, cancelled)
  select a.commitment_id, count(*) filter (where a.status = 'planned'), count(*) filter (where a.status = 'in_progress'),
    count(*) filter (where a.status = 'done'), count(*) filter (where a.status = 'delayed'),
    count(*) filter (where a.status = 'cancelled')
  from followup_actions a where a.commitment_id in (select distinct commitment_id from changed_actions)
  group by a.commitment_id
  on conflict (commitment_id) do update set planned = excluded.planned, in_progress = excluded.in_progress,
    done = excluded.done, delayed = excluded.delayed, cancelled = excluded.cancelled;
  return null;
end $$;

create trigger followup_actions_count_insert after insert on followup_actions
  referencing new table as changed_actions for each statement execute function followup_count_actions();
create trigger followup_actions_count_update after update on followup_actions
  referencing new table as changed_actions for each statement execute function followup_count_actions();

-- Rows already written before this migration.
insert into followup_action_counts (commitment_id, planned, in_progress, done, delayed, cancelled)
select commitment_id, count(*) filter (where status = 'planned'), count(*) filter (where status = 'in_progress'),
  count(*) filter (where status = 'done'), count(*) filter (where status = 'delayed'), count(*) filter (where status = 'cancelled')
from followup_actions group by commitment_id;

-- Open actions by commitment and due date: overdue counts per commitment and the due-soon lists.
create index followup_actions_open_commitment_due_idx on followup_actions (commitment_id, due_on)
  where status not in ('done', 'cancelled');

-- Where an indicator stands, in SQL: the twin of standingOf (src/shared/followup/indicators.ts), so
-- that dashboards count, filter and order indicators by trend in the statement that reads them.
-- float8 arithmetic like JavaScript's numbers, whole days between dates like the TypeScript rule;
-- test/integration/followup-standing-rule.int.test.ts keeps the two equal. Plain immutable SQL
-- expressions, inlined by the planner.
create function liaison_indicator_attainment(baseline_value float8, target_value float8, value float8)
returns float8 language sql immutable parallel safe as $$
  select (value - baseline_value) / (target_value - baseline_value)
$$;

create function liaison_indicator_trend(baseline_value float8, baseline_on date, target_value float8, target_on date,
  latest_value float8, latest_on date, previous_value float8)
returns text language sql immutable parallel safe as $$
  select case
    when latest_value is null then 'no_data'
    when liaison_indicator_attainment(baseline_value, target_value, latest_value) >= 1 then 'achieved'
    when (previous_value is not null and liaison_indicator_attainment(baseline_value, target_value, latest_value)
        < liaison_indicator_attainment(baseline_value, target_value, previous_value))
      or liaison_indicator_attainment(baseline_value, target_value, latest_value) < 0
      or liaison_indicator_attainment(baseline_value, target_value, latest_value) < (case
        when target_on - baseline_on <= 0 then 1
        else least(1, greatest(0, (latest_on - baseline_on)::float8 / (target_on - baseline_on)::float8)) end) - 0.2
      then 'off_track'
    else 'on_track' end
$$;

-- Each active indicator's standing from its two latest measurements not withdrawn (in the series'
-- order: measured last, then reported last), refreshed when a measurement is added or withdrawn and
-- when the indicator itself changes.
create table indicator_recent (
  indicator_id uuid primary key references indicators (id),
  latest_value float8,
  latest_on date,
  previous_value float8,
  trend text not null check (trend in ('achieved', 'on_track', 'off_track', 'no_data')),
  -- (latest - baseline) / (target - baseline); null without data.
  attainment float8
);

create function followup_refresh_standings(ids uuid[]) returns void language sql as $$
  insert into indicator_recent (indicator_id, latest_value, latest_on, previous_value, trend, attainment)
  select i.id, l.values[1], l.dates[1], l.values[2],
    liaison_indicator_trend(i.baseline_value::float8, i.baseline_on, i.target_value::float8, i.target_on,
      l.values[1], l.dates[1], l.values[2]),
    liaison_indicator_attainment(i.baseline_value::float8, i.target_value::float8, l.values[1])
  from indicators i cross join lateral (
    select array_agg(m.value::float8 order by m.measured_on desc, m.reported_at desc) as values,
      array_agg(m.measured_on order by m.measured_on desc, m.reported_at desc) as dates
    from (select value, measured_on, reported_at from indicator_measurements m
      where m.indicator_id = i.id and m.withdrawn_at is null order by m.measured_on desc, m.reported_at desc limit 2) m
  ) l
  where i.id = any(ids)
  on conflict (indicator_id) do update set latest_value = excluded.latest_value, latest_on = excluded.latest_on,
    previous_value = excluded.previous_value, trend = excluded.trend, attainment = excluded.attainment
$$;

create function followup_measurements_changed() returns trigger language plpgsql as $$
begin
  perform followup_refresh_standings(array(select distinct indicator_id from changed_measurements));
  return null;
end $$;

create function followup_indicators_changed() returns trigger language plpgsql as $$
begin
  perform followup_refresh_standings(array(select id from changed_indicators));
  return null;
end $$;

create trigger indicator_measurements_standing_insert after insert on indicator_measurements
  referencing new table as changed_measurements for each statement execute function followup_measurements_changed();
create trigger indicator_measurements_standing_update after update on indicator_measurements
  referencing new table as changed_measurements for each statement execute function followup_measurements_changed();
create trigger indicators_standing_insert after insert on indicators
  referencing new table as changed_indicators for each statement execute function followup_indicators_changed();
create trigger indicators_standing_update after update on indicators
  referencing new table as changed_indicators for each statement execute function followup_indicators_changed();

select followup_refresh_standings(array(select id from indicators));
