import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CycleDetail, CycleList, ReportDetail, ReviewComment } from '../../../../shared/followup/cycles-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { cycleReportPdf } from './export-service.js';
import {
  ACTIONS_DUE_JOB,
  actionsDueJob,
  DEADLINE_JOB,
  deadlineJob,
  REMINDER_JOB,
  reminderJob,
  scheduleActionsDue,
} from './jobs.js';
import * as reports from './reports-service.js';
import {
  CloseCycleBody,
  CommentBody,
  CycleListQuery,
  OpenCycleBody,
  PdfQuery,
  ReturnReportBody,
  RevisionBody,
  SaveReportBody,
} from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const BASE = '/api/v1/followup';

/**
 * Review cycles, partners' reports, peer comments, reminders and the cycle report. Routes check the
 * role; services check each report against `report.read`/`report.edit`/`report.comment`.
 */
export async function cycleRoutes(app: FastifyInstance) {
  const { db, config } = app.platform;
  app.jobs.handle(REMINDER_JOB, reminderJob(config.publicUrl));
  app.jobs.handle(DEADLINE_JOB, deadlineJob(config.publicUrl));
  app.jobs.handle(ACTIONS_DUE_JOB, actionsDueJob(config.publicUrl));
  // The daily reminder of actions due keeps one run waiting in the queue; the first start queues it.
  app.addHook('onReady', async () => scheduleActionsDue(db, null, 0));

  const tags = ['followup'];
  const read = { policy: 'followup.read' as const };
  const manage = { policy: 'cycle.manage' as const };
  const decide = { policy: 'report.decide' as const };

  app.get(
    `${BASE}/cycles`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Review cycles you take part in',
        querystring: CycleListQuery,
        response: replies({ 200: CycleList }),
      },
    },
    async (request) => service.listCycles(actorContext(request), request.query as CycleListQuery),
  );
  app.post(
    `${BASE}/cycles`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open a review cycle: each partner gets its report and a task in its inbox',
        body: OpenCycleBody,
        response: replies({ 201: CycleDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.openCycle(actorContext(request), request.body as OpenCycleBody)),
  );
  app.get(
    `${BASE}/cycles/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A review cycle and its partners’ progress',
        params: IdParams,
        response: replies({ 200: CycleDetail }),
      },
    },
    async (request) => service.getCycle(actorContext(request), idOf(request)),
  );
  app.post(
    `${BASE}/cycles/:id/close`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Close a review cycle with its summary',
        params: IdParams,
        body: CloseCycleBody,
        response: replies({ 200: CycleDetail }),
      },
    },
    async (request) => service.closeCycle(actorContext(request), idOf(request), request.body as CloseCycleBody),
  );
  app.get(
    `${BASE}/cycles/:id/report.pdf`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The cycle report as PDF: progress, charts, reports and comments you may see',
        params: IdParams,
        querystring: PdfQuery,
        response: replies({ 200: Type.String({ format: 'binary', description: 'application/pdf' }) }),
      },
    },
    async (request, reply) => {
      const pdf = await cycleReportPdf(actorContext(request), idOf(request), (request.query as PdfQuery).lang ?? 'en');
      return reply
        .header('content-disposition', `attachment; filename="review-cycle-${idOf(request)}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );
  app.get(
    `${BASE}/reports/:id`,
    { config: read, schema: { tags, summary: 'A partner’s report', params: IdParams, response: replies({ 200: ReportDetail }) } },
    async (request) => reports.getReport(actorContext(request), idOf(request)),
  );
  app.put(
    `${BASE}/reports/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Save your organisation’s report as a draft',
        params: IdParams,
        body: SaveReportBody,
        response: replies({ 200: ReportDetail }),
      },
    },
    async (request) => reports.saveDraft(actorContext(request), idOf(request), request.body as SaveReportBody),
  );
  app.post(
    `${BASE}/reports/:id/submit`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Submit your organisation’s report',
        params: IdParams,
        body: RevisionBody,
        response: replies({ 200: ReportDetail }),
      },
    },
    async (request) => reports.submit(actorContext(request), idOf(request), request.body as RevisionBody),
  );
  app.post(
    `${BASE}/reports/:id/return`,
    {
      config: decide,
      schema: {
        tags,
        summary: 'Return a report for completion, with a reason',
        params: IdParams,
        body: ReturnReportBody,
        response: replies({ 200: ReportDetail }),
      },
    },
    async (request) => reports.returnReport(actorContext(request), idOf(request), request.body as ReturnReportBody),
  );
  app.post(
    `${BASE}/reports/:id/accept`,
    {
      config: decide,
      schema: {
        tags,
        summary: 'Accept a submitted report',
        params: IdParams,
        body: RevisionBody,
        response: replies({ 200: ReportDetail }),
      },
    },
    async (request) => reports.accept(actorContext(request), idOf(request), request.body as RevisionBody),
  );
  app.post(
    `${BASE}/reports/:id/comments`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Comment on a partner’s report (secretariat and peer reviewers)',
        params: IdParams,
        body: CommentBody,
        response: replies({ 201: ReviewComment }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reports.comment(actorContext(request), idOf(request), request.body as CommentBody)),
  );
}
