import countryCodes from 'i18n-iso-countries';
import { isAboveGreen } from '../../../../shared/handling-codes.js';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import type { ServiceContext } from '../../../platform/context.js';
import { problem } from '../../../platform/errors.js';
import { ITEM_TYPES } from '../extraction/item-types.js';
import { toMeetingResponse } from '../meeting.js';
import * as repo from './repository.js';
import { LATEST_ITEMS_LIMIT, MEETINGS_LIMIT, TOP_LIMIT } from './schemas.js';

/** Codes above TLP:GREEN: naming such a document (title, items) to a reader is an audited read. */

/** For the world map: items citing each country and documents citing it or held in it. */
export async function countryCounts(ctx: ServiceContext) {
  const rows = await repo.countsByCountry(ctx.db, ctx.viewer);
  return { countries: rows.map((row) => ({ code: row.code, items: row.items, documents: row.documents })) };
}

/** Sums `count` per key, largest first (ties by key), keeping `limit` of them. */
function topKeys(rows: repo.YearCount[], limit: number): { key: string; count: number }[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.key, (sums.get(row.key) ?? 0) + row.count);
  return [...sums]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

/**
 * One country's profile. A known code that no visible item cites still answers, with zeros: a
 * 404 would tell a reader whether documents they may not see cite it.
 */
export async function countryProfile(ctx: ServiceContext, code: string) {
  if (!countryCodes.isValid(code)) throw problem(KNOWLEDGE_PROBLEMS, 'unknown-country', `Unknown country code: ${code}.`);
  const { viewer } = ctx;
  const byType = await repo.itemsByYearAndType(ctx.db, viewer, code);
  const byTheme = await repo.itemsByYearAndTheme(ctx.db, viewer, code);
  const organisations = await repo.topOrganisations(ctx.db, viewer, code, TOP_LIMIT);
  const meetings = await repo.meetings(ctx.db, viewer, code, MEETINGS_LIMIT);
  const latestRows = await repo.latestItems(ctx.db, viewer, code, LATEST_ITEMS_LIMIT);
  await auditSensitiveDocuments(ctx, code, [
    ...meetings.items.map((row) => ({ id: row.id, handlingCode: row.handlingCode })),
    ...latestRows.map((row) => ({ id: row.documentId, handlingCode: row.handlingCode })),
  ]);
  const typeTotals = Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<string, number>;
  for (const row of byType) typeTotals[row.key] = (typeTotals[row.key] ?? 0) + row.count;
  return {
    code,
    totals: {
      items: byType.reduce((sum, row) => sum + row.count, 0),
      meetings: meetings.total,
      byType: typeTotals,
    },
    byYearAndType: byType.map((row) => ({ year: row.year, type: row.key, count: row.count })),
    byYearAndTheme: byTheme.map((row) => ({ year: row.year, theme: row.key, count: row.count })),
    topThemes: topKeys(byTheme, TOP_LIMIT).map(({ key, count }) => ({ theme: key, count })),
    topOrganisations: organisations.map((row) => ({ organisation: row.organisation, count: row.count })),
    meetings: meetings.items.map((row) => ({
      id: row.id,
      ...toMeetingResponse(row),
      hostedHere: row.country === code,
      itemCount: row.itemCount,
      citingItemCount: row.citingCount,
    })),
    latestItems: latestRows.map((row) => ({
      id: row.id,
      type: row.type,
      text: row.text,
      document: { id: row.documentId, title: row.title, dates: row.dates },
    })),
  };
}

/** One audit row per TLP:AMBER/RED document whose title or items the profile shows. */
async function auditSensitiveDocuments(ctx: ServiceContext, code: string, shown: { id: string; handlingCode: string }[]) {
  const audited = new Set<string>();
  for (const document of shown) {
    if (!isAboveGreen(document.handlingCode) || audited.has(document.id)) continue;
    audited.add(document.id);
    await ctx.auditSensitiveRead('knowledge_document', document.id, {
      handlingCode: document.handlingCode,
      via: 'country_profile',
      country: code,
    });
  }
}
