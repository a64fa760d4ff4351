-- Attachments of messages (issue 5). A file is uploaded first, then attached when its message is
-- sent. The bytes live on disk, content-addressed by sha256 under <dataDir>/attachments/, so the
-- same bytes are stored once however often they are uploaded or forwarded; a row here is one
-- upload of them. An attachment has no visibility columns of its own: it is seen exactly where a
-- message it is linked to is seen. Until then it belongs to its uploader only. Nothing is deleted.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size integer not null check (size > 0),
  -- Sniffed from the bytes; the type the client declared is kept for the record, never trusted.
  media_type text not null,
  declared_type text,
  filename text not null check (char_length(filename) between 1 and 200),
  uploaded_by uuid not null references users (id),
  uploaded_at timestamptz not null default now(),
  -- Set once, by the send that first attaches it: an upload is attached to one message of its own
  -- sender (a forward links the same row to the new message, it does not re-attach it).
  attached_at timestamptz
);
create index attachments_pending_idx on attachments (uploaded_by, uploaded_at) where attached_at is null;
create index attachments_sha256_idx on attachments (sha256);

create table message_attachments (
  message_id uuid not null references messages (id),
  attachment_id uuid not null references attachments (id),
  -- The order the sender gave them in.
  position integer not null default 0,
  primary key (message_id, attachment_id)
);
create index message_attachments_attachment_idx on message_attachments (attachment_id);

-- Files and their links are evidence of what was shared: never removed (refuse_delete: 0011).
create trigger attachments_no_delete before delete on attachments for each row execute function refuse_delete();
create trigger message_attachments_no_delete before delete on message_attachments
  for each row execute function refuse_delete();
