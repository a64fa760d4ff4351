import { sql } from 'kysely';
import type { DocumentRef, Meeting } from './meeting.js';

/** The dates of document `d` as ISO text, in order. */
export const MEETING_DATES = sql<string[]>`array(select to_char(day, 'YYYY-MM-DD') from unnest(d.dates) as day order by day)`;

/** The meeting columns of a document row, with its dates read through `MEETING_DATES`. */
export interface MeetingRow {
  title: string;
  process: string;
  meeting_kind: string | null;
  city: string | null;
  country: string | null;
  dates: string[];
}

export const meetingOf = (row: MeetingRow): Meeting => ({
  title: row.title,
  process: row.process,
  meetingKind: row.meeting_kind,
  city: row.city,
  country: row.country,
  dates: row.dates,
});

/** The columns naming document `d` beside one of its items, read into a `DocumentRefRow`. */
export const DOCUMENT_REF_COLUMNS = sql`d.id as document_id, d.title, d.process, d.city, d.country, ${MEETING_DATES} as dates`;

export interface DocumentRefRow extends Omit<MeetingRow, 'meeting_kind'> {
  document_id: string;
}

export const documentRefOf = (row: DocumentRefRow): DocumentRef => ({
  documentId: row.document_id,
  title: row.title,
  process: row.process,
  city: row.city,
  country: row.country,
  dates: row.dates,
});
