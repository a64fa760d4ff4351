import type { HandlingCode } from './handling-codes.js';

/**
 * Who receives a shared record. The handling code then says how far it may travel:
 *  - TLP:RED           the named recipient units only (and the originating unit)
 *  - TLP:AMBER+STRICT  the organisations of the recipients (and the originator's organisation)
 *  - TLP:AMBER         the same organisations, on a need-to-know basis
 *  - TLP:GREEN         the community the record was distributed to (sharing group or all partners)
 *  - TLP:CLEAR         anyone, including the public portal
 * A platform administrator gets no extra visibility: administering the platform is not a need to know.
 * Distribution targets are what a sender chooses; they are stored resolved, as `SharedRecordAccess`.
 */
export type DistributionTarget =
  | { kind: 'unit'; id: string }
  | { kind: 'organisation'; id: string }
  | { kind: 'sharing_group'; id: string }
  | { kind: 'all_partners' };

/**
 * A shared record as the visibility rule sees it. `recipientOrganisations` holds the organisations of
 * the named units plus the named organisations, resolved when the record is distributed.
 */
export interface SharedRecordAccess {
  handlingCode: HandlingCode;
  originatorUnitId: string;
  originatorOrganisationId: string;
  recipientUnits: string[];
  recipientOrganisations: string[];
  recipientSharingGroups: string[];
  toAllPartners: boolean;
}

/** The viewer as the visibility rule sees it; `null` is an anonymous member of the public. */
export interface Viewer {
  organisationId: string;
  unitIds: string[];
  /** Sharing groups the viewer's organisation belongs to. */
  sharingGroupIds: string[];
}

export function isVisibleTo(record: SharedRecordAccess, viewer: Viewer | null): boolean {
  if (record.handlingCode === 'TLP:CLEAR') return true;
  if (!viewer) return false;
  const inNamedUnit =
    viewer.unitIds.includes(record.originatorUnitId) || record.recipientUnits.some((unit) => viewer.unitIds.includes(unit));
  if (inNamedUnit) return true;
  if (record.handlingCode === 'TLP:RED') return false;
  // TLP:AMBER+STRICT, TLP:AMBER and TLP:GREEN all stop at the organisations that received the record:
  // named organisations, the organisations of named units, of a sharing group, or of all partners.
  // They differ in how far a recipient may forward it, which the exchange module enforces.
  return (
    record.originatorOrganisationId === viewer.organisationId ||
    record.recipientOrganisations.includes(viewer.organisationId) ||
    record.toAllPartners ||
    record.recipientSharingGroups.some((group) => viewer.sharingGroupIds.includes(group))
  );
}
