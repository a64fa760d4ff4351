import { describe, expect, it } from 'vitest';
import { normaliseObservable, type SocialPlatform } from './index.js';

const handle = (raw: unknown, platform?: SocialPlatform) => normaliseObservable('handle', raw, { platform });

describe('social-media handles', () => {
  it.each([
    ['@Passeur_Nador', 'telegram', 'telegram:passeur_nador'],
    ['Passeur_Nador', 'telegram', 'telegram:passeur_nador'],
    ['@JackDorsey', 'x', 'x:jackdorsey'],
    ['@Some.One_', 'instagram', 'instagram:some.one_'],
    ['@travel.europe', 'tiktok', 'tiktok:travel.europe'],
    ['@John.Smith', 'facebook', 'facebook:johnsmith'],
    ['+212 661 23 45 67', 'whatsapp', 'whatsapp:+212661234567'],
    ['212661234567', 'whatsapp', 'whatsapp:+212661234567'],
  ] as const)('%s on %s is %s', (raw, platform, value) => {
    expect(handle(raw, platform)).toMatchObject({ ok: true, kind: 'handle', value, platform: value.split(':')[0] });
  });

  it.each([
    ['telegram:@Passeur_Nador', 'telegram:passeur_nador'],
    ['Telegram: passeur_nador', 'telegram:passeur_nador'],
    ['twitter:@Jack', 'x:jack'],
    ['x:@jack', 'x:jack'],
    ['ig:some.one', 'instagram:some.one'],
  ])('reads the platform written before the handle: %s', (raw, value) => {
    expect(handle(raw)).toMatchObject({ ok: true, value });
  });

  it.each([
    ['https://t.me/Passeur_Nador', 'telegram:passeur_nador'],
    ['t.me/passeur_nador', 'telegram:passeur_nador'],
    ['https://t.me/s/passeur_nador', 'telegram:passeur_nador'],
    ['https://t.me/passeur_nador/1234', 'telegram:passeur_nador'],
    ['https://telegram.me/passeur_nador', 'telegram:passeur_nador'],
    ['https://twitter.com/Jack', 'x:jack'],
    ['https://x.com/jack/status/20', 'x:jack'],
    ['https://mobile.twitter.com/jack', 'x:jack'],
    ['https://www.tiktok.com/@Travel.Europe?lang=fr', 'tiktok:travel.europe'],
    ['https://www.instagram.com/some.one/', 'instagram:some.one'],
    ['https://m.facebook.com/john.smith', 'facebook:johnsmith'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook:100012345678901'],
    ['https://wa.me/212661234567', 'whatsapp:+212661234567'],
    ['https://api.whatsapp.com/send?phone=221771234567', 'whatsapp:+221771234567'],
  ])('recognises the profile address %s', (raw, value) => {
    expect(handle(raw)).toMatchObject({ ok: true, value });
  });

  it('gives one value for a handle written in text and as a profile address', () => {
    const written = handle('@Passeur_Nador', 'telegram');
    const linked = handle('https://t.me/passeur_nador');
    expect(written.ok && linked.ok && written.value === linked.value).toBe(true);
  });

  it('shows the platform and the handle as written', () => {
    expect(handle('@Passeur_Nador', 'telegram')).toMatchObject({ display: 'Telegram @Passeur_Nador' });
  });

  it('needs a platform for a bare handle', () => {
    expect(handle('@passeur_nador')).toMatchObject({ ok: false, code: 'handle_platform_needed' });
    expect(handle('@passeur_nador', 'myspace' as SocialPlatform)).toMatchObject({ ok: false, code: 'handle_unknown_platform' });
  });

  it.each([
    ['https://t.me/joinchat/AbCdEf123'],
    ['https://t.me/+AbCdEf123'],
    ['https://www.instagram.com/p/Cx1y2z3/'],
    ['https://www.facebook.com/groups/123456'],
    ['https://x.com/search?q=boats'],
    ['https://example.com/passeur'],
    ['https://t.me/'],
    ['https://www.facebook.com/profile.php?id=abc'],
  ])('refuses %s, which is not a profile', (raw) => {
    expect(handle(raw)).toMatchObject({ ok: false, code: 'handle_not_a_profile' });
  });

  it.each([
    ['@abc', 'telegram'],
    ['@1passeur', 'telegram'],
    ['@name-with-dash', 'x'],
    ['@this_name_is_too_long_for_x', 'x'],
    ["@x' OR 1=1--", 'instagram'],
    ['@تجربة', 'telegram'],
    ['0661234567', 'whatsapp'],
  ] as const)('refuses %s on %s', (raw, platform) => {
    expect(handle(raw, platform)).toMatchObject({ ok: false, code: 'handle_invalid' });
  });
});
