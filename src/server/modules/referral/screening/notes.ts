import type { ActorContext } from '../../../platform/context.js';
import { decide } from '../../../platform/policy/policy.js';
import { type CaseHead, caseRecordOf } from '../cases/case-access.js';
import { auditPersonalRead } from '../cases/personal-read.js';

/**
 * The free-text notes of screenings and best-interests steps are personal data. Only the case
 * workers of the unit that owns the case read them (those who may change it: a unit the case is
 * referred to sees the consented fields only, a supervisor none), and each read is audited with the
 * names of what was read, never the text.
 */
export const readsNotes = (ctx: ActorContext, head: CaseHead) =>
  !head.pseudonymised && decide(ctx.actor, 'case.edit', caseRecordOf(head)).allow;

/** Whether the reader may add screenings, consents and steps now (the server checks again on each). */
export const mayEdit = (ctx: ActorContext, head: CaseHead) => readsNotes(ctx, head) && head.status === 'open';

/** Decrypts the notes the reader may read (null otherwise) and audits the read when any were read. */
export async function readNotes<T extends { id: string; notesEnc: string | null }>(
  ctx: ActorContext,
  head: CaseHead,
  records: readonly T[],
  field: string,
): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  if (!readsNotes(ctx, head)) return notes;
  for (const record of records) if (record.notesEnc) notes.set(record.id, await ctx.personalData.decrypt(record.notesEnc));
  if (notes.size > 0) await auditPersonalRead(ctx, head.id, [field]);
  return notes;
}
