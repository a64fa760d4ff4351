import type { FastifyInstance } from 'fastify';
import { NoticePreferences } from '../../../../shared/exchange/notices/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { noticeMailJob } from './mail-job.js';
import { createMailer } from './mailer.js';
import { Periodic } from './periodic.js';
import { sweepReminders } from './reminders.js';
import { NoticePreferencesBody } from './schemas.js';
import * as service from './service.js';
import { NOTICE_JOB_KIND, sweepNotices } from './sweep.js';

/**
 * E-mail notices of exchange events and RFI deadline reminders: the account's notice settings, the
 * sweep that turns events into mail jobs, the mail job, and the reminder sweep. The sweeps start
 * when the app is ready and stop when it closes.
 */
export async function noticeRoutes(app: FastifyInstance) {
  const { db, config } = app.platform;
  const mailer = createMailer(config);
  app.jobs.handle(
    NOTICE_JOB_KIND,
    noticeMailJob(config, () => mailer),
  );

  const notices = new Periodic(
    'notices',
    config.noticeSweepMs,
    async () => {
      if ((await sweepNotices(db, config)) > 0) app.jobs.wake();
    },
    app.log,
  );
  const reminders = new Periodic(
    'rfi-reminders',
    config.rfiReminderSweepMs,
    // A reminder is an event like any other: mail it without waiting for the next notice sweep.
    async () => {
      if ((await sweepReminders(db, config.rfiReminderHours)).length > 0 && config.noticeSweepMs > 0) await notices.runNow();
    },
    app.log,
  );
  app.addHook('onReady', async () => {
    notices.start();
    reminders.start();
  });
  app.addHook('onClose', async () => {
    await reminders.stop();
    await notices.stop();
    mailer?.close();
  });

  const tags = ['account'];
  app.get(
    '/api/v1/account/notices',
    {
      config: { policy: 'account.read' },
      schema: { tags, summary: 'My e-mail notice settings', response: replies({ 200: NoticePreferences }) },
    },
    async (request) => service.getPreferences(actorContext(request)),
  );
  app.put(
    '/api/v1/account/notices',
    {
      config: { policy: 'account.update' },
      schema: {
        tags,
        summary: 'Turn e-mail notices on or off, and choose which kinds',
        description:
          'Mails go to the account’s own address. Above TLP:GREEN a notice carries only the kind of record, its handling code and a link.',
        body: NoticePreferencesBody,
        response: replies({ 200: NoticePreferences }),
      },
    },
    async (request) => service.savePreferences(actorContext(request), request.body as NoticePreferencesBody),
  );
}
