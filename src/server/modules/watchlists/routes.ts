import type { FastifyInstance } from 'fastify';
import { batchRoutes } from './batches/routes.js';
import { entryRoutes } from './entries/routes.js';
import { watchlistRoutes } from './lists/routes.js';
import { reviewRoutes } from './review/routes.js';
import { screeningRoutes } from './screening/routes.js';

/** Watch-lists and name screening (`/api/v1/watchlists`, `/api/v1/screening`). */
export async function watchlistModuleRoutes(app: FastifyInstance) {
  await app.register(watchlistRoutes);
  await app.register(entryRoutes);
  await app.register(screeningRoutes);
  await app.register(reviewRoutes);
  await app.register(batchRoutes);
}
