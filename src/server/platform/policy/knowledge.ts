import { KNOWLEDGE_PROBLEMS } from '../../../shared/knowledge/problems.js';
import { isVisibleTo, type SharedRecordAccess } from '../../../shared/visibility.js';
import { hasRole } from '../auth/actor.js';
import { all, allow, anyActor, deny, onRecord, type Rule, refuse } from './rules.js';

/** A library document as it would be shared after a change of handling code or distribution. */
export interface SharingChangeRecord {
  kind: 'document';
  access: SharedRecordAccess;
}

/**
 * The secretariat curates the library: any member of a secretariat organisation who holds a working
 * role (not a read-only reader), and platform admins.
 */
const curatesLibrary: Rule<unknown> = (actor) => {
  if (hasRole(actor, 'platform_admin')) return allow;
  if (actor.organisation.kind !== 'secretariat') return deny('only the secretariat curates the library');
  return actor.roles.some((role) => role !== 'reader') ? allow : deny('a reader may not curate the library');
};

/**
 * A sharing change may not hide the document from the curator making it (e.g. TLP:RED to units
 * that are not theirs): nobody in the secretariat could review or correct it afterwards. The
 * actor is its own viewer here: the sharing rule reads only its organisation, units and groups.
 */
const keepsItVisible: Rule<SharingChangeRecord> = (actor, change) =>
  isVisibleTo(change.access, actor)
    ? allow
    : refuse(
        KNOWLEDGE_PROBLEMS,
        'would-hide-document',
        'With this handling code and distribution you could no longer see the document: add your organisation or unit.',
      );

/** The library: read by anyone through the sharing rule (the public: TLP:CLEAR), kept by the secretariat. */
export const KNOWLEDGE = {
  'knowledge.read': anyActor,
  // Ingestion (uploads, jobs), review, publication and handling codes of library documents.
  'knowledge.curate': curatesLibrary,
  'document.share': all<SharingChangeRecord>(curatesLibrary, onRecord(keepsItVisible)),
  // A wrong draft is discarded (kept in history) or replaced by another file as its next version.
  'document.discard': curatesLibrary,
  'document.replace': curatesLibrary,
};
