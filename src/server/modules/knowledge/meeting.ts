import { sql } from 'kysely';

/**
 * The meeting a library document records — what every read of the library shows of a document
 * (search results, item pages, exports, review, country profiles), read and shaped one way.
 */
export interface MeetingRow {
  title: string;
  process: string;
  meeting_kind: string | null;
  city: string | null;
  country: string | null;
  /** ISO dates (YYYY-MM-DD), in order: `MEETING_DATES`. */
  dates: string[];
}

/** The dates of document `d` as ISO text, in order. */
export const MEETING_DATES = sql<string[]>`array(select to_char(day, 'YYYY-MM-DD') from unnest(d.dates) as day order by day)`;

export const toMeetingResponse = (row: MeetingRow) => ({
  title: row.title,
  process: row.process,
  meetingKind: row.meeting_kind,
  city: row.city,
  country: row.country,
  dates: row.dates,
});
