import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders emphasis, lists and links', () => {
    const html = renderMarkdown('**Urgent**\n\n- one\n- two\n\n[report](https://example.org/r)');
    expect(html).toContain('<strong>Urgent</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org/r" rel="noopener noreferrer nofollow" target="_blank">report</a>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(2)> <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops links with unsafe schemes', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>x</b>',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      const html = renderMarkdown(`[click](${url})`);
      expect(html, url).not.toContain('<a ');
    }
  });

  it('turns images into links so opening a message fetches nothing', () => {
    expect(renderMarkdown('![map](https://example.org/p.png)')).not.toContain('<img');
    expect(renderMarkdown('![x](javascript:alert(1))')).not.toContain('href');
  });

  it('links bare addresses', () => {
    expect(renderMarkdown('see https://example.org')).toContain('href="https://example.org"');
  });

  it('answers a text seen before from its cache exactly as the first time, still escaped', () => {
    const hostile = `<script>alert(${Math.random()})</script> **bold**`;
    const first = renderMarkdown(hostile);
    expect(first).not.toContain('<script>');
    expect(renderMarkdown(hostile)).toBe(first);
    // Many other texts later (the cache keeps a bounded number), the text still renders the same.
    for (let i = 0; i < 2500; i++) renderMarkdown(`filler ${i}`);
    expect(renderMarkdown(hostile)).toBe(first);
  });
});
