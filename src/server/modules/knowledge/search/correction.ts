/**
 * "Did you mean": the query with its misspelt words corrected, for one viewer.
 *
 * The rule that keeps it from leaking: a word is known to a viewer, or offered to them, only when an
 * item they may see holds it, as the SQL visibility rule decides (`visibleWordCounts`), or when it
 * is a word of the glossary (public vocabulary, in the code). The lexicon kept in memory — every word
 * of every item, restricted and draft ones included — only proposes candidates cheaply; it never
 * decides what a viewer is told. So a rare word of a TLP:RED document is neither offered to someone
 * who cannot see the document, nor treated as known for them (which would tell, by the absence of a
 * correction, that the library holds it). Candidates are ranked by how many items the viewer may see
 * hold them, for the same reason.
 */
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { Lexicon } from './lexicon.js';
import { bestChoice, type Choice, correctableTerms, glossaryWords, maxEdits, rewriteQuery, type Term } from './spelling.js';
import * as repo from './spelling-repository.js';

/** Candidates per misspelt word checked against what the viewer may see: the nearest ones. */
const CANDIDATES_PER_WORD = 24;

/** The words of the library's items, kept in memory and read again from the words added since. */
class DocumentWords {
  readonly lexicon = new Lexicon();
  private watermark = '0';
  private refreshing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Adds the words written since the last call; concurrent calls share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= repo.searchWordsAddedSince(this.db, this.watermark).then(
      ({ watermark, words }) => {
        this.lexicon.add(words);
        this.watermark = watermark;
        this.refreshing = null;
      },
      (error: unknown) => {
        this.refreshing = null;
        throw error;
      },
    );
    return this.refreshing;
  }
}

const lexicons = new WeakMap<Db, DocumentWords>();

function documentWordsFor(db: Db): DocumentWords {
  let words = lexicons.get(db);
  if (!words) {
    words = new DocumentWords(db);
    lexicons.set(db, words);
  }
  return words;
}

/** Candidates of one misspelt word: the nearest words of the items (to check) and of the glossary. */
function candidatesOf(term: Term, documents: Lexicon) {
  const max = maxEdits(term.word);
  return {
    documents: documents.near(term.word, max).slice(0, CANDIDATES_PER_WORD),
    glossary: glossaryWords().near(term.word, max),
  };
}

export interface Correction {
  /** The query as it was searched. */
  query: string;
  /** The query as typed. */
  from: string;
}

/**
 * The query with each misspelt word replaced by the nearest word the viewer may find, or null when
 * every word is known (or nothing near is). Quoted phrases, excluded words and codes stay as typed.
 */
export async function correctQuery(db: Db, viewer: Viewer | null, q: string): Promise<Correction | null> {
  const glossary = glossaryWords();
  const terms = correctableTerms(q).filter((term) => !glossary.has(term.word));
  if (terms.length === 0) return null;
  const words = documentWordsFor(db);
  await words.refresh();
  const { lexicon } = words;
  // A word no item ever held is unknown to everyone; one the lexicon holds is known only if a
  // visible item holds it, so it is counted with the candidates of the others in one statement.
  const unknownToAll = terms.filter((term) => !lexicon.has(term.word));
  const firstCandidates = new Map(unknownToAll.map((term) => [term, candidatesOf(term, lexicon)]));
  const counted = [
    ...terms.filter((term) => lexicon.has(term.word)).map((term) => term.word),
    ...[...firstCandidates.values()].flatMap((found) => [...found.documents, ...found.glossary].map((c) => c.word)),
  ];
  const counts = await repo.visibleWordCounts(db, viewer, [...new Set(counted)]);
  // Rarely, a word only items hidden from the viewer hold: its candidates are counted in a second statement.
  const hidden = terms.filter((term) => lexicon.has(term.word) && !counts.get(term.word));
  const moreCandidates = new Map(hidden.map((term) => [term, candidatesOf(term, lexicon)]));
  const more = [...moreCandidates.values()].flatMap((found) => [...found.documents, ...found.glossary].map((c) => c.word));
  for (const [word, items] of await repo.visibleWordCounts(db, viewer, [...new Set(more)])) counts.set(word, items);

  const corrections = new Map<Term, string>();
  for (const [term, found] of [...firstCandidates, ...moreCandidates]) {
    const choices: Choice[] = [
      ...found.documents.map((c) => ({ ...c, items: counts.get(c.word) ?? 0, glossary: glossary.has(c.word) })),
      ...found.glossary.map((c) => ({ ...c, items: counts.get(c.word) ?? 0, glossary: true })),
    ];
    const best = bestChoice(choices);
    if (best) corrections.set(term, best.word);
  }
  if (corrections.size === 0) return null;
  return { query: rewriteQuery(q, corrections), from: q };
}

/** Loads the words of the library at start, with the facet store (`warmSearch`). */
export const warmSpelling = (db: Db) => documentWordsFor(db).refresh();
