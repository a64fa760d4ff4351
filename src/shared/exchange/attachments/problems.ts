import { defineProblems } from '../../problems.js';

/** Problems of attachments: uploads refused, sends naming someone else's upload, stored bytes lost. */
export const ATTACHMENT_PROBLEMS = defineProblems({
  /** The form has no file, two files, or a file without a name. */
  'no-file': 'malformed',
  'one-file': 'malformed',
  'invalid-file-name': 'malformed',
  'empty-file': 'refused',
  'too-large': 'too-large',
  /** Programs, scripts and macro-enabled documents are never stored. */
  'refused-file-type': 'unsupported-media-type',
  /** A send names an upload that is not the sender's own, or is attached already: nothing is sent. */
  'attachment-not-yours': 'refused',
  'attachment-unavailable': 'internal',
});
export type AttachmentProblem = keyof typeof ATTACHMENT_PROBLEMS;
