-- Referral statistics at scale: each case's record key (32 bits of a hash of its statistics key, the
-- seed of the perturbation of every count it is part of) kept beside its facts instead of hashed
-- whenever the statistics read them.
alter table case_statistics
  add column record_key bigint generated always as (('x' || substr(md5(fact_key), 1, 8))::bit(32)::bigint) stored;

-- The case list walks cases newest change first and keeps those in the viewer's scope (its units'
-- own cases, or referred to them): with this index it stops after a page instead of sorting all.
create index cases_updated_idx on cases (updated_at desc, id desc);

-- When the statistics facts last changed, read at every statistics query.
create index case_statistics_updated_idx on case_statistics (updated_at);
