import type { Db } from '../../../platform/db/database.js';
import { recordEvent } from '../../../platform/events/record.js';
import * as repo from './repository.js';

/**
 * Reminds open RFIs whose deadline comes within `leadHours` (overdue ones never reminded too): one
 * transaction per RFI marks it reminded and records an 'rfi.reminder' event with the RFI's own
 * access, which the live stream and the e-mail notices then pick up. Returns the reminded ids.
 */
export async function sweepReminders(db: Db, leadHours: number): Promise<string[]> {
  const reminded: string[] = [];
  for (;;) {
    const due = await repo.dueRfis(db, leadHours, 100);
    let progressed = false;
    for (const id of due) {
      const done = await db.transaction().execute(async (trx) => {
        const access = await repo.markReminded(trx, id, leadHours);
        if (!access) return false;
        await recordEvent(trx, {
          type: 'rfi.reminder',
          recordType: 'message',
          recordId: id,
          access,
        });
        return true;
      });
      if (done) reminded.push(id);
      progressed ||= done;
    }
    // Another sweep took them all: stop rather than read the same rows again.
    if (due.length < 100 || !progressed) return reminded;
  }
}
