import { describe, expect, it } from 'vitest';
import { localDateTimeToIso, parseComposeSearch, parseMessageListSearch, toDistribution } from './messages-api.js';

const ID = '6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6';

describe('toDistribution', () => {
  it('turns the picker values into the API targets', () => {
    expect(toDistribution([`unit:${ID}`, `organisation:${ID}`, `sharing_group:${ID}`, 'all_partners'])).toEqual([
      { kind: 'unit', id: ID },
      { kind: 'organisation', id: ID },
      { kind: 'sharing_group', id: ID },
      { kind: 'all_partners' },
    ]);
  });
  it('addresses a function of the directory', () => {
    expect(toDistribution([`function:${ID}`])).toEqual([{ kind: 'function', id: ID }]);
  });
});

describe('localDateTimeToIso', () => {
  it('reads the local time of a datetime-local input as an instant', () => {
    expect(localDateTimeToIso('2030-05-01T14:30')).toBe(new Date(2030, 4, 1, 14, 30).toISOString());
  });
  it('gives nothing for an empty or broken value', () => {
    expect(localDateTimeToIso('')).toBeUndefined();
    expect(localDateTimeToIso('not a date')).toBeUndefined();
  });
});

describe('parseMessageListSearch', () => {
  it('keeps what it knows and leaves the defaults out of the address', () => {
    expect(parseMessageListSearch({ box: 'sent', kind: 'rfi', q: 'boat', page: 3 })).toEqual({
      box: 'sent',
      kind: 'rfi',
      q: 'boat',
      page: 3,
    });
    expect(parseMessageListSearch({ box: 'inbox', page: 1 })).toEqual({});
  });
  it('knows the four boxes and a unit id', () => {
    for (const box of ['archive', 'sent', 'all'] as const) expect(parseMessageListSearch({ box }).box).toBe(box);
    expect(parseMessageListSearch({ box: 'archive', unit: ID })).toEqual({ box: 'archive', unit: ID });
    expect(parseMessageListSearch({ unit: "x' or '1'='1" })).toEqual({});
    expect(parseMessageListSearch({ unit: [ID] })).toEqual({});
  });
  it('drops anything else a link may carry', () => {
    expect(parseMessageListSearch({ box: "sent' or 1=1", kind: '<script>', page: -2, q: 42, extra: 'x' })).toEqual({});
    expect(parseMessageListSearch({ page: 2.5 })).toEqual({});
    expect(parseMessageListSearch({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });
});

describe('parseComposeSearch', () => {
  it('accepts only a message id to reply to', () => {
    expect(parseComposeSearch({ inReplyTo: ID })).toEqual({ inReplyTo: ID });
    expect(parseComposeSearch({ inReplyTo: '../admin' })).toEqual({});
    expect(parseComposeSearch({ inReplyTo: 7 })).toEqual({});
  });

  it('accepts one recipient chosen beforehand, as the picker holds it', () => {
    expect(parseComposeSearch({ to: `function:${ID}` })).toEqual({ to: `function:${ID}` });
    expect(parseComposeSearch({ to: `unit:${ID}`, inReplyTo: ID })).toEqual({ to: `unit:${ID}`, inReplyTo: ID });
    expect(parseComposeSearch({ to: 'all_partners' })).toEqual({ to: 'all_partners' });
    expect(parseComposeSearch({ to: 'function:../admin' })).toEqual({});
    expect(parseComposeSearch({ to: `user:${ID}` })).toEqual({});
    expect(parseComposeSearch({ to: [`unit:${ID}`] })).toEqual({});
  });
});
