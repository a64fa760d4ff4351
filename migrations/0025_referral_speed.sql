-- Referral statistics at scale: each case's record key (32 bits of a hash of its statistics key, the
-- seed of the perturbation of every count it is part of) kept beside its facts instead of hashed on
-- every query, and the list of nationalities read from an index.
alter table case_statistics
  add column record_key bigint generated always as (('x' || substr(md5(fact_key), 1, 8))::bit(32)::bigint) stored;
create index case_statistics_nationality_idx on case_statistics (nationality);
