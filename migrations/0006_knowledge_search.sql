-- Library search at scale (issue 4, "Speed"). The text match and its rank stay in SQL (GIN index
-- on the search vector); facets, filters and ordering are computed by the server from a compact
-- copy of each item's facet values that it keeps in memory (modules/knowledge/search/facet-store.ts).
-- That copy is refreshed from the rows changed since its last refresh, found by the transaction id
-- that last wrote them: every row written by a transaction older than the snapshot's xmin is
-- settled, so "changed since watermark" never misses a late commit.

-- A small number per item, so a match of tens of thousands of items travels as one integer array.
alter table knowledge_items add column search_seq integer generated always as identity;
create unique index knowledge_items_search_seq_idx on knowledge_items (search_seq);

alter table knowledge_items add column search_xid xid8;
alter table knowledge_documents add column search_xid xid8;
update knowledge_items set search_xid = pg_current_xact_id();
update knowledge_documents set search_xid = pg_current_xact_id();
alter table knowledge_items alter column search_xid set not null;
alter table knowledge_documents alter column search_xid set not null;

create function knowledge_stamp_search_xid() returns trigger
  language plpgsql
  as $$
begin
  new.search_xid := pg_current_xact_id();
  return new;
end
$$;

create trigger knowledge_items_search_xid before insert or update on knowledge_items
  for each row execute function knowledge_stamp_search_xid();
create trigger knowledge_documents_search_xid before insert or update on knowledge_documents
  for each row execute function knowledge_stamp_search_xid();

create index knowledge_items_search_xid_idx on knowledge_items (search_xid);
create index knowledge_documents_search_xid_idx on knowledge_documents (search_xid);

-- Words of item texts (accents folded, not stemmed): a misspelt query word is corrected to its
-- nearest indexed word by trigram similarity, then the corrected query runs as full text. Words
-- are only ever added; a word whose items are gone simply finds nothing.
create table knowledge_search_words (
  word text primary key
);
create index knowledge_search_words_trigram_idx on knowledge_search_words using gin (word gin_trgm_ops);

-- Statement-level with a transition table, so a bulk insert adds its words in one statement.
create function knowledge_collect_search_words() returns trigger
  language plpgsql
  as $$
begin
  insert into knowledge_search_words (word)
    select distinct lexeme
    from changed_items, unnest(tsvector_to_array(to_tsvector('public.liaison_simple'::regconfig, changed_items.text))) as lexeme
    where length(lexeme) between 3 and 40 and lexeme !~ '[0-9]'
  on conflict (word) do nothing;
  return null;
end
$$;

create trigger knowledge_items_search_words_insert after insert on knowledge_items
  referencing new table as changed_items for each statement execute function knowledge_collect_search_words();
create trigger knowledge_items_search_words_update after update on knowledge_items
  referencing new table as changed_items for each statement execute function knowledge_collect_search_words();

insert into knowledge_search_words (word)
  select distinct lexeme from knowledge_items, unnest(tsvector_to_array(to_tsvector('public.liaison_simple'::regconfig, text))) as lexeme
  where length(lexeme) between 3 and 40 and lexeme !~ '[0-9]'
on conflict (word) do nothing;

-- The query words ORed, in one language's configuration: ranks items by how well they hold the
-- words (the match itself is liaison_tsquery's AND of words). Null when the text has no word.
create function liaison_rank_tsquery(config regconfig, q text) returns tsquery
  language sql immutable parallel safe strict
  as $$ select nullif(replace(plainto_tsquery(config, q)::text, ' & ', ' | '), '')::tsquery $$;

-- The text match reads a narrow copy of each published item's words, stemmed in its document's
-- language (English, French, or plain words for other languages) with positions (for phrases),
-- not the wide item rows: a match of tens of thousands of items then reads a third of the pages.
-- liaison_tsquery ORs the English, French and plain forms of the query, so each item is matched by
-- the form of its own language. Kept by statement triggers on knowledge_items and on a document's
-- language.
create table knowledge_search_index (
  seq integer primary key,
  document_id uuid not null references knowledge_documents (id),
  vector tsvector not null
);
create index knowledge_search_index_vector_idx on knowledge_search_index using gin (vector);

create function liaison_search_vector(language text, body text) returns tsvector
  language sql immutable parallel safe strict
  as $$ select case language
    when 'en' then to_tsvector('public.liaison_english'::regconfig, body)
    when 'fr' then to_tsvector('public.liaison_french'::regconfig, body)
    else to_tsvector('public.liaison_simple'::regconfig, body) end $$;

create function knowledge_index_items() returns trigger
  language plpgsql
  as $$
begin
  if tg_op <> 'INSERT' then
    delete from knowledge_search_index where seq in (select search_seq from old_items);
  end if;
  if tg_op <> 'DELETE' then
    insert into knowledge_search_index (seq, document_id, vector)
      select i.search_seq, i.document_id, liaison_search_vector(d.language, i.text)
      from new_items i join knowledge_documents d on d.id = i.document_id where i.status = 'published';
  end if;
  return null;
end
$$;

create trigger knowledge_items_index_insert after insert on knowledge_items
  referencing new table as new_items for each statement execute function knowledge_index_items();
create trigger knowledge_items_index_update after update on knowledge_items
  referencing old table as old_items new table as new_items for each statement execute function knowledge_index_items();
create trigger knowledge_items_index_delete after delete on knowledge_items
  referencing old table as old_items for each statement execute function knowledge_index_items();

create function knowledge_reindex_document() returns trigger
  language plpgsql
  as $$
begin
  update knowledge_search_index k set vector = liaison_search_vector(new.language, i.text)
    from knowledge_items i where i.search_seq = k.seq and i.document_id = new.id;
  return null;
end
$$;

create trigger knowledge_documents_language after update of language on knowledge_documents
  for each row when (old.language is distinct from new.language) execute function knowledge_reindex_document();

insert into knowledge_search_index (seq, document_id, vector)
  select i.search_seq, i.document_id, liaison_search_vector(d.language, i.text)
  from knowledge_items i join knowledge_documents d on d.id = i.document_id where i.status = 'published';
