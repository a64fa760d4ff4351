import { SMTPServer } from 'smtp-server';

/** A mail as the SMTP server received it, with the parts a test reads decoded. */
export interface CapturedMail {
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, string>;
}

/**
 * A real SMTP server on a local port (no authentication, no STARTTLS) that keeps every message it
 * accepts. `stop()` and `start()` again on the same port stand for a mail server that went down
 * and came back.
 */
export class SmtpCapture {
  readonly mails: CapturedMail[] = [];
  port = 0;
  #server: SMTPServer | undefined;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({ ...parseMail(raw), to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): CapturedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }
}

// ---- A small MIME reader: enough for the multipart/alternative mails nodemailer writes.

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function qpBytes(value: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) bytes.push(32);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qpBytes(data, true).toString('utf8'),
    );
}

function decodeBody(body: string, encoding = '7bit'): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) return qpBytes(body, false).toString('utf8');
  return body;
}

function parseMail(raw: string): Omit<CapturedMail, 'to' | 'raw'> {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = splitHeaders(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const result = { headers, subject: decodeWords(headers.get('subject') ?? ''), text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${raw.slice(0, split)}\n\n${body}`];
  for (const part of parts) {
    const at = part.search(/\r?\n\r?\n/);
    const partHeaders = splitHeaders(part.slice(0, at).replace(/^\r?\n/, ''));
    const content = decodeBody(part.slice(at).replace(/^\r?\n\r?\n/, ''), partHeaders.get('content-transfer-encoding'));
    const type = partHeaders.get('content-type') ?? '';
    if (type.startsWith('text/html')) result.html = content;
    else if (type.startsWith('text/plain')) result.text = content;
  }
  return result;
}
