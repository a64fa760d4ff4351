import { sql } from 'kysely';
import type { Meeting } from './meeting.js';

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
