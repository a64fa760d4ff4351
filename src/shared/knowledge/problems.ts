import { defineProblems } from '../problems.js';

/**
 * What the library can answer besides the platform's problems (validation, not-found, …): refused
 * uploads and files, review changes refused or made on a stale revision, unknown country codes.
 */
export const KNOWLEDGE_PROBLEMS = defineProblems({
  // A file of an import: refused on upload, or failed when the background job read it.
  'invalid-file-name': 'malformed',
  'no-files': 'malformed',
  'unsupported-format': 'unsupported-media-type',
  'too-large': 'too-large',
  'too-many-files': 'too-large',
  'too-many-fields': 'too-large',
  'empty-document': 'refused',
  'corrupt-document': 'refused',
  'encrypted-pdf': 'refused',
  'no-text-layer': 'refused',
  /** The job stopped on an unexpected error after several attempts. */
  'import-failed': 'internal',
  // The choices of an import, sent as form fields the schema cannot check.
  'invalid-handling-code': 'malformed',
  'invalid-distribution': 'malformed',
  // Review and sharing.
  /** A unit, organisation or sharing group named as recipient does not exist or is inactive. */
  'unknown-recipient': 'refused',
  /** The change would hide the document from the curator making it. */
  'would-hide-document': 'refused',
  'not-adjacent': 'refused',
  /** An item's text over the limit: the schema stops an edit, so a merge of long items. */
  'text-too-long': 'refused',
  /** A split leaving one side empty, or cutting a character in two. */
  'invalid-split-offset': 'refused',
  'item-withdrawn': 'conflict',
  /** Only a draft document may be discarded or replaced; a discarded one can no longer change. */
  'not-a-draft': 'conflict',
  /** The replacement file is the very file already in the library. */
  'same-file': 'conflict',
  /** Someone changed the item or document since the revision the change names. */
  'stale-revision': 'conflict',
  // Country profiles.
  'unknown-country': 'malformed',
});
export type KnowledgeProblem = keyof typeof KNOWLEDGE_PROBLEMS;

export const isKnowledgeProblem = (slug: string): slug is KnowledgeProblem => Object.hasOwn(KNOWLEDGE_PROBLEMS, slug);

/** Why a file of an import failed, as stored with the file (`problem.slug`); the web app words each one. */
export const FILE_PROBLEMS = [
  'unsupported-format',
  'too-large',
  'empty-document',
  'corrupt-document',
  'encrypted-pdf',
  'no-text-layer',
  'import-failed',
] as const satisfies readonly KnowledgeProblem[];
export type FileProblemSlug = (typeof FILE_PROBLEMS)[number];

export const isFileProblem = (slug: string): slug is FileProblemSlug => (FILE_PROBLEMS as readonly string[]).includes(slug);
