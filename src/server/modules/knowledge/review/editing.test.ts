import { describe, expect, it } from 'vitest';
import { areAdjacent, EditError, type ItemSnapshot, lineOfText, mergedSnapshot, splitText } from './editing.js';
import { checkTags } from './tags.js';

const item = (text: string, extra: Partial<ItemSnapshot> = {}): ItemSnapshot => ({
  type: 'recommendation',
  text,
  status: 'draft',
  countries: [],
  organisations: [],
  themes: [],
  references: [],
  ...extra,
});

describe('splitText', () => {
  it('cuts at the offset and trims both parts', () => {
    expect(splitText('First part. Second part.', 11)).toEqual(['First part.', 'Second part.']);
  });

  it('refuses cuts at the ends, into blank parts, or inside a surrogate pair', () => {
    for (const [text, offset] of [
      ['abc', 0],
      ['abc', 3],
      ['abc   ', 3],
      ['   abc', 3],
      ['a😀b', 2],
    ] as const) {
      expect(() => splitText(text, offset), `${text}@${offset}`).toThrow(EditError);
    }
    expect(splitText('a😀b', 3)).toEqual(['a😀', 'b']);
  });
});

describe('mergedSnapshot', () => {
  it('joins texts in order, unites tags and keeps the first type and status', () => {
    const merged = mergedSnapshot([
      item(' One. ', { countries: ['SN', 'MA'], themes: ['diaspora'], references: [{ id: 'GCM:1', kind: 'suggested' }] }),
      item('Two.', {
        type: 'challenge',
        status: 'published',
        countries: ['MA', 'NE'],
        references: [
          { id: 'GCM:1', kind: 'explicit' },
          { id: 'GCM:2', kind: 'suggested' },
        ],
      }),
    ]);
    expect(merged).toEqual({
      type: 'recommendation',
      status: 'draft',
      text: 'One. Two.',
      countries: ['SN', 'MA', 'NE'],
      organisations: [],
      themes: ['diaspora'],
      references: [
        { id: 'GCM:1', kind: 'explicit' },
        { id: 'GCM:2', kind: 'suggested' },
      ],
    });
  });
});

describe('lineOfText', () => {
  const body = 'Title\n\n1. The participants agreed\nto meet again. They also\nwelcomed the new partners\nof the dialogue.';

  it('finds the line where the text starts, from the item line on', () => {
    expect(lineOfText(body, 3, 'They also welcomed the new partners')).toBe(4);
    expect(lineOfText(body, 3, 'welcomed the new partners of the dialogue.')).toBe(5);
  });

  it('keeps the given line when the words are not found', () => {
    expect(lineOfText(body, 3, 'Nothing like this')).toBe(3);
    expect(lineOfText(body, 5, 'The participants agreed')).toBe(5);
  });
});

describe('areAdjacent', () => {
  const items = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  it('accepts consecutive items in any order and refuses gaps or unknown ids', () => {
    expect(areAdjacent(items, ['c', 'b'])).toBe(true);
    expect(areAdjacent(items, ['a', 'b', 'c'])).toBe(true);
    expect(areAdjacent(items, ['a', 'c'])).toBe(false);
    expect(areAdjacent(items, ['a', 'x'])).toBe(false);
  });
});

describe('checkTags', () => {
  it('keeps known ids once, and the kind a reference had unless the reviewer says otherwise', () => {
    const tags = checkTags(
      { countries: ['SN', 'SN', 'XK'], references: [{ id: 'GCM:1' }, { id: 'GCM:2' }, { id: 'GCM:3', kind: 'suggested' }] },
      [{ id: 'GCM:1', kind: 'suggested' }],
    );
    expect(tags.countries).toEqual(['SN', 'XK']);
    expect(tags.references).toEqual([
      { id: 'GCM:1', kind: 'suggested' },
      { id: 'GCM:2', kind: 'explicit' },
      { id: 'GCM:3', kind: 'suggested' },
    ]);
  });

  it('names the field and the first unknown value', () => {
    expect(() => checkTags({ themes: ['diaspora', 'astrology'] }, [])).toThrow(/theme id in themes: "astrology"/);
    expect(() => checkTags({ organisations: ['IOM', 'ACME'] }, [])).toThrow(/organisation id in organisations: "ACME"/);
    expect(() => checkTags({ countries: ['QQ'] }, [])).toThrow(/country code in countries/);
  });
});
