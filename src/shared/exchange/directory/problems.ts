import { defineProblems } from '../../problems.js';

/** Problems of the directory of units, functions and holders. */
export const DIRECTORY_PROBLEMS = defineProblems({
  /** Two lower-case letters, but not an ISO 639-1 code. */
  'unknown-language': 'malformed',
  /** Neither an international number nor a national one of the organisation's country. */
  'invalid-phone': 'malformed',
  'title-taken': 'conflict',
  'unit-inactive': 'conflict',
  'function-inactive': 'conflict',
  /** A holder period that ends before it starts. */
  'invalid-period': 'refused',
  /** Holders are active members of the function's organisation. */
  'holder-not-member': 'refused',
  /** One person's periods on one function never overlap. */
  'holder-overlap': 'conflict',
});
export type DirectoryProblem = keyof typeof DIRECTORY_PROBLEMS;
