import type { FastifyInstance } from 'fastify';
import { CountryCounts, CountryProfile } from '../../../../shared/knowledge/countries/contract.js';
import { replies } from '../../../platform/http/responses.js';
import type { Wire } from '../../../platform/http/wire.js';
import { CountryParams, NoQuery } from './schemas.js';
import * as service from './service.js';

/**
 * Country profiles of the knowledge library: the world map's counts and one country's figures.
 * Open like the rest of the library (`knowledge.read`); every figure is visibility-filtered.
 */
export async function knowledgeCountriesRoutes(app: FastifyInstance) {
  const tags = ['knowledge'];
  app.get(
    '/api/v1/knowledge/countries',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags,
        summary: 'Items citing each country, and documents citing it or held in it (for the map)',
        querystring: NoQuery,
        response: replies({ 200: CountryCounts }),
      },
    },
    async (request): Promise<Wire<CountryCounts>> => service.countryCounts(request.context()),
  );
  app.get(
    '/api/v1/knowledge/countries/:code',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags,
        summary: 'A country profile: items by type, year and theme, organisations cited with it, meetings, latest items',
        params: CountryParams,
        querystring: NoQuery,
        response: replies({ 200: CountryProfile }),
      },
    },
    async (request): Promise<Wire<CountryProfile, 'byType'>> =>
      service.countryProfile(request.context(), (request.params as CountryParams).code),
  );
}
