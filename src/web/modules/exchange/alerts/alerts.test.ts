import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.js';
import { alertKeys, exportLink, parseAlertSearch } from './alerts-api.js';
import { emptyArea, geometryOf } from './area.js';
import { fieldOfProblem } from './problem-fields.js';

describe('parseAlertSearch', () => {
  it('keeps known filters and drops anything else', () => {
    expect(
      parseAlertSearch({
        category: 'document_fraud',
        severity: 'critical',
        country: 'MA',
        status: 'all',
        q: ' boats ',
        observable: '+212 661',
        page: '3',
        view: 'map',
      }),
    ).toEqual({
      category: 'document_fraud',
      severity: 'critical',
      country: 'MA',
      status: 'all',
      q: ' boats ',
      observable: '+212 661',
      page: 3,
      view: 'map',
    });
    expect(
      parseAlertSearch({
        category: "x' or 1=1",
        severity: 'urgent',
        country: 'morocco',
        status: 'deleted',
        page: '-1',
        view: 'table',
        q: '',
      }),
    ).toEqual({});
    expect(parseAlertSearch({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });
});

describe('export link and query keys', () => {
  it('carries the filters but not the page or view', () => {
    const link = exportLink({ country: 'SN', q: 'a&b', page: 4, view: 'map' }, 'csv');
    expect(link).toBe('/api/v1/alerts/export?format=csv&country=SN&q=a%26b');
    expect(exportLink({ country: 'SN' }, 'csv', 'ar')).toBe('/api/v1/alerts/export?format=csv&country=SN&lang=ar');
    expect(exportLink({ country: 'SN' }, 'json', 'ar')).toBe('/api/v1/alerts/export?format=json&country=SN');
  });
  it('keeps every key under alerts, so invalidating ["alerts"] refreshes the board', () => {
    expect(alertKeys.list({ page: 2 })[0]).toBe('alerts');
    expect(alertKeys.map({})[0]).toBe('alerts');
    expect(alertKeys.one('x')[0]).toBe('alerts');
  });
});

describe('geometryOf', () => {
  it('reads a point as GeoJSON longitude, latitude', () => {
    expect(geometryOf({ ...emptyArea, shape: 'point', latitude: '27,94', longitude: '-12.92' })).toEqual({
      geometry: { type: 'Point', coordinates: [-12.92, 27.94] },
    });
  });
  it('refuses coordinates out of range or not numbers', () => {
    expect(geometryOf({ ...emptyArea, shape: 'point', latitude: '91', longitude: '0' }).error).toBe('latitude');
    expect(geometryOf({ ...emptyArea, shape: 'point', latitude: '10', longitude: '1e3' }).error).toBe('longitude');
    expect(geometryOf({ ...emptyArea, shape: 'point', latitude: '', longitude: '0' }).error).toBe('latitude');
  });
  it('closes a polygon typed as "lat, lon" lines and checks its corners', () => {
    const polygon = '35.9, -5.6\n36.1, -5.3\n35.8, -5.2\n';
    expect(geometryOf({ ...emptyArea, shape: 'polygon', polygon }).geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-5.6, 35.9],
          [-5.3, 36.1],
          [-5.2, 35.8],
          [-5.6, 35.9],
        ],
      ],
    });
    expect(geometryOf({ ...emptyArea, shape: 'polygon', polygon: '1, 1\n2, 2\n1, 1' }).error).toBe('polygonCorners');
    expect(geometryOf({ ...emptyArea, shape: 'polygon', polygon: '1, 1\nnorth, 2\n3, 3' }).error).toBe('polygonLine');
    const many = Array.from({ length: 501 }, (_, i) => `${(i / 10).toFixed(1)}, ${(i / 7).toFixed(2)}`).join('\n');
    expect(geometryOf({ ...emptyArea, shape: 'polygon', polygon: many }).error).toBe('polygonSize');
  });
  it('gives no geometry when none is chosen', () => {
    expect(geometryOf({ ...emptyArea, latitude: '1', longitude: '2' })).toEqual({});
  });
});

describe('fieldOfProblem', () => {
  it('places the server refusals next to their field', () => {
    expect(
      fieldOfProblem(new ApiError(422, 'observable-refused', 'Observable 2 (vessel_imo): the check digit is wrong.')),
    ).toEqual({
      field: 'observables',
      message: 'Observable 2 (vessel_imo): the check digit is wrong.',
      index: 2,
    });
    expect(fieldOfProblem(new ApiError(400, 'unknown-country', 'XX is not an ISO 3166-1 country code.'))?.field).toBe(
      'countries',
    );
    expect(fieldOfProblem(new ApiError(400, 'invalid-geometry', 'Ring 0 of the polygon is not closed.'))?.field).toBe('geometry');
    expect(
      fieldOfProblem(new ApiError(422, 'invalid-validity', 'An alert must be valid until a time after it becomes valid.'))?.field,
    ).toBe('validity');
    // Named by its slug: the sentence says nothing of the form's field.
    expect(fieldOfProblem(new ApiError(403, 'not-your-unit', 'You can act only for a unit you belong to.'))?.field).toBe(
      'fromUnit',
    );
    expect(
      fieldOfProblem(new ApiError(400, 'validation', 'Invalid request: body/title must NOT have more than 200 characters'))
        ?.field,
    ).toBe('title');
  });
  it('leaves other problems to the form-level message', () => {
    expect(fieldOfProblem(new ApiError(403, 'forbidden', 'A reader may read alerts but not issue them.'))?.field).toBeNull();
    expect(fieldOfProblem(new ApiError(500, 'internal', 'Something went wrong'))).toBeNull();
    expect(fieldOfProblem(new Error('Failed to fetch'))).toBeNull();
  });
});
