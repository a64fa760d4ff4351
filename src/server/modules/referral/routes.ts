import type { FastifyInstance } from 'fastify';
import { caseRoutes } from './cases/routes.js';
import { referralRoutes as referralLifeCycleRoutes } from './referrals/routes.js';
import { screeningRoutes } from './screening/routes.js';
import { serviceRoutes } from './services/routes.js';
import { statisticsRoutes } from './statistics/routes.js';

/** Identification and referral (`/api/v1/services`, `/cases`, `/referrals`, `/referral-statistics`). */
export async function referralRoutes(app: FastifyInstance) {
  await app.register(serviceRoutes);
  await app.register(caseRoutes);
  await app.register(screeningRoutes);
  await app.register(referralLifeCycleRoutes);
  await app.register(statisticsRoutes);
}
