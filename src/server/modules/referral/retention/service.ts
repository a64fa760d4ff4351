import { appendAuditInTransaction } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { dueCases, finishRun, pseudonymise, startRun } from './repository.js';

export interface RetentionResult {
  runId: number;
  pseudonymised: number;
  byType: Record<string, number>;
}

const BATCH = 200;

/**
 * Pseudonymises every closed case whose retention period is over: its personal fields and blind
 * index are erased, the pseudonymous record (reference, type, screenings' codes, referrals) and its
 * statistics stay. One transaction per batch, so a run stopped half-way leaves whole cases done and
 * the next run does the rest; a second run finds nothing to do. Each run is a `retention_runs` row
 * and an audit entry with its counts (never a name).
 */
export async function runRetention(
  db: Db,
  options: { now?: Date; shouldStop?: () => void; trigger?: 'job' | 'cli' } = {},
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const runId = await startRun(db);
  const byType: Record<string, number> = {};
  let total = 0;
  for (;;) {
    options.shouldStop?.();
    const due = await dueCases(db, now, BATCH);
    if (due.length === 0) break;
    const done = await db.transaction().execute((trx) =>
      pseudonymise(
        trx,
        due.map((c) => c.id),
      ),
    );
    for (const c of due.filter((c) => done.includes(c.id))) byType[c.caseType] = (byType[c.caseType] ?? 0) + 1;
    total += done.length;
    if (due.length < BATCH) break;
  }
  await db.transaction().execute(async (trx) => {
    await finishRun(trx, runId, total, { byType, trigger: options.trigger ?? 'job' });
    await appendAuditInTransaction(trx, [
      {
        action: 'referral.retention.run',
        outcome: 'success',
        targetType: 'retention_run',
        targetId: String(runId),
        details: { pseudonymised: total, byType, trigger: options.trigger ?? 'job' },
      },
    ]);
  });
  return { runId, pseudonymised: total, byType };
}
