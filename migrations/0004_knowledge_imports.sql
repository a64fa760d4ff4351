-- Imports of outcome documents from the web app: the files a curator uploaded, kept in the database
-- until the background job (jobs.kind = 'knowledge.import') has ingested them, so a restart resumes.

create table knowledge_imports (
  id uuid primary key default gen_random_uuid(),
  job_id uuid not null unique references jobs (id),
  -- What every document of the import gets: the curator's choices at upload.
  handling_code text not null
    check (handling_code in ('TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR')),
  originator_unit_id uuid references units (id),
  originator_organisation_id uuid not null references organisations (id),
  recipient_units uuid[] not null default '{}',
  recipient_organisations uuid[] not null default '{}',
  recipient_sharing_groups uuid[] not null default '{}',
  to_all_partners boolean not null,
  publish boolean not null default false,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index knowledge_imports_recent_idx on knowledge_imports (created_at desc, id desc);

create table knowledge_import_files (
  id uuid primary key default gen_random_uuid(),
  import_id uuid not null references knowledge_imports (id),
  position integer not null check (position >= 0),
  file_name text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- The uploaded bytes, cleared once the file has its outcome.
  content bytea,
  status text not null default 'queued'
    check (status in ('queued', 'reading', 'extracting', 'storing', 'done', 'duplicate', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  document_id uuid references knowledge_documents (id),
  version integer,
  item_count integer,
  -- Why the file failed: { slug, title, detail }.
  problem jsonb,
  updated_at timestamptz not null default now(),
  unique (import_id, position),
  check ((status in ('done', 'duplicate')) = (document_id is not null)),
  check (status not in ('done', 'duplicate', 'failed') or content is null)
);
