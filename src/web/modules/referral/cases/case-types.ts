// Provisional shapes of the cases API until its contract lands (src/shared/referral/cases-contract.ts).
import type { Assessment, CaseStatus, CaseType, PersonalField, Sex } from '../../../../shared/referral/vocabulary.js';

export interface UnitRef {
  id: string;
  name: string;
}
export interface CasePerson {
  givenNames?: string | null;
  familyName?: string | null;
  dateOfBirth?: string | null;
  sex?: Sex | null;
  nationality?: string | null;
  languages?: string[] | null;
  contact?: string | null;
  placeFound?: string | null;
}
export interface CaseSummary {
  id: string;
  reference: string;
  caseType: CaseType;
  isChild: boolean;
  status: CaseStatus;
  ownerUnit: UnitRef;
  latestAssessment: Assessment | null;
  openReferrals: number;
  updatedAt: string;
}
export interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
}
export interface CaseDetail extends CaseSummary {
  revision: number;
  person: CasePerson | null;
  personalFields: PersonalField[];
  notes: string | null;
  closureReason: string | null;
  createdAt: string;
  closedAt: string | null;
  pseudonymisedAt: string | null;
  permissions: { edit: boolean; readPersonal: boolean };
}
export interface CaseHistoryEntry {
  at: string;
  kind: string;
  by: { id: string; name: string } | null;
  fields: PersonalField[];
  reason: string | null;
}
export interface CaseHistory {
  items: CaseHistoryEntry[];
}
