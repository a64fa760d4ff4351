import type {
  BestInterestsDecision,
  BestInterestsStep,
  CaseType,
  ConsentRecordedHow,
  ConsentScope,
  PersonalField,
  ReferralOutcome,
  ReferralStatus,
  ServiceType,
  Urgency,
} from '../../shared/referral/vocabulary.js';
import type { PersonInput } from '../modules/referral/cases/schemas.js';

/**
 * The shape of the referral demo's cases: who opens each case, for whom, and what happens to it,
 * step by step, each step some days after the one before (the last ends before today).
 */
/** A person of the demo, as a case worker's form sends it. */
export type DemoPerson = PersonInput;

/** A provider of the demo's services directory, by a fragment of its name. */
export interface DemoProviderRef {
  provider: string;
}
/** A partner unit abroad: organisation key and unit name. */
export interface DemoUnitRef {
  organisation: string;
  unit: string;
}

export type DemoStep =
  /** A screening: the questions answered "yes" (every other "no"); needs and urgency as suggested unless given. */
  | { do: 'screen'; yes: string[]; medical?: 'non_urgent' | 'urgent' | 'life_threatening'; needs?: ServiceType[]; notes?: string }
  | {
      do: 'consent';
      scope: ConsentScope;
      to?: DemoProviderRef | { organisation: string };
      fields: PersonalField[];
      how: ConsentRecordedHow;
    }
  | { do: 'bestInterests'; step: BestInterestsStep; decision: BestInterestsDecision; authority: string }
  /** A referral under the case's latest consent (or, for a child, its latest best-interests step). */
  | { do: 'refer'; to: DemoProviderRef | DemoUnitRef; needs: ServiceType[]; urgency?: Urgency; fields: PersonalField[] }
  /** The latest referral moves on; `by`: an account of the unit that answers it (or of the sender, to close). */
  | { do: 'status'; status: ReferralStatus; by: string; reason?: string; outcome?: ReferralOutcome; outcomeNote?: string }
  /** The latest consent is withdrawn. */
  | { do: 'withdraw'; reason: string }
  | { do: 'close'; reason: string };

export interface DemoCase {
  /** A name for the demo's tests and story (the case reference is the platform's). */
  key: string;
  /** The case worker who opens and works the case. */
  by: string;
  unit: DemoUnitRef;
  /** Day it was opened, relative to today (negative). */
  opened: number;
  caseType: CaseType;
  isChild?: boolean;
  person: DemoPerson;
  notes?: string;
  /** Steps in order, each `[days after the previous step, step]`. */
  steps: [number, DemoStep][];
}
