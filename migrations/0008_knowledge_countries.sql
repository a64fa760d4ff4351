-- Country profiles (issue 4, "Finding things").

-- A profile's figures read the published items citing one country: `countries @> array[code]`.
-- Without a pending list (fastupdate): PGlite has no autovacuum to merge one, and a long pending
-- list makes the planner fall back to scanning every item.
create index knowledge_items_countries_idx on knowledge_items using gin (countries) with (fastupdate = off)
  where status = 'published';

-- The world map needs every country's count at once, under each viewer's visibility. Counting
-- through the items means unnesting every published item on every map request; kept per document
-- instead, the map joins a few rows per visible document. Visibility and the document's status are
-- applied at read time (a document's handling code may change); only item changes are counted here.
create table knowledge_document_countries (
  document_id uuid not null references knowledge_documents (id) on delete cascade,
  country text not null,
  -- Published items of the document citing the country (an item counts once per country).
  items integer not null,
  primary key (document_id, country)
);

create function knowledge_document_countries_add(target_document uuid, target_country text, delta integer) returns void
  language sql
  as $$
    insert into knowledge_document_countries as c (document_id, country, items) values (target_document, target_country, delta)
      on conflict (document_id, country) do update set items = c.items + excluded.items;
    delete from knowledge_document_countries where document_id = target_document and country = target_country and items <= 0;
  $$;

-- One statement-level trigger per kind of change, so a document's 250 items inserted in one
-- statement make one upsert per (document, country). An edit that leaves status and countries
-- alone nets to nothing and writes nothing.
create function knowledge_items_count_countries() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'INSERT' then
      perform knowledge_document_countries_add(document_id, code, count(*)::int)
        from new_items, lateral (select distinct unnest(countries)) as c(code)
        where status = 'published' group by document_id, code;
    elsif tg_op = 'DELETE' then
      perform knowledge_document_countries_add(document_id, code, -count(*)::int)
        from old_items, lateral (select distinct unnest(countries)) as c(code)
        where status = 'published' group by document_id, code;
    else
      perform knowledge_document_countries_add(document_id, code, sum(delta)::int)
        from (
          select document_id, countries, 1 as delta from new_items where status = 'published'
          union all
          select document_id, countries, -1 from old_items where status = 'published'
        ) as changed, lateral (select distinct unnest(countries)) as c(code)
        group by document_id, code having sum(delta) <> 0;
    end if;
    return null;
  end
  $$;

create trigger knowledge_items_countries_insert after insert on knowledge_items
  referencing new table as new_items for each statement execute function knowledge_items_count_countries();
create trigger knowledge_items_countries_update after update on knowledge_items
  referencing old table as old_items new table as new_items for each statement execute function knowledge_items_count_countries();
create trigger knowledge_items_countries_delete after delete on knowledge_items
  referencing old table as old_items for each statement execute function knowledge_items_count_countries();

insert into knowledge_document_countries (document_id, country, items)
  select document_id, code, count(*)::int
  from knowledge_items, lateral (select distinct unnest(countries)) as c(code)
  where status = 'published'
  group by document_id, code;
