import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ActorContext } from '../../../platform/context.js';
import * as repo from './repository.js';
import type { MapQuery } from './schemas.js';
import { resolveFilters } from './service.js';

/** Features drawn at most; the list and export remain for more. */
export const MAP_LIMIT = 2000;

/**
 * The alerts of a filtered view as GeoJSON (one feature per visible alert that has an area drawn)
 * and the number of visible alerts per area country, for shading the map.
 */
export async function alertMap(ctx: ActorContext, query: MapQuery) {
  const filters = resolveFilters(query);
  const rows = await repo.mapAlerts(ctx.db, ctx.viewer, filters, MAP_LIMIT);
  const sensitive = rows.filter((row) => isAboveGreen(row.handlingCode)).map((row) => row.id);
  // One audit row for the map, naming the AMBER/RED alerts whose titles it shows.
  if (sensitive.length > 0) {
    await ctx.audit({
      action: 'alert.read',
      outcome: 'success',
      targetType: 'alert',
      details: { view: 'map', alerts: sensitive },
    });
  }
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.id,
      geometry: row.areaGeometry,
      properties: {
        id: row.id,
        title: row.title,
        category: row.category,
        severity: row.severity,
        handlingCode: row.handlingCode,
        countries: row.areaCountries,
        label: row.areaLabel,
      },
    })),
    countries: await repo.countryCounts(ctx.db, ctx.viewer, filters),
    capped: rows.length === MAP_LIMIT,
  };
}
