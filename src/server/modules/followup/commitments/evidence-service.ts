import type { FastifyRequest } from 'fastify';
import type { EvidenceUpload } from '../../../../shared/followup/contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { MAX_EVIDENCE_BYTES } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { openAudited, upload } from '../../exchange/attachments/service.js';
import * as indicatorsRepo from './indicators-repository.js';
import { auditRead, visibleCommitment } from './service.js';

/**
 * Evidence files of measurements live in the attachment store (content-addressed, sniffed, programs
 * refused), with a 10 MB limit. An upload is its uploader's own until a measurement names it; the
 * file is then read wherever the measurement's commitment may be read, and every download is audited.
 */

const evidenceLimit = {
  bytes: MAX_EVIDENCE_BYTES,
  tooLarge: () =>
    problem(
      FOLLOWUP_PROBLEMS,
      'evidence-too-large',
      `An evidence file may be at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB; nothing was stored.`,
    ),
};

export async function uploadEvidence(ctx: ActorContext, request: FastifyRequest): Promise<EvidenceUpload> {
  const { id, filename, size, mediaType } = await upload(ctx, request, evidenceLimit);
  return { id, filename, size, mediaType };
}

/** The evidence file of a measurement whose commitment the viewer may see; anything else is 404. */
export async function downloadEvidence(ctx: ActorContext, measurementId: string) {
  const measurement = await indicatorsRepo.findMeasurement(ctx.db, measurementId);
  if (!measurement?.attachment) throw notFound('evidence');
  const commitment = await visibleCommitment(ctx, measurement.commitmentId).catch(() => {
    throw notFound('evidence');
  });
  await auditRead(ctx, [commitment], { via: 'evidence', measurementId });
  const file = measurement.attachment;
  return openAudited(ctx, file, {
    measurementId: measurement.id,
    commitmentId: commitment.id,
    sha256: file.sha256,
    handlingCode: commitment.handlingCode,
  });
}
