import MarkdownIt from 'markdown-it';

/**
 * Markdown of messages and alerts, rendered to HTML on the server so every client shows the same
 * safe markup. Raw HTML in the source is escaped (never passed through), only http(s) and mailto
 * links survive (markdown-it's validateLink already refuses javascript:, vbscript:, file: and most
 * data: URLs; we narrow it further), and every link opens outside the app without a referrer.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const SAFE_LINK = /^(https?:|mailto:)/i;
markdown.validateLink = (url) => SAFE_LINK.test(url.trim());

const renderLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i].attrSet('rel', 'noopener noreferrer nofollow');
  tokens[i].attrSet('target', '_blank');
  return renderLinkOpen(tokens, i, options, env, self);
};
// Images would fetch from anywhere when a message is opened (a tracking pixel): shown as links instead.
markdown.renderer.rules.image = (tokens, i) => {
  const token = tokens[i];
  const src = String(token.attrGet('src') ?? '');
  const alt = markdown.utils.escapeHtml(String(token.content || src));
  return SAFE_LINK.test(src)
    ? `<a href="${markdown.utils.escapeHtml(src)}" rel="noopener noreferrer nofollow" target="_blank">${alt}</a>`
    : alt;
};

/**
 * Rendered texts, by source: messages and alerts never change once sent, and an inbox page shows
 * the same twenty bodies to every reader of a unit, so each is parsed once rather than per request.
 * Bounded in entries and in the length of what is kept; the oldest entry goes first.
 */
const CACHE_ENTRIES = 2000;
const CACHE_MAX_SOURCE = 16 * 1024;
const rendered = new Map<string, string>();

export function renderMarkdown(source: string): string {
  const cached = rendered.get(source);
  if (cached !== undefined) return cached;
  const html = markdown.render(source);
  if (source.length <= CACHE_MAX_SOURCE) {
    if (rendered.size >= CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string);
    rendered.set(source, html);
  }
  return html;
}
