import type { MeetingRow } from './meeting-repository.js';

/**
 * The meeting a library document records — what every read of the library shows of a document
 * (search results, item pages, exports, review, country profiles), read and shaped one way.
 */
export interface Meeting {
  title: string;
  process: string;
  meetingKind: string | null;
  city: string | null;
  country: string | null;
  /** ISO dates (YYYY-MM-DD), in order. */
  dates: string[];
}

/** Transitional: repositories not yet returning records still hand over their rows. */
const isRow = (meeting: Meeting | MeetingRow): meeting is MeetingRow => 'meeting_kind' in meeting;

export const toMeetingResponse = (meeting: Meeting | MeetingRow) => ({
  title: meeting.title,
  process: meeting.process,
  meetingKind: isRow(meeting) ? meeting.meeting_kind : meeting.meetingKind,
  city: meeting.city,
  country: meeting.country,
  dates: meeting.dates,
});
