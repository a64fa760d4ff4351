import type { EntryName, ScreeningCandidate, ScreeningResult } from '../../../../shared/watchlists/contract.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import { type EntrySex, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import type { ActorContext, AuditInput } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { matchKeysOf } from '../entries/match-keys.js';
import { type CandidateEntry, candidateEntries } from '../entries/repository.js';
import {
  DEFAULT_THRESHOLD,
  type MatchResult,
  type MatchSubject,
  matchNames,
  type NameMatch,
  withFields,
} from '../matching/index.js';
import { decryptedOnce } from './decrypted-cache.js';
import * as repo from './repository.js';

/** Entries read for one screening at most: the matcher's blocking keeps real candidates far fewer. */
const CANDIDATE_READ_LIMIT = 250;
/** Candidates scoring below this are noise, not shown. */
const SHOWN_FROM = 0.5;

export interface ScreenInput {
  name: string;
  birthYear?: number | null;
  nationality?: string | null;
  sex?: EntrySex | null;
  purpose?: string;
  unitId?: string;
  limit?: number;
}

export interface ScreenOptions {
  /** A line of a batch: stored with the screening. */
  batch?: { id: string; line: number; clientReference: string | null };
  /** Run the writes in the caller's transaction instead of one of their own. */
  trx?: Db;
}

/**
 * A name may be written in any script, with the marks, apostrophes, hyphens, dots and spaces names
 * carry (N'Diaye, Md., ʿAbd al-Raḥmān, ZWNJ in Persian, the Ge'ez word separator). Markup, quotes,
 * semicolons and the like never belong to a name: they are refused rather than screened.
 */
const NAME_CHARACTERS = /^(?:[\p{L}\p{M}\p{N}\s'’ʼʻ.,\-‐‑\u1361]|\u200c|\u200d)+$/u;

export function checkName(name: string): string {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  if (!/\p{L}/u.test(trimmed) || !NAME_CHARACTERS.test(trimmed)) {
    throw problem(
      WATCHLIST_PROBLEMS,
      'invalid-name',
      'A name is made of letters (any script), spaces, hyphens, apostrophes and dots.',
      {
        field: 'name',
      },
    );
  }
  return trimmed;
}

export function checkPurpose(purpose: string | undefined): string {
  const trimmed = purpose?.trim() ?? '';
  if (trimmed.length < WATCHLIST_LIMITS.purposeMin || trimmed.length > WATCHLIST_LIMITS.purposeMax) {
    throw problem(
      WATCHLIST_PROBLEMS,
      'purpose-required',
      `State why you screen this name (${WATCHLIST_LIMITS.purposeMin} to ${WATCHLIST_LIMITS.purposeMax} characters); it goes to the audit log.`,
    );
  }
  return trimmed;
}

/** The unit a screening is made for: one of the actor's own, the first by default. */
export function screeningUnit(ctx: ActorContext, requested: string | undefined): string {
  const unit = requested ?? ctx.actor.unitIds[0];
  if (!unit) throw problem(WATCHLIST_PROBLEMS, 'no-unit', 'Screenings are made for a unit, and your account belongs to none.');
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: unit });
  return unit;
}

export interface Decrypted {
  row: CandidateEntry;
  names: EntryName[];
  birthDate: string | null;
  nationalities: string[];
  sex: EntrySex | null;
}

/**
 * Birth year, nationality and sex move a score by a little and never decide alone: a candidate whose
 * names score this far below the bound of what is shown cannot reach it, so its other fields are
 * never decrypted (a common name brings hundreds of candidates; decryption is most of the cost).
 */
const FIELDS_MARGIN = 0.15;

type Named = { row: CandidateEntry; names: EntryName[] };

async function withNames(ctx: ActorContext, row: CandidateEntry): Promise<Named> {
  const names = await decryptedOnce(
    ctx.personalData,
    row,
    'names',
    async () => JSON.parse(await ctx.personalData.decrypt(row.namesEnc)) as EntryName[],
  );
  return { row, names };
}

async function withEntryFields(ctx: ActorContext, entry: Named): Promise<Decrypted> {
  const data = ctx.personalData;
  const fields = await decryptedOnce(data, entry.row, 'fields', async () => {
    const [birthDate, nationalities, sex] = await Promise.all([
      data.decrypt(entry.row.birthDateEnc),
      data.decrypt(entry.row.nationalitiesEnc),
      data.decrypt(entry.row.sexEnc),
    ]);
    return {
      birthDate: birthDate || null,
      nationalities: nationalities ? (JSON.parse(nationalities) as string[]) : [],
      sex: (sex || null) as EntrySex | null,
    };
  });
  return { ...entry, ...fields };
}

const yearOf = (birthDate: string | null) => (birthDate ? Number.parseInt(birthDate.slice(0, 4), 10) || null : null);

/** A screening asked for, its values checked: what its candidates are read and scored for. */
export interface CheckedScreening {
  purpose: string;
  unitId: string;
  name: string;
  birthYear: number | null;
  country: string | null;
  sex: EntrySex | null;
  limit: number;
}

export function checkScreening(ctx: ActorContext, input: ScreenInput): CheckedScreening {
  const purpose = checkPurpose(input.purpose);
  const unitId = screeningUnit(ctx, input.unitId);
  const name = checkName(input.name);
  const birthYear = input.birthYear ?? null;
  if (birthYear !== null && (birthYear < 1900 || birthYear > new Date().getUTCFullYear())) {
    throw problem(WATCHLIST_PROBLEMS, 'invalid-birth-year', 'A birth year is between 1900 and this year.', {
      field: 'birthYear',
    });
  }
  const limit = Math.min(input.limit ?? WATCHLIST_LIMITS.candidates, WATCHLIST_LIMITS.candidates);
  return { purpose, unitId, name, birthYear, country: input.nationality ?? null, sex: input.sex ?? null, limit };
}

export interface Scored {
  entry: Decrypted;
  result: MatchResult;
}

/**
 * The candidates of a screening, best first (those at SHOWN_FROM or more, at most its limit): read
 * through the screening index (only visible, active, not lapsed entries: the sharing rule is in
 * the SQL, before any decryption or scoring), decrypted and scored by the matcher.
 */
export async function rankCandidates(ctx: ActorContext, query: CheckedScreening): Promise<Scored[]> {
  const keys = matchKeysOf(ctx.personalData, [query.name]);
  const rows = await candidateEntries(ctx.db, ctx.viewer, keys, CANDIDATE_READ_LIMIT);
  const subject: MatchSubject = {
    names: [query.name],
    birthYear: query.birthYear,
    countries: query.country ? [query.country] : [],
    sex: query.sex,
  };
  const named = await Promise.all(rows.map((row) => withNames(ctx, row)));
  // Namesakes are common (a thousand "Mamadou Diallo" in a large list): each distinct name is
  // compared once, and each namesake only by its other fields.
  const byNames = new Map<string, NameMatch>();
  const nameMatchOf = (entry: Named) => {
    const names = entry.names.map((n) => n.name);
    const key = names.join('\u0000');
    let match = byNames.get(key);
    if (!match) {
      match = matchNames(subject.names, names);
      byNames.set(key, match);
    }
    return match;
  };
  const likely = named.filter((entry) => nameMatchOf(entry).score >= SHOWN_FROM - FIELDS_MARGIN);
  const entries = await Promise.all(likely.map((entry) => withEntryFields(ctx, entry)));
  return entries
    .map((entry) => ({
      entry,
      result: withFields(nameMatchOf(entry), subject, {
        names: entry.names.map((n) => n.name),
        birthYear: yearOf(entry.birthDate),
        countries: entry.nationalities,
        sex: entry.sex,
      }),
    }))
    .filter((candidate) => candidate.result.score >= SHOWN_FROM)
    .sort((a, b) => b.result.score - a.result.score || a.entry.row.reference.localeCompare(b.entry.row.reference))
    .slice(0, query.limit);
}

/** A screening as it is stored: its row and its hits, personal values encrypted. */
export interface SealedScreening {
  screening: repo.NewScreening;
  hits: repo.NewHit[];
}

/** Encrypts what a screening stores, before any transaction opens: no key read ever waits inside one (PGlite has one session). */
export async function sealScreening(
  ctx: ActorContext,
  query: CheckedScreening,
  scored: Scored[],
  batch?: ScreenOptions['batch'],
): Promise<SealedScreening> {
  const { name, birthYear, country, sex } = query;
  const hits = scored.filter((candidate) => candidate.result.match);
  const [queryEnc, newHits] = await Promise.all([
    ctx.personalData.encrypt(JSON.stringify({ name, birthYear, country, sex })),
    Promise.all(
      hits.map(async ({ entry, result }) => ({
        entryId: entry.row.entryId,
        watchlistId: entry.row.watchlistId,
        entryVersion: entry.row.version,
        score: result.score,
        reasonsEnc: await ctx.personalData.encrypt(JSON.stringify(result.reasons)),
      })),
    ),
  ]);
  return {
    screening: {
      unitId: query.unitId,
      organisationId: ctx.actor.organisationId,
      screenedBy: ctx.actor.userId,
      purpose: query.purpose,
      queryEnc,
      batchId: batch?.id ?? null,
      batchLine: batch?.line ?? null,
      clientReference: batch?.clientReference ?? null,
      candidates: scored.length,
      hits: hits.length,
    },
    hits: newHits,
  };
}

/** The audit entry of a screening: counts of what the caller may see only, never which lists were searched or matched. */
export function screeningAudit(screeningId: string, screening: repo.NewScreening): AuditInput {
  const details: Record<string, unknown> = {
    purpose: screening.purpose,
    candidates: screening.candidates,
    hits: screening.hits,
  };
  if (screening.batchId) Object.assign(details, { batchId: screening.batchId, line: screening.batchLine });
  return { action: 'screening.run', outcome: 'success', targetType: 'screening', targetId: screeningId, details };
}

/**
 * Screens one name against every list the actor may see: candidates ranked by `rankCandidates`.
 * Every hit opens a review task for the screening unit. The screening, its hits and its audit
 * entry are written in one transaction after the scoring. Batches screen their lines with the same
 * steps, many lines per transaction.
 */
export async function screenName(ctx: ActorContext, input: ScreenInput, options: ScreenOptions = {}): Promise<ScreeningResult> {
  const query = checkScreening(ctx, input);
  const scored = await rankCandidates(ctx, query);
  const sealed = await sealScreening(ctx, query, scored, options.batch);

  const write = async (trx: Db) => {
    const screeningId = await repo.insertScreening(trx, sealed.screening);
    const hitIds = await repo.insertHits(trx, screeningId, query.unitId, sealed.hits);
    await ctx.audit(screeningAudit(screeningId, sealed.screening), trx);
    return { screeningId, hitIds };
  };
  const { screeningId, hitIds } = options.trx ? await write(options.trx) : await ctx.db.transaction().execute(write);

  return {
    screeningId,
    threshold: DEFAULT_THRESHOLD,
    hits: sealed.screening.hits,
    candidates: scored.map(({ entry, result }) => toCandidate(entry, result, hitIds.get(entry.row.entryId) ?? null)),
  };
}

function toCandidate(entry: Decrypted, result: MatchResult, hitId: string | null): ScreeningCandidate {
  const { row } = entry;
  return {
    entryId: row.entryId,
    reference: row.reference,
    watchlist: {
      id: row.watchlistId,
      name: row.watchlistName,
      handlingCode: row.handlingCode as ScreeningCandidate['watchlist']['handlingCode'],
    },
    score: clamp(result.score),
    match: result.match,
    matchedName: entry.names[result.nameIndex] ?? entry.names[0] ?? { name: '', script: 'other' },
    names: entry.names,
    birthDate: entry.birthDate,
    nationalities: entry.nationalities,
    sex: entry.sex,
    reasons: result.reasons.map((reason) => ({ ...reason, similarity: clamp(reason.similarity) })),
    factors: result.factors,
    hitId,
  };
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
