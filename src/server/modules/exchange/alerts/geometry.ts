import type { Geometry } from '../../../../shared/exchange/alerts/contract.js';
import { ALERT_PROBLEMS } from '../../../../shared/exchange/alerts/problems.js';
import { MAX_GEOMETRY_POINTS } from '../../../../shared/exchange/alerts/vocabulary.js';
import { problem } from '../../../platform/errors.js';

/**
 * What the schema cannot say about an alert's area: a polygon's rings are closed, hold at least
 * three distinct corners, and all rings together stay under the point budget (the map draws them
 * in every recipient's browser). Ranges and shapes are the schema's job.
 */
export function checkGeometry(geometry: Geometry | undefined): void {
  if (!geometry || geometry.type === 'Point') return;
  let points = 0;
  geometry.coordinates.forEach((ring, index) => {
    points += ring.length;
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      throw invalidGeometry(`Ring ${index} of the polygon is not closed: its last point must repeat its first.`);
    }
    if (new Set(ring.slice(0, -1).map(([lon, lat]) => `${lon},${lat}`)).size < 3) {
      throw invalidGeometry(`Ring ${index} of the polygon needs at least three distinct corners.`);
    }
  });
  if (points > MAX_GEOMETRY_POINTS) {
    throw invalidGeometry(`The polygon has ${points} points; at most ${MAX_GEOMETRY_POINTS} are accepted.`);
  }
}

const invalidGeometry = (detail: string) => problem(ALERT_PROBLEMS, 'invalid-geometry', detail);
