import { describe, expect, it } from 'vitest';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { composeNotice, type NoticeInput } from './compose.js';

const details = {
  kind: 'message' as const,
  subject: 'Pirogue departures near Dakhla',
  unit: 'National anti-smuggling unit',
  organisation: 'Fictional Directorate',
};
const input = (over: Partial<NoticeInput> = {}): NoticeInput => ({
  locale: 'en',
  type: 'message.new',
  recordType: 'message',
  recordId: '5f2b6c1e-0000-4000-8000-000000000001',
  handlingCode: 'TLP:GREEN',
  publicUrl: 'https://liaison.example.org',
  details,
  ...over,
});
const all = (mail: { subject: string; text: string; html: string }) => `${mail.subject}\n${mail.text}\n${mail.html}`;

describe('composeNotice', () => {
  it('names the subject and sender unit of a TLP:CLEAR or TLP:GREEN record, with the link', () => {
    for (const handlingCode of ['TLP:GREEN', 'TLP:CLEAR']) {
      const mail = composeNotice(input({ handlingCode }));
      expect(mail.subject).toBe(`[${handlingCode}] New message: Pirogue departures near Dakhla`);
      expect(mail.text).toContain('From: National anti-smuggling unit, Fictional Directorate');
      expect(mail.text).toContain('https://liaison.example.org/messages/5f2b6c1e-0000-4000-8000-000000000001');
      expect(mail.html).toContain('href="https://liaison.example.org/messages/5f2b6c1e-0000-4000-8000-000000000001"');
    }
  });

  it('carries only the kind, the code and the link above TLP:GREEN, even when details are passed', () => {
    for (const handlingCode of [...HANDLING_CODES.filter((c) => c !== 'TLP:GREEN' && c !== 'TLP:CLEAR'), 'TLP:UNKNOWN']) {
      const mail = composeNotice(input({ handlingCode }));
      expect(mail.subject).toBe(`[${handlingCode}] New message`);
      for (const word of ['Pirogue', 'Dakhla', 'anti-smuggling', 'Fictional']) expect(all(mail)).not.toContain(word);
      expect(mail.text).toContain(`The content of a ${handlingCode} record is never sent by e-mail.`);
      expect(mail.text).toContain('/messages/5f2b6c1e-0000-4000-8000-000000000001');
    }
  });

  it('escapes markup in the HTML part and keeps header text on one line', () => {
    const mail = composeNotice(
      input({ details: { ...details, subject: '<script>alert("x")</script> & co\r\nBcc: someone@example.org' } }),
    );
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(mail.html).not.toContain('<script>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('& co Bcc: someone@example.org');
  });

  it('links alerts to the alert page and says what an RFI is when it may', () => {
    expect(
      composeNotice(input({ type: 'alert.new', recordType: 'alert', details: null, handlingCode: 'TLP:RED' })).text,
    ).toContain('https://liaison.example.org/alerts/5f2b6c1e-0000-4000-8000-000000000001');
    expect(composeNotice(input({ details: { ...details, kind: 'rfi' } })).subject).toContain('New request for information');
  });

  it('writes in the recipient’s language, Arabic right to left, English otherwise', () => {
    expect(composeNotice(input({ locale: 'fr' })).subject).toContain('Nouveau message');
    const arabic = composeNotice(input({ locale: 'ar', handlingCode: 'TLP:AMBER' }));
    expect(arabic.subject).toBe('[TLP:AMBER] رسالة جديدة');
    expect(arabic.html).toContain('dir="rtl"');
    expect(composeNotice(input({ locale: 'xx' })).subject).toContain('New message');
  });

  it('shortens a very long subject', () => {
    const mail = composeNotice(input({ details: { ...details, subject: 'word '.repeat(200) } }));
    expect(mail.subject.length).toBeLessThan(200);
  });
});
