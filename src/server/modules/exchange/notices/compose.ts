import type { EventType } from '../../../platform/events/record.js';
import { mailTexts } from './mail-texts.js';

/** What a TLP:CLEAR or TLP:GREEN notice may name. Never read, never passed, for anything above GREEN. */
export interface RecordDetails {
  kind: 'message' | 'rfi' | 'alert';
  /** The message's subject or the alert's title. */
  subject: string;
  unit: string;
  organisation: string;
}

export interface NoticeInput {
  locale: string;
  type: EventType;
  recordType: 'message' | 'alert';
  recordId: string;
  handlingCode: string;
  publicUrl: string;
  details: RecordDetails | null;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Only TLP:CLEAR and TLP:GREEN may travel by e-mail. Anything else — AMBER+STRICT, AMBER, RED, or
 * a code this function does not know — gets the kind, the code and the link, and nothing more.
 */
export const mayName = (handlingCode: string) => handlingCode === 'TLP:GREEN' || handlingCode === 'TLP:CLEAR';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** One line of header-safe text: no control characters (no header injection), bounded length. */
const oneLine = (value: string, max: number) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const flat = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function composeNotice(input: NoticeInput): ComposedMail {
  const t = mailTexts(input.locale);
  const details = mayName(input.handlingCode) ? input.details : null;
  const code = oneLine(input.handlingCode, 20);
  const headline = details?.kind === 'rfi' && input.type === 'message.new' ? t.newRfi : t.headline[input.type];
  const path = input.recordType === 'alert' ? 'alerts' : 'messages';
  const link = `${input.publicUrl}/${path}/${encodeURIComponent(input.recordId)}`;
  const settingsLink = `${input.publicUrl}/account#notices`;
  const named = details ? oneLine(details.subject, 150) : null;
  const subject = named ? `[${code}] ${headline}: ${named}` : `[${code}] ${headline}`;

  const facts: [string, string][] = details
    ? [
        [details.kind === 'alert' ? t.titleLabel : t.subjectLabel, oneLine(details.subject, 300)],
        [t.fromLabel, `${oneLine(details.unit, 200)}, ${oneLine(details.organisation, 200)}`],
      ]
    : [];
  const restricted = details ? null : t.restricted.replace('{code}', code);

  const text = [
    `${headline} (${code})`,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(restricted ? [restricted] : []),
    '',
    `${t.open}: ${link}`,
    '',
    '-- ',
    t.why,
    `${t.settings}: ${settingsLink}`,
    '',
  ].join('\n');

  const dir = input.locale === 'ar' ? 'rtl' : 'ltr';
  // Codes and links are Latin text inside a possibly right-to-left mail: isolated with <bdi>/dir.
  const html = `<!doctype html>
<html lang="${escapeHtml(input.locale)}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; color: #1a1a1a">
<p><strong>${escapeHtml(headline)}</strong> (<bdi>${escapeHtml(code)}</bdi>)</p>
${facts.map(([label, value]) => `<p>${escapeHtml(label)}: <bdi>${escapeHtml(value)}</bdi></p>`).join('\n')}
${restricted ? `<p>${escapeHtml(restricted)}</p>` : ''}
<p><a href="${escapeHtml(link)}" dir="ltr">${escapeHtml(t.open)}</a></p>
<hr>
<p style="font-size: small; color: #555">${escapeHtml(t.why)} <a href="${escapeHtml(settingsLink)}">${escapeHtml(t.settings)}</a></p>
</body></html>
`;
  return { subject, text, html };
}
