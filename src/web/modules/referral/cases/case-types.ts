// Provisional shapes of the cases API until its contract lands (src/shared/referral/cases-contract.ts).
import type { Assessment, CaseStatus, CaseType, PersonalField, Sex } from '../../../../shared/referral/vocabulary.js';

export interface CaseSummary {
  id: string;
  reference: string;
  caseType: CaseType;
  status: CaseStatus;
  isChild: boolean;
  ownerUnit: { id: string; name: string; organisationId: string };
  latestAssessment: Assessment | null;
  openReferrals: number;
  createdAt: string;
  updatedAt: string;
}
export interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
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
export interface CaseDetail extends CaseSummary {
  access: 'owner' | 'referred' | 'supervisor';
  revision: number;
  closedAt: string | null;
  closureReason: string | null;
  pseudonymised: boolean;
  receivedThroughReferralId: string | null;
  person: CasePerson | null;
  personFields: PersonalField[];
  notes?: string | null;
}
export interface CaseChanged {
  id: string;
  reference: string;
  status: CaseStatus;
  revision: number;
  updatedAt: string;
}
export interface CaseCreated {
  id: string;
  reference: string;
}
export interface CaseHistoryEntry {
  at: string;
  source: 'case' | 'screening' | 'consent' | 'best_interests' | 'referral';
  event: string;
  recordId: string | null;
  fields: string[];
  reason: string | null;
  actor: { id: string; name: string } | null;
}
export interface CaseHistory {
  items: CaseHistoryEntry[];
}
