import { queryOptions } from '@tanstack/react-query';
import type { UnitList } from '../../../../shared/exchange/directory/contract.js';
import type {
  BestInterestsList,
  BestInterestsStepReply,
  Consent,
  ConsentList,
  QuestionnaireReply,
  Screening,
  ScreeningList,
  WithdrawnConsent,
} from '../../../../shared/referral/screening-contract.js';
import type {
  Assessment,
  BestInterestsDecision,
  BestInterestsStep,
  ConsentRecordedHow,
  ConsentScope,
  PersonalField,
  ServiceType,
  Urgency,
} from '../../../../shared/referral/vocabulary.js';
import { api } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';

export type {
  BestInterestsList,
  BestInterestsStepReply,
  Consent,
  ConsentList,
  QuestionnaireReply,
  Screening,
  ScreeningList,
  SuggestedService,
} from '../../../../shared/referral/screening-contract.js';

/** Screening, consent and best-interests steps of a case: queries under `['referral', …]`. */
export const screeningKeys = {
  all: ['referral', 'screening'] as const,
  questionnaire: (version: string) => ['referral', 'screening', 'questionnaire', version] as const,
  screenings: (caseId: string) => ['referral', 'screening', 'case', caseId, 'screenings'] as const,
  consents: (caseId: string) => ['referral', 'screening', 'case', caseId, 'consents'] as const,
  steps: (caseId: string) => ['referral', 'screening', 'case', caseId, 'best-interests'] as const,
  organisations: ['referral', 'screening', 'organisations'] as const,
};

const casePath = (caseId: string, part: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/${part}`;

export const questionnaireQuery = (version = 'current') =>
  queryOptions({
    queryKey: screeningKeys.questionnaire(version),
    queryFn: () =>
      api.get<QuestionnaireReply>(
        version === 'current' ? '/api/v1/screening/questionnaire' : `/api/v1/screening/questionnaire?version=${version}`,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const screeningsQuery = (caseId: string) =>
  queryOptions({
    queryKey: screeningKeys.screenings(caseId),
    queryFn: () => api.get<ScreeningList>(casePath(caseId, 'screenings')),
  });

export const consentsQuery = (caseId: string) =>
  queryOptions({ queryKey: screeningKeys.consents(caseId), queryFn: () => api.get<ConsentList>(casePath(caseId, 'consents')) });

export const stepsQuery = (caseId: string) =>
  queryOptions({
    queryKey: screeningKeys.steps(caseId),
    queryFn: () => api.get<BestInterestsList>(casePath(caseId, 'best-interests')),
  });

/** The partner organisations a transnational consent may name (from the directory of units). */
export const organisationsQuery = () =>
  queryOptions({
    queryKey: screeningKeys.organisations,
    queryFn: async () => {
      const units = await api.get<UnitList>('/api/v1/directory/units');
      const byId = new Map(units.items.map((unit) => [unit.organisation.id, unit.organisation]));
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });

export interface ScreeningInput {
  questionnaireVersion: string;
  answers: Record<string, string>;
  decidedNeeds: ServiceType[];
  assessment: Assessment;
  urgency: Urgency;
  notes?: string;
}

export interface ConsentInput {
  scope: ConsentScope;
  providerId?: string;
  organisationId?: string;
  fields: PersonalField[];
  recordedHow: ConsentRecordedHow;
  givenAt: string;
}

export interface StepInput {
  step: BestInterestsStep;
  decision: BestInterestsDecision;
  authority: string;
  notes?: string;
}

export const recordScreening = (caseId: string, input: ScreeningInput) =>
  api.post<Screening>(casePath(caseId, 'screenings'), input);
export const recordConsent = (caseId: string, input: ConsentInput) => api.post<Consent>(casePath(caseId, 'consents'), input);
export const withdrawConsent = (consentId: string, reason: string) =>
  api.post<WithdrawnConsent>(`/api/v1/consents/${encodeURIComponent(consentId)}/withdraw`, { reason });
export const recordStep = (caseId: string, input: StepInput) =>
  api.post<BestInterestsStepReply>(casePath(caseId, 'best-interests'), input);

/**
 * After a change: every query of the module (the case's sections, its history and updated date, the
 * referral form's consents and steps), since a screening or consent shows in several of them.
 */
export const refreshCase = () => queryClient.invalidateQueries({ queryKey: ['referral'] });
