import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type { EntryChanged, EntryList, WatchlistEntry } from '../../../../shared/watchlists/contract.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import { type ChangeOp, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import * as lists from '../lists/repository.js';
import { editableList, recordListEvent, visibleList } from '../lists/service.js';
import { matchSubjects } from '../matching/index.js';
import { decryptContent, type EncryptedContent, type EntryContent, encryptContent } from './content.js';
import { matchKeysOf } from './match-keys.js';
import * as repo from './repository.js';
import type { AddBody, AmendBody, EntriesQuery, PurposeQuery, RemoveBody, RenewBody } from './schemas.js';
import { checkBirthDate, checkCountries, checkNames, reviewDateOf } from './validate.js';

/** The purpose a read of personal fields states (it goes to the audit log); 422 without one. */
export function statedPurpose(value: string | undefined): string {
  const purpose = value?.trim() ?? '';
  if (purpose.length < WATCHLIST_LIMITS.purposeMin || purpose.length > WATCHLIST_LIMITS.purposeMax)
    throw problem(
      WATCHLIST_PROBLEMS,
      'purpose-required',
      `State the purpose of this read (${WATCHLIST_LIMITS.purposeMin} to ${WATCHLIST_LIMITS.purposeMax} characters).`,
      { field: 'purpose' },
    );
  return purpose;
}

/** One audit entry per read of entries' personal fields: the list, the purpose, how many entries. */
export async function auditEntriesRead(ctx: ActorContext, listId: string, purpose: string, entries: number, extra = {}) {
  await ctx.audit({
    action: 'watchlist.entries.read',
    outcome: 'success',
    targetType: 'watchlist',
    targetId: listId,
    details: { purpose, entries, ...extra },
  });
}

type ContentInput = Pick<AddBody, 'names' | 'nationalities' | 'identifiers'> & {
  birthDate?: string | null;
  sex?: EntryContent['sex'];
  reason: string;
};

/** An entry's personal fields, checked and normalised. */
function contentOf(input: ContentInput): EntryContent {
  const reason = input.reason.trim();
  if (!reason) throw problem(PLATFORM_PROBLEMS, 'validation', 'The reason is empty.', { field: 'reason' });
  return {
    names: checkNames(input.names),
    birthDate: input.birthDate ? checkBirthDate(input.birthDate) : null,
    nationalities: checkCountries(input.nationalities ?? [], 'nationalities'),
    sex: input.sex ?? null,
    identifiers: (input.identifiers ?? []).map((id, index) => ({
      kind: id.kind,
      number: id.number.trim(),
      country: id.country ? (checkCountries([id.country], `identifiers/${index}/country`)[0] ?? null) : null,
    })),
    reason,
  };
}

interface Applied {
  id: string;
  reference: string;
  version: number;
  status: repo.Entry['status'];
  reviewDate: string;
  content: EncryptedContent;
}

/**
 * One change of a list's entries, in one transaction: the list's row lock and the change's number,
 * the entry, its `watchlist_changes` row (the entry after the change, encrypted), the live event and
 * the audit entry. An archived list refuses (409) before anything is written.
 */
async function commitChange(
  ctx: ActorContext,
  list: lists.Watchlist,
  op: ChangeOp,
  apply: (trx: Db) => Promise<Applied>,
  options: { note?: string; fields?: string[] } = {},
): Promise<EntryChanged> {
  const noteEnc = await ctx.personalData.encrypt(options.note?.trim() || null);
  const result = await ctx.audited(
    async (trx) => {
      const next = await lists.nextSeq(trx, list.id);
      if (!next) throw problem(WATCHLIST_PROBLEMS, 'list-archived', 'This watch-list is archived.');
      const { seq, access } = next;
      const entry = await apply(trx);
      await repo.insertChange(trx, {
        watchlistId: list.id,
        seq,
        entryId: entry.id,
        entryVersion: entry.version,
        op,
        content: op === 'remove' ? null : entry.content,
        reviewDate: op === 'remove' ? null : entry.reviewDate,
        noteEnc,
        changedBy: ctx.actor.userId,
      });
      await recordListEvent(trx, ctx, list.id, access);
      return { entry, seq };
    },
    ({ entry, seq }) => ({
      action: `watchlist.entry.${op}`,
      outcome: 'success',
      targetType: 'watchlist_entry',
      targetId: entry.id,
      details: { watchlistId: list.id, seq, version: entry.version, ...(options.fields && { fields: options.fields }) },
    }),
  );
  const { entry, seq } = result;
  return {
    id: entry.id,
    reference: entry.reference,
    status: entry.status,
    version: entry.version,
    reviewDate: entry.reviewDate,
    seq,
  };
}

export async function add(ctx: ActorContext, listId: string, body: AddBody): Promise<EntryChanged> {
  const list = await editableList(ctx, listId);
  const content = contentOf(body);
  const reviewDate = reviewDateOf(body.reviewDate, list.reviewPeriodDays);
  const encrypted = await encryptContent(ctx.personalData, content);
  const matchKeys = matchKeysOf(
    ctx.personalData,
    content.names.map((n) => n.name),
  );
  return commitChange(ctx, list, 'add', async (trx) => {
    const { id, reference } = await repo.insertEntry(trx, {
      ...encrypted,
      watchlistId: list.id,
      reviewDate,
      matchKeys,
      createdBy: ctx.actor.userId,
    });
    return { id, reference, version: 1, status: 'active', reviewDate, content: encrypted };
  });
}

/** The entry as it stands, to change it: 404 when it is not in this list. */
async function currentEntry(ctx: ActorContext, listId: string, entryId: string) {
  const entry = await repo.findEntry(ctx.db, ctx.viewer, listId, entryId);
  if (!entry) throw notFound('entry');
  if (entry.status === 'removed') throw problem(WATCHLIST_PROBLEMS, 'entry-removed', 'This entry was removed from the list.');
  return entry;
}

/** Applies a change on `version`, or tells why it could not (409 stale-version or entry-removed). */
async function updateOrRefuse(trx: Db, listId: string, entryId: string, version: number, update: repo.EntryUpdate) {
  const entry = await repo.updateEntry(trx, listId, entryId, version, update);
  if (entry) return { ...entry, content: entry as EncryptedContent };
  const state = await repo.entryState(trx, listId, entryId);
  if (!state) throw notFound('entry');
  if (state.status === 'removed') throw problem(WATCHLIST_PROBLEMS, 'entry-removed', 'This entry was removed from the list.');
  throw problem(WATCHLIST_PROBLEMS, 'stale-version', 'The entry changed since you read it; reload it and try again.', {
    version: state.version,
  });
}

export async function amend(ctx: ActorContext, listId: string, entryId: string, body: AmendBody): Promise<EntryChanged> {
  const list = await editableList(ctx, listId);
  const current = await currentEntry(ctx, listId, entryId);
  const { version, note, reviewDate: requestedReview, ...fields } = body;
  if (Object.keys(fields).length === 0 && requestedReview === undefined)
    throw problem(PLATFORM_PROBLEMS, 'validation', 'Nothing to change: give at least one field of the entry.');
  const before = await decryptContent(ctx.personalData, current);
  const content = contentOf({
    names: fields.names ?? before.names,
    birthDate: fields.birthDate === undefined ? before.birthDate : fields.birthDate,
    nationalities: fields.nationalities ?? before.nationalities,
    sex: fields.sex === undefined ? before.sex : fields.sex,
    identifiers: fields.identifiers ?? before.identifiers,
    reason: fields.reason ?? before.reason,
  });
  const reviewDate = requestedReview === undefined ? undefined : reviewDateOf(requestedReview, list.reviewPeriodDays);
  const encrypted = await encryptContent(ctx.personalData, content);
  const matchKeys = fields.names
    ? matchKeysOf(
        ctx.personalData,
        content.names.map((n) => n.name),
      )
    : undefined;
  const changed = [...Object.keys(fields), ...(reviewDate ? ['reviewDate'] : [])];
  return commitChange(
    ctx,
    list,
    'amend',
    (trx) => updateOrRefuse(trx, list.id, entryId, version, { content: encrypted, matchKeys, reviewDate }),
    { note, fields: changed },
  );
}

export async function remove(ctx: ActorContext, listId: string, entryId: string, body: RemoveBody): Promise<EntryChanged> {
  const list = await editableList(ctx, listId);
  await currentEntry(ctx, listId, entryId);
  return commitChange(ctx, list, 'remove', (trx) => updateOrRefuse(trx, list.id, entryId, body.version, { remove: true }), {
    note: body.note,
  });
}

export async function renew(ctx: ActorContext, listId: string, entryId: string, body: RenewBody): Promise<EntryChanged> {
  const list = await editableList(ctx, listId);
  await currentEntry(ctx, listId, entryId);
  const reviewDate = reviewDateOf(body.reviewDate, list.reviewPeriodDays);
  return commitChange(ctx, list, 'renew', (trx) => updateOrRefuse(trx, list.id, entryId, body.version, { reviewDate }));
}

export async function toEntryResponse(ctx: ActorContext, entry: repo.Entry): Promise<WatchlistEntry> {
  return {
    id: entry.id,
    reference: entry.reference,
    watchlistId: entry.watchlistId,
    status: entry.status,
    version: entry.version,
    ...(await decryptContent(ctx.personalData, entry)),
    reviewDate: entry.reviewDate,
    reviewState: entry.reviewState,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    removedAt: entry.removedAt?.toISOString() ?? null,
  };
}

const encodeCursor = (cursor: repo.EntryCursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');

function decodeCursor(text: string | undefined): repo.EntryCursor | null {
  if (!text) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(Date.parse(at)))
      return { at, id };
  } catch {
    // fall through: an unreadable cursor is bad input
  }
  throw problem(PLATFORM_PROBLEMS, 'validation', 'The cursor is not one this list gave.', { field: 'cursor' });
}

/** Entries sharing a screening key with a searched name that are scored (the rest are not shown). */
const NAME_SEARCH_POOL = 500;
/** A searched name shows the entries the matcher scores at least this high, best first. */
const NAME_SEARCH_FLOOR = 0.5;

/**
 * Entries of the list that the matcher finds close to `q`: those sharing a screening key with it
 * (the index, never a scan of names), scored, best first, at most `limit` (one page, no cursor).
 */
async function searchByName(ctx: ActorContext, listId: string, q: string, filters: repo.EntryFilters, limit: number) {
  if (!filters.matchKeys?.length) return [];
  const pool = await repo.listEntries(ctx.db, ctx.viewer, listId, filters, null, NAME_SEARCH_POOL);
  const scored = await Promise.all(
    pool.entries.map(async (entry) => {
      const names = JSON.parse(await ctx.personalData.decrypt(entry.namesEnc)) as { name: string }[];
      return { entry, score: matchSubjects({ names: [q] }, { names: names.map((n) => n.name) }).score };
    }),
  );
  return scored
    .filter((s) => s.score >= NAME_SEARCH_FLOOR)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.entry);
}

export async function listEntries(ctx: ActorContext, listId: string, query: EntriesQuery): Promise<EntryList> {
  const purpose = statedPurpose(query.purpose);
  const list = await visibleList(ctx, listId);
  const q = query.q?.trim();
  const limit = query.limit ?? 50;
  const filters: repo.EntryFilters = { status: query.status ?? 'active', review: query.review };
  let page: { entries: repo.Entry[]; total: number; next: repo.EntryCursor | null };
  if (q) {
    const found = await searchByName(ctx, list.id, q, { ...filters, matchKeys: matchKeysOf(ctx.personalData, [q]) }, limit);
    page = { entries: found, total: found.length, next: null };
  } else {
    page = await repo.listEntries(ctx.db, ctx.viewer, list.id, filters, decodeCursor(query.cursor), limit);
  }
  const items = await Promise.all(page.entries.map((entry) => toEntryResponse(ctx, entry)));
  await auditEntriesRead(ctx, list.id, purpose, items.length);
  return { items, total: page.total, nextCursor: page.next && encodeCursor(page.next) };
}

export async function getEntry(ctx: ActorContext, listId: string, entryId: string, query: PurposeQuery): Promise<WatchlistEntry> {
  const purpose = statedPurpose(query.purpose);
  const entry = await repo.findEntry(ctx.db, ctx.viewer, listId, entryId);
  if (!entry) throw notFound('entry');
  const response = await toEntryResponse(ctx, entry);
  await auditEntriesRead(ctx, listId, purpose, 1, { entryId });
  return response;
}
