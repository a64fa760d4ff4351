import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { Page } from '../../administration/listing.js';
import type { Meeting } from '../meeting.js';
import { MEETING_DATES, type MeetingRow, meetingOf } from '../meeting-repository.js';

/**
 * Country figures of the library. Every statement reads only published items of published
 * documents that `visibleTo` lets the viewer see, so a count never reveals a document the viewer
 * could not open. `countries @> array[code]` is the predicate the GIN index of migration 0008 serves.
 */

const FROM = sql`knowledge_items i join knowledge_documents d on d.id = i.document_id`;
const published = (viewer: Viewer | null) => sql`i.status = 'published' and d.status = 'published' and ${visibleTo(viewer, 'd')}`;
const citing = (viewer: Viewer | null, code: string) => sql`${published(viewer)} and i.countries @> array[${code}]::text[]`;
const meetingYear = sql`extract(year from d.dates[1])::int`;

export interface CountryCount {
  code: string;
  items: number;
  documents: number;
}

/**
 * Per country: items citing it, and documents citing it or held in it, over the whole visible
 * library at once (the map). Items are read from the per-document counts that migration 0008 keeps
 * up to date, so the statement joins a few rows per visible document rather than every item.
 */
export async function countsByCountry(db: Db, viewer: Viewer | null): Promise<CountryCount[]> {
  const result = await sql<CountryCount>`with visible as (
      select d.id, d.country from knowledge_documents d where d.status = 'published' and ${visibleTo(viewer, 'd')}
    )
    select code, sum(items)::int as items, count(distinct document_id)::int as documents
    from (
      select c.country as code, c.items, c.document_id from knowledge_document_countries c join visible v on v.id = c.document_id
      union all
      select v.country::text, 0, v.id from visible v where v.country is not null
    ) as mentions
    group by code order by items desc, code`.execute(db);
  return result.rows;
}

export interface YearCount {
  year: number | null;
  key: string;
  count: number;
}

/** Items citing the country per meeting year and `key` (the item's type, or each of its themes). */
async function perYear(db: Db, viewer: Viewer | null, code: string, key: RawBuilder<unknown>, join = sql``) {
  const result = await sql<YearCount>`select ${meetingYear} as year, ${key} as key, count(*)::int as count
    from ${FROM} ${join} where ${citing(viewer, code)}
    group by 1, 2 order by 1 nulls last, 2`.execute(db);
  return result.rows;
}

export const itemsByYearAndType = (db: Db, viewer: Viewer | null, code: string) => perYear(db, viewer, code, sql`i.type`);

export const itemsByYearAndTheme = (db: Db, viewer: Viewer | null, code: string) =>
  perYear(db, viewer, code, sql`t.theme`, sql`cross join lateral unnest(i.themes) as t(theme)`);

/** The organisations most often named in the same items as the country. */
export async function topOrganisations(db: Db, viewer: Viewer | null, code: string, limit: number) {
  const result = await sql<{ organisation: string; count: number }>`select o.organisation, count(*)::int as count
    from ${FROM} cross join lateral unnest(i.organisations) as o(organisation)
    where ${citing(viewer, code)}
    group by 1 order by 2 desc, 1 limit ${limit}`.execute(db);
  return result.rows;
}

/** A meeting the country took part in, with its published items and those citing the country. */
export interface CountryMeeting extends Meeting {
  id: string;
  handlingCode: string;
  itemCount: number;
  citingCount: number;
}

interface CountryMeetingRow extends MeetingRow {
  id: string;
  handling_code: string;
  item_count: number;
  citing_count: number;
  total: number;
}

/**
 * The meetings the country took part in: visible published documents held in it or with items
 * citing it (per-document counts of migration 0008), newest first, each with its published items
 * and those citing the country. `total` counts them all, beyond `limit`.
 */
export async function meetings(db: Db, viewer: Viewer | null, code: string, limit: number): Promise<Page<CountryMeeting>> {
  const result = await sql<CountryMeetingRow>`select m.*,
      (select count(*) from knowledge_items a where a.document_id = m.id and a.status = 'published')::int as item_count
    from (
      select d.id, d.title, d.process, d.meeting_kind, d.city, d.country, ${MEETING_DATES} as dates, d.handling_code,
        coalesce(c.items, 0) as citing_count, count(*) over ()::int as total, d.dates[1] as first_day
      from knowledge_documents d
        left join knowledge_document_countries c on c.document_id = d.id and c.country = ${code}
      where d.status = 'published' and ${visibleTo(viewer, 'd')} and (d.country = ${code} or c.document_id is not null)
      order by d.dates[1] desc nulls last, d.title, d.id limit ${limit}
    ) as m
    order by m.first_day desc nulls last, m.title, m.id`.execute(db);
  return {
    items: result.rows.map((row) => ({
      id: row.id,
      ...meetingOf(row),
      handlingCode: row.handling_code,
      itemCount: row.item_count,
      citingCount: row.citing_count,
    })),
    total: result.rows[0]?.total ?? 0,
  };
}

export interface LatestItem {
  id: string;
  type: string;
  text: string;
  documentId: string;
  title: string;
  dates: string[];
  handlingCode: string;
}

/** The items citing the country from its most recent meetings. */
export async function latestItems(db: Db, viewer: Viewer | null, code: string, limit: number): Promise<LatestItem[]> {
  const result = await sql<{
    id: string;
    type: string;
    text: string;
    document_id: string;
    title: string;
    dates: string[];
    handling_code: string;
  }>`select i.id, i.type, i.text, d.id as document_id, d.title,
      ${MEETING_DATES} as dates, d.handling_code
    from ${FROM} where ${citing(viewer, code)}
    order by d.dates[1] desc nulls last, d.id, i.position limit ${limit}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    type: row.type,
    text: row.text,
    documentId: row.document_id,
    title: row.title,
    dates: row.dates,
    handlingCode: row.handling_code,
  }));
}
