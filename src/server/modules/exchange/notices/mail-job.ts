import type { Config } from '../../../config.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { composeNotice, mayName, type RecordDetails } from './compose.js';
import type { Mailer } from './mailer.js';
import { isRecipient } from './recipients.js';
import * as repo from './repository.js';
import type { NoticeJobPayload } from './sweep.js';

/**
 * Sends one notice. Everything is read again when the mail goes: the user may have opted out,
 * left a unit or been deactivated since the job was queued, and the job holds ids only, no content.
 * A TLP:CLEAR/GREEN record's subject and sender unit are read (through the visibility rule) only
 * when both the event and the record itself are at or below GREEN.
 */
export function noticeMailJob(config: Pick<Config, 'publicUrl'>, mailer: () => Mailer | undefined): JobHandler<NoticeJobPayload> {
  return {
    async run({ job, db }) {
      const transport = mailer();
      if (!transport) return { skipped: 'no-smtp' };
      const event = await repo.findEvent(db, job.payload.seq);
      const [recipient] = await repo.candidates(db, job.payload.userId);
      if (!event || !recipient || !isRecipient(event, recipient)) return { skipped: 'not-a-recipient' };
      let details: RecordDetails | null = null;
      if (mayName(event.access.handlingCode)) {
        const record = await repo.recordDetails(db, recipient.viewer, event);
        if (!record) return { skipped: 'not-visible' };
        if (mayName(record.handlingCode)) {
          details = { kind: record.kind, subject: record.subject, unit: record.unit, organisation: record.organisation };
        }
      }
      const mail = composeNotice({
        locale: recipient.locale,
        type: event.type,
        recordType: event.recordType,
        recordId: event.recordId,
        handlingCode: event.access.handlingCode,
        publicUrl: config.publicUrl,
        details,
      });
      await transport.send(recipient.email, mail);
      return { sent: true };
    },
  };
}
