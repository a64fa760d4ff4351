import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import * as repo from './repository.js';
import { SIMILAR_LIMIT } from './schemas.js';

/** How many of the item's lexemes make up the similarity query. */
const QUERY_LEXEMES = 12;
/**
 * Above this share of items a lexeme ("border", "migrant") says little about what an item is
 * about, and reading its long posting list would cost more than the whole rest: it is left out.
 */
export const COMMON_SHARE = 0.05;
/** The library sample lexeme shares are counted on, how long they are kept, and the rarest counted. */
const SAMPLE_SIZE = 5000;
const SAMPLE_MIN_ITEMS = 10;
const SHARES_TTL_MS = 15 * 60 * 1000;
/** Matches read from the index at most, and visible ones ranked at most. */
const MATCHES = 2000;
const CANDIDATES = 400;

/**
 * The lexemes that best tell an item apart: rarest in the library first (unknown to the sample
 * means rarer than any it counts), then most repeated in the item, then longest. Common lexemes
 * are dropped.
 */
export function distinctiveLexemes(lexemes: repo.ItemLexeme[], shares: Map<string, number>, max: number): string[] {
  const share = (lexeme: string) => shares.get(lexeme) ?? 0;
  return lexemes
    .filter((entry) => share(entry.lexeme) <= COMMON_SHARE)
    .sort(
      (a, b) =>
        share(a.lexeme) - share(b.lexeme) ||
        b.occurrences - a.occurrences ||
        b.lexeme.length - a.lexeme.length ||
        (a.lexeme < b.lexeme ? -1 : 1),
    )
    .slice(0, max)
    .map((entry) => entry.lexeme);
}

// Per database: the library changes slowly, and counting its lexemes takes tens of milliseconds.
const sharesCache = new WeakMap<Db, { expires: number; shares: Promise<Map<string, number>> }>();

function lexemeShares(db: Db): Promise<Map<string, number>> {
  const cached = sharesCache.get(db);
  if (cached && cached.expires > Date.now()) return cached.shares;
  const shares = repo.lexemeShares(db, SAMPLE_SIZE, SAMPLE_MIN_ITEMS);
  sharesCache.set(db, { expires: Date.now() + SHARES_TTL_MS, shares });
  // A failed count is not kept: the next item page tries again.
  shares.catch(() => sharesCache.delete(db));
  return shares;
}

/** Up to SIMILAR_LIMIT items of other documents (not other versions of this one) the viewer may see. */
export async function similarTo(db: Db, viewer: Viewer | null, item: repo.LibraryItem): Promise<repo.SimilarItem[]> {
  const lexemes = distinctiveLexemes(await repo.itemLexemes(db, item.text, item.language), await lexemeShares(db), QUERY_LEXEMES);
  if (lexemes.length === 0) return [];
  return repo.similarItems(db, viewer, {
    query: repo.anyOf(lexemes),
    excludedDocuments: await repo.documentVersions(db, item.documentId),
    themes: item.themes,
    countries: item.countries,
    limit: SIMILAR_LIMIT,
    matches: MATCHES,
    candidates: CANDIDATES,
  });
}
