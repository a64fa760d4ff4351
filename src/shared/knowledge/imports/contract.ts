import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, Page, type Static, Strict } from '../../contract/kit.js';
import { HandlingCodeSchema } from '../contract.js';
import { FILE_STATUSES, IMPORT_STATUSES } from '../kinds.js';

/** Replies of the curators' imports API (`/api/v1/knowledge/imports`). */

/** Why a file could not be ingested: a problem of ./problems.ts, stored with the file. */
export const FileProblem = Strict({
  type: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  detail: Type.String(),
});
export type FileProblem = Static<typeof FileProblem>;

export const ImportFile = Strict({
  id: Id,
  position: Type.Integer(),
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  status: Literals(FILE_STATUSES),
  /** 0–100. */
  progress: Type.Integer(),
  /** The document stored (or found already stored, for a duplicate). */
  documentId: Nullable(Id),
  version: Nullable(Type.Integer()),
  /** Items extracted. */
  items: Nullable(Type.Integer()),
  problem: Nullable(FileProblem),
});
export type ImportFile = Static<typeof ImportFile>;

export const ImportSummary = Strict({
  id: Id,
  status: Literals(IMPORT_STATUSES),
  handlingCode: HandlingCodeSchema,
  distribution: Strict({
    toAllPartners: Type.Boolean(),
    organisationIds: Type.Array(Id),
    sharingGroupIds: Type.Array(Id),
    unitIds: Type.Array(Id),
  }),
  publish: Type.Boolean(),
  createdAt: DateTime,
  finishedAt: Nullable(DateTime),
  createdBy: Strict({ id: Id, displayName: Type.String() }),
  fileCounts: Strict({
    total: Type.Integer(),
    done: Type.Integer(),
    duplicate: Type.Integer(),
    failed: Type.Integer(),
    /** Stored (counted in `done`) without a single item: to discard or replace. */
    empty: Type.Integer(),
  }),
});
export type ImportSummary = Static<typeof ImportSummary>;

export const ImportPage = Page(ImportSummary);
export type ImportPage = Static<typeof ImportPage>;

/** One import with each file's stage and outcome; `progress` is the files' average (0–100). */
export const ImportDetail = Strict({
  ...ImportSummary.properties,
  progress: Type.Integer(),
  files: Type.Array(ImportFile),
});
export type ImportDetail = Static<typeof ImportDetail>;
