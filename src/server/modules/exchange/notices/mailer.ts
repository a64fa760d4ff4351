import nodemailer from 'nodemailer';
import type { Config } from '../../../config.js';
import type { ComposedMail } from './compose.js';

export interface Mailer {
  send(to: string, mail: ComposedMail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer, one connection per mail: a server that went down and came back needs no
 * reconnection logic, and the job queue retries a failed send. Short timeouts so a dead server
 * fails the attempt instead of holding a job for minutes. Undefined without `LIAISON_SMTP_URL`.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: config.mailFrom },
  );
  return {
    async send(to, mail) {
      await transport.sendMail({
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // Automatic mail: no out-of-office replies back to the platform.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
