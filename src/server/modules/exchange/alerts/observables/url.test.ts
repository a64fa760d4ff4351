import { describe, expect, it } from 'vitest';
import { normaliseObservable } from './index.js';

const url = (raw: unknown) => normaliseObservable('url', raw);

describe('web addresses', () => {
  it.each([
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com/a/', 'https://example.com/a'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/a?utm_source=fb&utm_medium=social&id=7', 'https://example.com/a?id=7'],
    ['https://example.com/a?fbclid=IwAR0x&gclid=abc', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    ['www.example.com/offre', 'https://www.example.com/offre'],
    ['example.com:8080/x', 'https://example.com:8080/x'],
    ['https://Exämple.com/voyage', 'https://xn--exmple-cua.com/voyage'],
    ['https://موقع.وزارة-الاتصالات.مصر/', 'https://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c'],
    ['http://192.168.10.1/panel', 'http://192.168.10.1/panel'],
  ])('"%s" matches as %s', (raw, value) => {
    expect(url(raw)).toMatchObject({ ok: true, kind: 'url', value });
  });

  it('gives one value for the same page shared with different tracking', () => {
    const a = url('https://www.Example.com/trip/?utm_source=whatsapp#top');
    const b = url('https://www.example.com/trip?utm_campaign=x');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
  });

  it('keeps the address as written for display', () => {
    expect(url(' https://example.com/a?utm_source=x ')).toMatchObject({ display: 'https://example.com/a?utm_source=x' });
  });

  it.each([
    ['javascript:alert(document.cookie)', 'url_scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'url_scheme'],
    ['file:///etc/passwd', 'url_scheme'],
    ['ftp://example.com/file', 'url_invalid'],
    ['https://', 'url_invalid'],
    ['https://localhost/admin', 'url_invalid'],
    ['not a url', 'url_spaces'],
    ['https://exa mple.com', 'url_spaces'],
    ['https://example.com/<script>', 'markup'],
  ])('refuses %s', (raw, code) => {
    expect(url(raw)).toMatchObject({ ok: false, code });
  });

  it('refuses addresses longer than 2048 characters', () => {
    expect(url(`https://example.com/${'a'.repeat(2100)}`)).toMatchObject({ ok: false, code: 'too_long' });
  });
});
