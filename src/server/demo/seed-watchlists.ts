import type { DistributionTarget } from '../../shared/visibility.js';
import * as entries from '../modules/watchlists/entries/service.js';
import * as lists from '../modules/watchlists/lists/service.js';
import { screenName } from '../modules/watchlists/screening/service.js';
import type { Platform } from '../platform/context.js';
import { type ReferralSeedKit, referralSeedKit } from './seed-referral-kit.js';
import { userExists } from './seed-referral-repository.js';
import { backdateEntry, screeningsExist, watchlistIdByName } from './seed-watchlists-repository.js';
import { DEMO_DUE_ENTRIES, DEMO_REMOVED_ENTRY, DEMO_SCREENINGS, DEMO_WATCHLISTS, type DemoWatchlist } from './watchlists-data.js';

export interface WatchlistsSeedResult {
  lists: number;
  entries: number;
  removed: number;
  screenings: number;
  hits: number;
}

/**
 * The watch-lists demo, once the main demo is in place: each missing list made by its owner unit's
 * person through the lists service, its entries added through the entries service (names encrypted,
 * screening keys, numbered changes, audit), a few made due for review, one removed; then the demo's
 * focal points screen a few names, leaving open hits for them to review. Returns null when there is
 * nothing to do: not a demo database, or every demo list is there already (a restart).
 */
export async function seedDemoWatchlists(platform: Platform): Promise<WatchlistsSeedResult | null> {
  const { db } = platform;
  if (!(await userExists(db, 'focal.ma@liaison.demo'))) return null;
  // As the app does when it starts: the key ring is read here, never from inside a transaction.
  await platform.personalData.reload();
  const kit = referralSeedKit(platform);
  const result: WatchlistsSeedResult = { lists: 0, entries: 0, removed: 0, screenings: 0, hits: 0 };
  for (const demo of DEMO_WATCHLISTS) {
    if (await watchlistIdByName(db, await kit.unit(demo.organisation, demo.unit), demo.name)) continue;
    const seeded = await seedList(kit, demo);
    result.lists++;
    result.entries += seeded.entries;
    result.removed += seeded.removed;
  }
  if (result.lists === 0) return null;
  // The screenings come once the lists are in place, as the focal points' morning checks. Once: a
  // demo whose users renamed a list gets the demo list again at its next start, not more screenings.
  if (await screeningsExist(db, [...new Set(DEMO_SCREENINGS.map((screening) => screening.purpose))])) return result;
  for (const screening of DEMO_SCREENINGS) {
    const ctx = await kit.as(screening.by);
    const answer = await screenName(ctx, {
      name: screening.name,
      birthYear: screening.birthYear ?? null,
      nationality: screening.nationality ?? null,
      purpose: screening.purpose,
    });
    result.screenings++;
    result.hits += answer.hits;
  }
  return result;
}

async function distributionOf(kit: ReferralSeedKit, demo: DemoWatchlist): Promise<DistributionTarget[]> {
  const targets: DistributionTarget[] = [];
  for (const key of demo.distribution.organisations ?? [])
    targets.push({ kind: 'organisation', id: await kit.organisation(key) });
  for (const unit of demo.distribution.units ?? []) {
    const [key, name] = unit.split(':') as [string, string];
    targets.push({ kind: 'unit', id: await kit.unit(key, name) });
  }
  if (demo.distribution.allPartners) targets.push({ kind: 'all_partners' });
  return targets;
}

async function seedList(kit: ReferralSeedKit, demo: DemoWatchlist) {
  const ctx = await kit.as(demo.by);
  const list = await lists.create(ctx, {
    unitId: await kit.unit(demo.organisation, demo.unit),
    name: demo.name,
    purpose: demo.purpose,
    legalBasis: demo.legalBasis,
    reviewPeriodDays: demo.reviewPeriodDays,
    graceDays: demo.graceDays,
    handlingCode: demo.handlingCode,
    distribution: await distributionOf(kit, demo),
  });
  // Entries due for review were added longest ago: first, so the change feed's order is the story's.
  const ordered = [...demo.entries].sort((a, b) => Number(b.key in DEMO_DUE_ENTRIES) - Number(a.key in DEMO_DUE_ENTRIES));
  let removed = 0;
  for (const entry of ordered) {
    const { key: _key, ...body } = entry;
    const added = await entries.add(ctx, list.id, body);
    const due = DEMO_DUE_ENTRIES[entry.key];
    if (due !== undefined) await backdateEntry(kit.platform.db, added.id, demo.reviewPeriodDays + due, due);
    if (entry.key === DEMO_REMOVED_ENTRY.key) {
      await entries.remove(ctx, list.id, added.id, { version: added.version, note: DEMO_REMOVED_ENTRY.note });
      removed++;
    }
  }
  return { entries: demo.entries.length, removed };
}
