import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every library route with a path parameter refuses an over-long or malformed one with a 400
 * problem — never a 500 from SQL, the router's own JSON, or the web app's HTML page. The routes
 * come from the app's route table, so a new one is covered without being listed here.
 */

let t: TestApp;
let curator: Client;

beforeAll(async () => {
  t = await startTestApp();
  curator = await t.signIn('focal.sec@liaison.demo');
});
afterAll(() => t.close());

const ID = '0e8b4a5c-1111-4222-8333-944445555666';
const BAD_VALUES = [
  'A'.repeat(40),
  // Past the router's limit on a parameter (100 characters).
  'a'.repeat(300),
  `${ID}0`,
  `urn:uuid:${ID}`,
  ID.toUpperCase().replace('0E8B', 'GE8B'),
  "ma'%20or%201=1--",
  '..%2F..%2Fetc%2Fpasswd',
  // Not valid percent-encoding.
  '%E0%A4%A',
  '%F0%9F%98%80',
];
const BAD_COUNTRY_CODES = ['ma', 'MAR', 'M1', '%C3%89S', 'A'.repeat(40), 'B'.repeat(300), '%E0%A4%A'];

const knowledgeRoutesWithParams = () =>
  t.app.routeTable.filter(
    (route) => route.url.startsWith('/api/v1/knowledge/') && route.url.includes('/:') && route.method !== 'HEAD',
  );

function withParam(url: string, value: string) {
  return url.replace(/:\w+/g, value);
}

describe('path parameters of the library', () => {
  it('lists the library routes that take one', () => {
    const urls = knowledgeRoutesWithParams().map((route) => `${route.method} ${route.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/v1/knowledge/items/:id',
        'GET /api/v1/knowledge/documents/:id',
        'GET /api/v1/knowledge/countries/:code',
        'GET /api/v1/knowledge/imports/:id',
        'PATCH /api/v1/knowledge/review/items/:id',
        'POST /api/v1/knowledge/review/items/:id/split',
      ]),
    );
    expect(urls.length).toBeGreaterThanOrEqual(12);
  });

  it('answers 400 problem+json to an over-long or malformed parameter on every one of them', async () => {
    const answers: string[] = [];
    for (const route of knowledgeRoutesWithParams()) {
      const values = route.url.includes(':code') ? BAD_COUNTRY_CODES : BAD_VALUES;
      for (const value of values) {
        const url = withParam(route.url, value);
        const response = await curator.request({
          method: route.method as 'GET',
          url,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        answers.push(
          `${route.method} ${route.url} ${value.slice(0, 24)} → ${response.statusCode} ${response.headers['content-type']}`,
        );
        expectProblem(response, 400, 'validation');
      }
    }
    expect(answers.length).toBeGreaterThan(100);
  });

  it('still finds a record by a well-formed id or code', async () => {
    const documents = (await curator.get('/api/v1/knowledge/documents?limit=1')).json();
    const id: string = documents.documents[0].id;
    expect((await curator.get(`/api/v1/knowledge/documents/${id}`)).statusCode).toBe(200);
    // Upper-case hexadecimal is the same id.
    expect((await curator.get(`/api/v1/knowledge/documents/${id.toUpperCase()}`)).statusCode).toBe(200);
    expect((await curator.get('/api/v1/knowledge/countries/MA')).statusCode).toBe(200);
    expectProblem(await curator.get(`/api/v1/knowledge/items/${ID}`), 404, 'not-found');
  });
});
