import type { ItemReference, ItemTags } from './tags.js';

/** What a revision records of an item: everything a reviewer can change. */
export interface ItemSnapshot extends ItemTags {
  type: string;
  text: string;
  status: 'draft' | 'published' | 'withdrawn';
}

export class EditError extends Error {}

/**
 * The two texts of a split at `offset` (a UTF-16 index, as a text area's cursor gives it). Each
 * part is trimmed; a cut that leaves one side empty, or falls inside a surrogate pair, is refused.
 */
export function splitText(text: string, offset: number): [string, string] {
  if (offset <= 0 || offset >= text.length) throw new EditError('The offset must fall inside the text.');
  const before = text.charCodeAt(offset - 1);
  if (before >= 0xd800 && before <= 0xdbff) throw new EditError('The offset falls inside a character.');
  const first = text.slice(0, offset).trim();
  const second = text.slice(offset).trim();
  if (!first || !second) throw new EditError('Both parts of a split must contain text.');
  return [first, second];
}

const unite = (lists: string[][]) => [...new Set(lists.flat())];

/** An explicit mention outranks a suggestion of the same reference. */
function uniteReferences(lists: ItemReference[][]): ItemReference[] {
  const kinds = new Map<string, ItemReference['kind']>();
  for (const reference of lists.flat()) {
    if (kinds.get(reference.id) !== 'explicit') kinds.set(reference.id, reference.kind);
  }
  return [...kinds].map(([id, kind]) => ({ id, kind }));
}

/**
 * The item that several adjacent items become: texts joined in document order, tags united. It
 * keeps the first item's type and status (the reviewer changes them afterwards if need be).
 */
export function mergedSnapshot(items: ItemSnapshot[]): ItemSnapshot {
  const [first] = items;
  return {
    type: first.type,
    text: items.map((item) => item.text.trim()).join(' '),
    status: first.status,
    countries: unite(items.map((item) => item.countries)),
    organisations: unite(items.map((item) => item.organisations)),
    themes: unite(items.map((item) => item.themes)),
    references: uniteReferences(items.map((item) => item.references)),
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The line of the document body where `text` starts, looking from `fromLine` (1-based) onwards:
 * the first line holding its opening words. Items join wrapped lines, so only a few words are
 * sought; when they are not found the item keeps `fromLine`.
 */
export function lineOfText(body: string, fromLine: number, text: string): number {
  const lines = body.split(/\r?\n/).map((line) => words(line).join(' '));
  // Four words, unless a line wrap falls among them; then two.
  for (const count of [4, 2]) {
    const opening = words(text).slice(0, count).join(' ');
    if (!opening) break;
    for (let index = Math.max(fromLine - 1, 0); index < lines.length; index++) {
      if (lines[index].includes(opening)) return index + 1;
    }
  }
  return fromLine;
}

/** Positions run in order; `ids` must be consecutive among `active` (the items not withdrawn). */
export function areAdjacent(active: { id: string }[], ids: string[]): boolean {
  const indexes = ids.map((id) => active.findIndex((item) => item.id === id)).sort((a, b) => a - b);
  if (indexes.some((index) => index < 0)) return false;
  return indexes.every((index, i) => i === 0 || index === indexes[i - 1] + 1);
}
