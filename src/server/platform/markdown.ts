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

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
