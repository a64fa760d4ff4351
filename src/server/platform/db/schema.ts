// Generated from the migrations by `npm run db:types` (scripts/generate-db-types.ts): do not edit.
// test/integration/db-types.int.test.ts fails when this file and the migrations disagree.
import type { ColumnType } from 'kysely';

/** A column the database fills when an insert leaves it out (a default, a serial, a trigger). */
export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : ColumnType<T, T | undefined, T>;

/** A column only the database writes (`generated always`: identities, computed columns). */
export type GeneratedAlways<T> = ColumnType<T, never, never>;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type JsonPrimitive = boolean | number | string | null;
export type JsonArray = JsonValue[];
export type JsonObject = { [key: string]: JsonValue | undefined };
export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

/** Read back parsed; written as JSON text (node-postgres would write a JS array as a SQL array). */
export type Json = ColumnType<JsonValue, string, string>;

export interface AlertFeedback {
  alert_id: string;
  at: Generated<Timestamp>;
  comment: string | null;
  id: Generated<string>;
  superseded_at: Timestamp | null;
  unit_id: string;
  user_id: string;
  verdict: string;
}

export interface AlertObservables {
  alert_id: string;
  country: string | null;
  display: string;
  key: string;
  kind: string;
  phone_type: string | null;
  platform: string | null;
  position: number;
  value: string;
}

export interface Alerts {
  area_countries: string[];
  area_geometry: Json | null;
  area_label: string | null;
  category: string;
  created_at: Generated<Timestamp>;
  description: string;
  handling_code: string;
  id: Generated<string>;
  originator_organisation_id: string;
  originator_unit_id: string;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  sender_user_id: string;
  severity: string;
  status: Generated<string>;
  title: string;
  to_all_partners: Generated<boolean>;
  updated_at: Generated<Timestamp>;
  valid_from: Timestamp;
  valid_until: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface ApiTokens {
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  id: Generated<string>;
  last_used_at: Timestamp | null;
  name: string;
  revoked_at: Timestamp | null;
  roles: string[];
  token_hash: string;
  user_id: string;
}

export interface Attachments {
  attached_at: Timestamp | null;
  declared_type: string | null;
  filename: string;
  id: Generated<string>;
  media_type: string;
  sha256: string;
  size: number;
  uploaded_at: Generated<Timestamp>;
  uploaded_by: string;
}

export interface AuditLog {
  action: string;
  actor_organisation_id: string | null;
  actor_user_id: string | null;
  at: Timestamp;
  details: Generated<Json>;
  hash: string;
  id: GeneratedAlways<number>;
  ip: string | null;
  outcome: string;
  prev_hash: string;
  request_id: string | null;
  target_id: string | null;
  target_type: string | null;
}

export interface CaseBestInterestsSteps {
  authority: string;
  case_id: string;
  decision: string;
  id: Generated<string>;
  notes_enc: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  step: string;
}

export interface CaseConsents {
  case_id: string;
  fields: Generated<string[]>;
  given_at: Timestamp;
  id: Generated<string>;
  organisation_id: string | null;
  provider_id: string | null;
  recorded_at: Generated<Timestamp>;
  recorded_by: string;
  recorded_how: string;
  scope: string;
  withdrawal_reason: string | null;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export interface CaseEvents {
  actor_id: string | null;
  at: Generated<Timestamp>;
  case_id: string;
  event: string;
  fields: Generated<string[]>;
  id: GeneratedAlways<number>;
  reason: string | null;
}

export interface CaseScreenings {
  answers: Json;
  assessment: string;
  case_id: string;
  decided_needs: Generated<string[]>;
  id: Generated<string>;
  indicator_families: Generated<string[]>;
  notes_enc: string | null;
  questionnaire_version: string;
  screened_at: Generated<Timestamp>;
  screened_by: string;
  suggested_needs: Generated<string[]>;
  urgency: string;
}

export interface CaseSearchTokens {
  case_id: string;
  field: string;
  token: string;
}

export interface CaseStatistics {
  age_band: string | null;
  assessment: string | null;
  case_type: string;
  fact_key: string;
  indicator_families: Generated<string[]>;
  is_child: boolean;
  nationality: string | null;
  opened_month: Timestamp;
  owner_country: string | null;
  record_key: GeneratedAlways<number | null>;
  referral_outcomes: Generated<string[]>;
  services_referred: Generated<string[]>;
  sex: string | null;
  transnational: Generated<boolean>;
  updated_at: Generated<Timestamp>;
}

export interface Cases {
  case_type: string;
  closed_at: Timestamp | null;
  closure_reason: string | null;
  contact_enc: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  date_of_birth_enc: string | null;
  family_name_enc: string | null;
  given_names_enc: string | null;
  id: Generated<string>;
  is_child: Generated<boolean>;
  languages_enc: string | null;
  nationality_enc: string | null;
  notes_enc: string | null;
  owner_organisation_id: string;
  owner_unit_id: string;
  place_found_enc: string | null;
  pseudonymised_at: Timestamp | null;
  received_through_referral_id: string | null;
  reference: string;
  revision: Generated<number>;
  sex_enc: string | null;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface CommitmentPartners {
  commitment_id: string;
  organisation_id: string;
  role: string;
}

export interface CommitmentRecommendations {
  commitment_id: string;
  item_id: string;
}

export interface CommitmentRevisions {
  action: string;
  actor_user_id: string | null;
  after: Json | null;
  at: Generated<Timestamp>;
  before: Json | null;
  commitment_id: string;
  id: GeneratedAlways<number>;
  reason: string | null;
  revision: number;
}

export interface Commitments {
  created_at: Generated<Timestamp>;
  created_by: string;
  description: Generated<string>;
  ends_on: Timestamp;
  handling_code: Generated<string>;
  id: Generated<string>;
  originator_organisation_id: string;
  originator_unit_id: string;
  plan_references: Generated<string[]>;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  revision: Generated<number>;
  starts_on: Timestamp;
  status: Generated<string>;
  status_reason: string | null;
  title: string;
  to_all_partners: Generated<boolean>;
  updated_at: Generated<Timestamp>;
}

export interface DataKeys {
  created_at: Generated<Timestamp>;
  id: string;
  retired_at: Timestamp | null;
  rotation_finished_at: Timestamp | null;
  wrapped_key: string;
}

export interface ExchangeEvents {
  actor_user_id: string | null;
  created_at: Generated<Timestamp>;
  handling_code: string;
  originator_organisation_id: string;
  originator_unit_id: string;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  record_id: string;
  record_type: string;
  seq: Generated<number>;
  to_all_partners: Generated<boolean>;
  type: string;
}

export interface FollowupActionCounts {
  cancelled: Generated<number>;
  commitment_id: string;
  delayed: Generated<number>;
  done: Generated<number>;
  in_progress: Generated<number>;
  planned: Generated<number>;
}

export interface FollowupActionHistory {
  action_id: string;
  actor_user_id: string | null;
  at: Generated<Timestamp>;
  from_due_on: Timestamp | null;
  from_status: string | null;
  id: GeneratedAlways<number>;
  reason: string | null;
  to_due_on: Timestamp;
  to_status: string;
}

export interface FollowupActions {
  commitment_id: string;
  created_at: Generated<Timestamp>;
  created_by: string;
  description: Generated<string>;
  due_on: Timestamp;
  id: Generated<string>;
  owner_unit_id: string;
  revision: Generated<number>;
  status: Generated<string>;
  title: string;
  updated_at: Generated<Timestamp>;
}

export interface FollowupReminders {
  kind: string;
  sent_at: Generated<Timestamp>;
  subject_id: string;
}

export interface FunctionHolders {
  created_at: Generated<Timestamp>;
  ends_on: Timestamp | null;
  function_id: string;
  id: Generated<string>;
  note: Generated<string>;
  starts_on: Timestamp;
  updated_at: Generated<Timestamp>;
  user_id: string;
}

export interface IdempotencyKeys {
  created_at: Generated<Timestamp>;
  key: string;
  method: string;
  request_hash: string;
  response_body: string | null;
  response_status: number | null;
  response_type: string | null;
  url: string;
  user_id: string;
}

export interface IndicatorMeasurements {
  evidence_attachment_id: string | null;
  evidence_url: string | null;
  id: Generated<string>;
  indicator_id: string;
  measured_on: Timestamp;
  note: Generated<string>;
  reported_at: Generated<Timestamp>;
  reported_by: string;
  reported_unit_id: string | null;
  source: string;
  value: string;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface IndicatorRecent {
  attainment: number | null;
  indicator_id: string;
  latest_on: Timestamp | null;
  latest_value: number | null;
  previous_value: number | null;
  trend: string;
}

export interface Indicators {
  baseline_on: Timestamp;
  baseline_value: string;
  commitment_id: string;
  created_at: Generated<Timestamp>;
  created_by: string;
  direction: string;
  id: Generated<string>;
  measure_unit: Generated<string>;
  milestones: Generated<string[]>;
  name: string;
  revision: Generated<number>;
  status: Generated<string>;
  status_reason: string | null;
  target_on: Timestamp;
  target_value: string;
  updated_at: Generated<Timestamp>;
  value_type: string;
}

export interface Jobs {
  attempts: Generated<number>;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  error: Json | null;
  finished_at: Timestamp | null;
  id: Generated<string>;
  kind: string;
  locked_by: string | null;
  locked_until: Timestamp | null;
  max_attempts: Generated<number>;
  payload: Generated<Json>;
  progress: Json | null;
  result: Json | null;
  run_after: Generated<Timestamp>;
  started_at: Timestamp | null;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
}

export interface KnowledgeDocumentCountries {
  country: string;
  document_id: string;
  items: number;
}

export interface KnowledgeDocumentRevisions {
  action: string;
  actor_user_id: string | null;
  after: Json | null;
  at: Generated<Timestamp>;
  before: Json | null;
  document_id: string;
  id: GeneratedAlways<number>;
}

export interface KnowledgeDocuments {
  body: string;
  city: string | null;
  co_chairs: Generated<string[]>;
  country: string | null;
  created_at: Generated<Timestamp>;
  created_by: string | null;
  dates: Generated<ColumnType<Date[], (Date | string)[], (Date | string)[]>>;
  discard_reason: string | null;
  discarded_at: Timestamp | null;
  discarded_by: string | null;
  file_name: string;
  handling_code: Generated<string>;
  id: Generated<string>;
  language: string;
  meeting_kind: string | null;
  originator_organisation_id: string;
  originator_unit_id: string | null;
  previous_version_id: string | null;
  process: string;
  published_at: Timestamp | null;
  published_by: string | null;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  revision: Generated<number>;
  search_xid: Generated<string>;
  sha256: string;
  status: Generated<string>;
  title: string;
  to_all_partners: Generated<boolean>;
  version: Generated<number>;
}

export interface KnowledgeImportFiles {
  content: Uint8Array | null;
  document_id: string | null;
  file_name: string;
  id: Generated<string>;
  import_id: string;
  item_count: number | null;
  position: number;
  problem: Json | null;
  progress: Generated<number>;
  sha256: string;
  size_bytes: number;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
  version: number | null;
}

export interface KnowledgeImports {
  created_at: Generated<Timestamp>;
  created_by: string;
  handling_code: string;
  id: Generated<string>;
  job_id: string;
  originator_organisation_id: string;
  originator_unit_id: string | null;
  publish: Generated<boolean>;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  to_all_partners: boolean;
}

export interface KnowledgeItemRevisions {
  action: string;
  actor_user_id: string | null;
  after: Json | null;
  at: Generated<Timestamp>;
  before: Json | null;
  id: GeneratedAlways<number>;
  item_id: string;
  related_item_ids: Generated<string[]>;
}

export interface KnowledgeItems {
  countries: Generated<string[]>;
  document_id: string;
  id: Generated<string>;
  line: number | null;
  number: string | null;
  organisations: Generated<string[]>;
  page: number | null;
  position: number;
  references: Generated<Json>;
  revision: Generated<number>;
  search_seq: GeneratedAlways<number>;
  search_vector: GeneratedAlways<string | null>;
  search_xid: Generated<string>;
  status: Generated<string>;
  text: string;
  themes: Generated<string[]>;
  type: string;
  updated_at: Generated<Timestamp>;
}

export interface KnowledgeSearchIndex {
  document_id: string;
  seq: number;
  vector: string;
}

export interface KnowledgeSearchWords {
  added_xid: Generated<string>;
  word: string;
}

export interface LoginThrottle {
  failures: Generated<number>;
  key: string;
  last_failure_at: Generated<Timestamp>;
  locked_until: Timestamp | null;
}

export interface MessageAcknowledgements {
  at: Generated<Timestamp>;
  message_id: string;
  unit_id: string;
  user_id: string;
}

export interface MessageAttachments {
  attachment_id: string;
  message_id: string;
  position: Generated<number>;
}

export interface MessageBoxCounts {
  box: string;
  kind: string;
  total: Generated<number>;
  unit_id: string;
  unread: Generated<number>;
}

export interface MessageDeliveries {
  archived_at: Timestamp | null;
  created_at: Timestamp;
  kind: string;
  message_id: string;
  read_at: Timestamp | null;
  revoked_at: Timestamp | null;
  unit_id: string;
}

export interface Messages {
  addressed_organisations: Generated<string[]>;
  body: string;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_at: Generated<Timestamp>;
  deadline: Timestamp | null;
  forwarded_from: string | null;
  handling_code: string;
  id: Generated<string>;
  in_reply_to: string | null;
  kind: string;
  originator_organisation_id: string;
  originator_unit_id: string;
  priority: Generated<string>;
  recipient_functions: Generated<string[]>;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  reminded_at: Timestamp | null;
  restrictions: Generated<string[]>;
  search_vector: GeneratedAlways<string | null>;
  sender_user_id: string;
  status: string | null;
  subject: string;
  thread_id: string;
  to_all_partners: Generated<boolean>;
}

export interface NoticeCursor {
  id: Generated<boolean>;
  last_seq: number;
}

export interface NoticePreferences {
  alerts: Generated<boolean>;
  email_enabled: Generated<boolean>;
  new_messages: Generated<boolean>;
  rfi_changes: Generated<boolean>;
  updated_at: Generated<Timestamp>;
  user_id: string;
}

export interface Organisations {
  acronym: string | null;
  active: Generated<boolean>;
  country: string | null;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  kind: string;
  name: string;
  updated_at: Generated<Timestamp>;
}

export interface RecoveryCodes {
  code_hash: string;
  id: Generated<string>;
  used_at: Timestamp | null;
  user_id: string;
}

export interface ReferralEvents {
  actor_id: string | null;
  at: Generated<Timestamp>;
  from_status: string | null;
  id: GeneratedAlways<number>;
  reason: string | null;
  referral_id: string;
  to_status: string;
}

export interface Referrals {
  best_interests_step_id: string | null;
  case_id: string;
  consent_id: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  decline_reason: string | null;
  from_unit_id: string;
  id: Generated<string>;
  needs: string[];
  outcome: string | null;
  outcome_note: string | null;
  provider_id: string | null;
  received_case_id: string | null;
  referral_kind: string;
  respond_by: Timestamp;
  shared_fields: Generated<string[]>;
  sharing_stopped_at: Timestamp | null;
  status: Generated<string>;
  to_unit_id: string | null;
  updated_at: Generated<Timestamp>;
  urgency: string;
}

export interface RetentionRuns {
  details: Generated<Json>;
  finished_at: Timestamp | null;
  id: GeneratedAlways<number>;
  pseudonymised: Generated<number>;
  started_at: Generated<Timestamp>;
}

export interface ReviewComments {
  author_organisation_id: string;
  author_user_id: string;
  body: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  report_id: string;
}

export interface ReviewCycleCommitments {
  commitment_id: string;
  cycle_id: string;
}

export interface ReviewCycles {
  closed_at: Timestamp | null;
  closed_by: string | null;
  closing_summary: string | null;
  deadline: Timestamp;
  description: Generated<string>;
  id: Generated<string>;
  opened_at: Generated<Timestamp>;
  opened_by: string;
  opened_unit_id: string;
  plan: string | null;
  reviewer_organisations: Generated<string[]>;
  revision: Generated<number>;
  status: Generated<string>;
  title: string;
}

export interface ReviewReportEntries {
  assessment: string | null;
  commitment_id: string;
  progress: Generated<string>;
  report_id: string;
  updated_at: Generated<Timestamp>;
}

export interface ReviewReportHistory {
  actor_user_id: string | null;
  at: Generated<Timestamp>;
  from_status: string | null;
  id: GeneratedAlways<number>;
  reason: string | null;
  report_id: string;
  to_status: string;
}

export interface ReviewReports {
  cycle_id: string;
  decided_at: Timestamp | null;
  decided_by: string | null;
  id: Generated<string>;
  organisation_id: string;
  returned_reason: string | null;
  revision: Generated<number>;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  summary: Generated<string>;
  task_message_id: string | null;
  updated_at: Generated<Timestamp>;
}

export interface SchemaMigrations {
  applied_at: Generated<Timestamp>;
  checksum: string;
  name: string;
  version: number;
}

export interface ScreeningBatches {
  created_at: Generated<Timestamp>;
  created_by: string;
  errors: Generated<Json>;
  file_name: Generated<string>;
  finished_at: Timestamp | null;
  hits: Generated<number>;
  id: Generated<string>;
  input_enc: string | null;
  organisation_id: string;
  processed_lines: Generated<number>;
  purpose: string;
  screened: Generated<number>;
  status: Generated<string>;
  total_lines: Generated<number>;
  unit_id: string;
}

export interface ScreeningHits {
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason_enc: string | null;
  entry_id: string;
  entry_version: number;
  id: Generated<string>;
  notice_message_id: string | null;
  reasons_enc: string;
  score: number;
  screening_id: string;
  status: Generated<string>;
  unit_id: string;
  watchlist_id: string;
}

export interface Screenings {
  batch_id: string | null;
  batch_line: number | null;
  candidates: Generated<number>;
  client_reference: string | null;
  created_at: Generated<Timestamp>;
  hits: Generated<number>;
  id: Generated<string>;
  organisation_id: string;
  purpose: string;
  query_enc: string;
  screened_by: string;
  unit_id: string;
}

export interface ServicePlaces {
  city: Generated<string>;
  country: string;
  id: Generated<string>;
  latitude: number | null;
  longitude: number | null;
  provider_id: string;
  region: Generated<string>;
}

export interface ServiceProviders {
  active: Generated<boolean>;
  capacity: number | null;
  contact_function_id: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  description: Generated<string>;
  id: Generated<string>;
  languages: Generated<string[]>;
  managed_by_organisation_id: string;
  name: string;
  opening_hours: Generated<string>;
  organisation_id: string | null;
  provider_kind: string;
  services: string[];
  unit_id: string | null;
  updated_at: Generated<Timestamp>;
}

export interface Sessions {
  created_at: Generated<Timestamp>;
  ended_at: Timestamp | null;
  expires_at: Timestamp;
  ip: string | null;
  token_hash: string;
  user_id: string;
}

export interface SharingGroupMembers {
  organisation_id: string;
  sharing_group_id: string;
}

export interface SharingGroups {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  description: Generated<string>;
  id: Generated<string>;
  name: string;
  updated_at: Generated<Timestamp>;
}

export interface UnitFunctions {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  description: Generated<string>;
  email: string | null;
  id: Generated<string>;
  kind: string;
  phone: string | null;
  themes: Generated<string[]>;
  title: string;
  unit_id: string;
  updated_at: Generated<Timestamp>;
}

export interface Units {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  description: Generated<string>;
  id: Generated<string>;
  name: string;
  organisation_id: string;
  updated_at: Generated<Timestamp>;
}

export interface UserRoles {
  role: string;
  user_id: string;
}

export interface UserUnits {
  unit_id: string;
  user_id: string;
}

export interface Users {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  display_name: string;
  email: string;
  id: Generated<string>;
  languages: Generated<string[]>;
  last_login_at: Timestamp | null;
  locale: Generated<string>;
  organisation_id: string;
  password_changed_at: Generated<Timestamp>;
  password_hash: string;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  totp_pending_encrypted: string | null;
  totp_secret_encrypted: string | null;
  updated_at: Generated<Timestamp>;
}

export interface WatchlistChanges {
  birth_date_enc: string | null;
  changed_at: Generated<Timestamp>;
  changed_by: string;
  entry_id: string;
  entry_version: number;
  id: Generated<string>;
  identifiers_enc: string | null;
  names_enc: string | null;
  nationalities_enc: string | null;
  note_enc: string | null;
  op: string;
  reason_enc: string | null;
  review_date: Timestamp | null;
  seq: number;
  sex_enc: string | null;
  watchlist_id: string;
}

export interface WatchlistEntries {
  birth_date_enc: string | null;
  created_at: Generated<Timestamp>;
  created_by: string;
  id: Generated<string>;
  identifiers_enc: string | null;
  match_keys: Generated<number[]>;
  names_enc: string;
  nationalities_enc: string | null;
  reason_enc: string;
  reference: string;
  removed_at: Timestamp | null;
  review_date: Timestamp;
  sex_enc: string | null;
  status: Generated<string>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
  watchlist_id: string;
}

export interface WatchlistIndexState {
  indexed_at: Generated<Timestamp>;
  keys_fingerprint: string;
  only_row: Generated<boolean>;
}

export interface WatchlistKeyCounts {
  entries: number;
  key: number;
}

export interface Watchlists {
  created_at: Generated<Timestamp>;
  created_by: string;
  grace_days: Generated<number>;
  handling_code: string;
  id: Generated<string>;
  last_seq: Generated<number>;
  legal_basis: string;
  name: string;
  originator_organisation_id: string;
  originator_unit_id: string;
  purpose: string;
  recipient_organisations: Generated<string[]>;
  recipient_sharing_groups: Generated<string[]>;
  recipient_units: Generated<string[]>;
  review_period_days: number;
  revision: Generated<number>;
  status: Generated<string>;
  to_all_partners: Generated<boolean>;
  updated_at: Generated<Timestamp>;
}

export interface Database {
  alert_feedback: AlertFeedback;
  alert_observables: AlertObservables;
  alerts: Alerts;
  api_tokens: ApiTokens;
  attachments: Attachments;
  audit_log: AuditLog;
  case_best_interests_steps: CaseBestInterestsSteps;
  case_consents: CaseConsents;
  case_events: CaseEvents;
  case_screenings: CaseScreenings;
  case_search_tokens: CaseSearchTokens;
  case_statistics: CaseStatistics;
  cases: Cases;
  commitment_partners: CommitmentPartners;
  commitment_recommendations: CommitmentRecommendations;
  commitment_revisions: CommitmentRevisions;
  commitments: Commitments;
  data_keys: DataKeys;
  exchange_events: ExchangeEvents;
  followup_action_counts: FollowupActionCounts;
  followup_action_history: FollowupActionHistory;
  followup_actions: FollowupActions;
  followup_reminders: FollowupReminders;
  function_holders: FunctionHolders;
  idempotency_keys: IdempotencyKeys;
  indicator_measurements: IndicatorMeasurements;
  indicator_recent: IndicatorRecent;
  indicators: Indicators;
  jobs: Jobs;
  knowledge_document_countries: KnowledgeDocumentCountries;
  knowledge_document_revisions: KnowledgeDocumentRevisions;
  knowledge_documents: KnowledgeDocuments;
  knowledge_import_files: KnowledgeImportFiles;
  knowledge_imports: KnowledgeImports;
  knowledge_item_revisions: KnowledgeItemRevisions;
  knowledge_items: KnowledgeItems;
  knowledge_search_index: KnowledgeSearchIndex;
  knowledge_search_words: KnowledgeSearchWords;
  login_throttle: LoginThrottle;
  message_acknowledgements: MessageAcknowledgements;
  message_attachments: MessageAttachments;
  message_box_counts: MessageBoxCounts;
  message_deliveries: MessageDeliveries;
  messages: Messages;
  notice_cursor: NoticeCursor;
  notice_preferences: NoticePreferences;
  organisations: Organisations;
  recovery_codes: RecoveryCodes;
  referral_events: ReferralEvents;
  referrals: Referrals;
  retention_runs: RetentionRuns;
  review_comments: ReviewComments;
  review_cycle_commitments: ReviewCycleCommitments;
  review_cycles: ReviewCycles;
  review_report_entries: ReviewReportEntries;
  review_report_history: ReviewReportHistory;
  review_reports: ReviewReports;
  schema_migrations: SchemaMigrations;
  screening_batches: ScreeningBatches;
  screening_hits: ScreeningHits;
  screenings: Screenings;
  service_places: ServicePlaces;
  service_providers: ServiceProviders;
  sessions: Sessions;
  sharing_group_members: SharingGroupMembers;
  sharing_groups: SharingGroups;
  unit_functions: UnitFunctions;
  units: Units;
  user_roles: UserRoles;
  user_units: UserUnits;
  users: Users;
  watchlist_changes: WatchlistChanges;
  watchlist_entries: WatchlistEntries;
  watchlist_index_state: WatchlistIndexState;
  watchlist_key_counts: WatchlistKeyCounts;
  watchlists: Watchlists;
}
