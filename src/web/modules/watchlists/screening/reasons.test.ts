import { describe, expect, it } from 'vitest';
import type { MatchReason } from '../../../../shared/watchlists/contract.js';
import { MATCH_KINDS } from '../../../../shared/watchlists/vocabulary.js';
import en from './i18n/en.json' with { type: 'json' };
import { reasonText } from './reasons.js';

const FSI = '\u2068';
const PDI = '\u2069';

/** English `t` over this folder's strings, enough for the reason sentences. */
function t(key: string, options: Record<string, unknown> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
}

const reason = (kind: MatchReason['kind'], query: string, listed: string): MatchReason => ({
  kind,
  query,
  listed,
  similarity: 0.9,
});
const plain = (text: string) => text.replaceAll(FSI, '').replaceAll(PDI, '');

describe('reasonText', () => {
  it('says which parts met and how, each name isolated from the sentence around it', () => {
    const text = reasonText(reason('transliteration', 'Mouhamed', 'Mohamed'), t);
    expect(text).toBe(`${FSI}Mouhamed${PDI} ↔ ${FSI}Mohamed${PDI}: transliteration`);
  });

  it('names a part once when both sides are the same, and only the side there is', () => {
    expect(plain(reasonText(reason('exact', 'Diallo', 'Diallo'), t))).toBe('Diallo: same spelling');
    expect(plain(reasonText(reason('particle', 'al', ''), t))).toBe('al: particle or honorific set aside');
    expect(plain(reasonText(reason('missing_middle_name', '', 'Oumar'), t))).toBe('Oumar: middle name missing');
  });

  it('says a whole-name reason without parts in words alone', () => {
    expect(reasonText(reason('order', '', ''), t)).toBe('name parts in another order');
  });

  it('has words for every kind of reason the matcher gives', () => {
    for (const kind of MATCH_KINDS) expect(reasonText(reason(kind, '', ''), t)).not.toMatch(/reasonKind/);
  });
});
