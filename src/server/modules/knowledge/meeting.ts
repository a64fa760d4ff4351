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

export const toMeetingResponse = (meeting: Meeting) => ({
  title: meeting.title,
  process: meeting.process,
  meetingKind: meeting.meetingKind,
  city: meeting.city,
  country: meeting.country,
  dates: meeting.dates,
});

/** The document an item comes from, as search results and similar items name it. */
export interface DocumentRef extends Omit<Meeting, 'meetingKind'> {
  documentId: string;
}

export const toDocumentRefResponse = (ref: DocumentRef) => ({
  id: ref.documentId,
  title: ref.title,
  process: ref.process,
  city: ref.city,
  country: ref.country,
  dates: ref.dates,
});
