-- How many active entries hold each screening key. A key a great many entries share (the sound of a
-- very common family name alone) finds thousands of candidates and tells the matcher little: a
-- screening leaves such keys out when the query has more selective ones (the pairs of its parts), so
-- it reads a few hundred rows instead of tens of thousands at a million entries. Kept by statement
-- triggers (one grouped upsert per statement, so bulk loads stay fast); counts only steer the lookup,
-- they never decide what a viewer sees.
create table watchlist_key_counts (
  key bigint primary key,
  entries integer not null
);

create function watchlist_key_counts_add() returns trigger language plpgsql as $$
begin
  insert into watchlist_key_counts (key, entries)
    select k, count(*) from new_rows, unnest(match_keys) k where status = 'active' group by k
  on conflict (key) do update set entries = watchlist_key_counts.entries + excluded.entries;
  return null;
end $$;

create function watchlist_key_counts_change() returns trigger language plpgsql as $$
begin
  with delta as (
    select k, sum(n)::integer as n from (
      select k, 1 as n from new_rows, unnest(match_keys) k where status = 'active'
      union all
      select k, -1 from old_rows, unnest(match_keys) k where status = 'active'
    ) d group by k having sum(n) <> 0
  )
  insert into watchlist_key_counts (key, entries) select k, n from delta
  on conflict (key) do update set entries = greatest(watchlist_key_counts.entries + excluded.entries, 0);
  return null;
end $$;

create trigger watchlist_key_counts_insert after insert on watchlist_entries
  referencing new table as new_rows for each statement execute function watchlist_key_counts_add();
create trigger watchlist_key_counts_update after update on watchlist_entries
  referencing old table as old_rows new table as new_rows for each statement execute function watchlist_key_counts_change();

insert into watchlist_key_counts (key, entries)
  select k, count(*) from watchlist_entries, unnest(match_keys) k where status = 'active' group by k;
