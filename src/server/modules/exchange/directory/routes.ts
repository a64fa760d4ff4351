import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { FunctionDetail, FunctionPage, MyLanguages, UnitList } from '../../../../shared/exchange/directory/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import * as manage from './manage-service.js';
import {
  FunctionCreate,
  FunctionListQuery,
  FunctionPatch,
  HolderCreate,
  HolderParams,
  HolderPatch,
  LanguagesBody,
  UnitListQuery,
} from './schemas.js';
import * as directory from './service.js';

const BASE = '/api/v1/directory';
const tags = ['directory'];
type Id = Static<typeof IdParams>;
type HolderId = Static<typeof HolderParams>;

/** The directory of units, functions and their holders: read by partners, kept by each organisation. */
export async function directoryRoutes(app: FastifyInstance) {
  app.get(
    `${BASE}/functions`,
    {
      config: { policy: 'directory.read' },
      schema: { tags, summary: 'Find functions', querystring: FunctionListQuery, response: replies({ 200: FunctionPage }) },
    },
    async (request) => directory.listFunctions(actorContext(request), request.query as Static<typeof FunctionListQuery>),
  );
  app.get(
    `${BASE}/functions/:id`,
    {
      config: { policy: 'directory.read' },
      schema: {
        tags,
        summary: 'One function and its holder history',
        params: IdParams,
        response: replies({ 200: FunctionDetail }),
      },
    },
    async (request) => directory.getFunction(actorContext(request), (request.params as Id).id),
  );
  app.get(
    `${BASE}/units`,
    {
      config: { policy: 'directory.read' },
      schema: { tags, summary: 'Units and their functions', querystring: UnitListQuery, response: replies({ 200: UnitList }) },
    },
    async (request) => directory.listUnits(actorContext(request), request.query as Static<typeof UnitListQuery>),
  );
  app.post(
    `${BASE}/functions`,
    {
      config: { policy: 'directory.manage' },
      schema: { tags, summary: 'Create a function', body: FunctionCreate, response: replies({ 201: FunctionDetail }) },
    },
    async (request, reply) =>
      reply.code(201).send(await manage.createFunction(actorContext(request), request.body as Static<typeof FunctionCreate>)),
  );
  app.patch(
    `${BASE}/functions/:id`,
    {
      config: { policy: 'directory.manage' },
      schema: {
        tags,
        summary: 'Edit, deactivate or reactivate a function',
        params: IdParams,
        body: FunctionPatch,
        response: replies({ 200: FunctionDetail }),
      },
    },
    async (request) =>
      manage.updateFunction(actorContext(request), (request.params as Id).id, request.body as Static<typeof FunctionPatch>),
  );
  app.post(
    `${BASE}/functions/:id/holders`,
    {
      config: { policy: 'directory.manage' },
      schema: {
        tags,
        summary: 'Assign a holder',
        params: IdParams,
        body: HolderCreate,
        response: replies({ 201: FunctionDetail }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await manage.addHolder(actorContext(request), (request.params as Id).id, request.body as Static<typeof HolderCreate>),
        ),
  );
  app.patch(
    `${BASE}/functions/:id/holders/:holderId`,
    {
      config: { policy: 'directory.manage' },
      schema: {
        tags,
        summary: 'End a holder period',
        params: HolderParams,
        body: HolderPatch,
        response: replies({ 200: FunctionDetail }),
      },
    },
    async (request) => {
      const { id, holderId } = request.params as HolderId;
      return manage.updateHolder(actorContext(request), id, holderId, request.body as Static<typeof HolderPatch>);
    },
  );
  app.get(
    `${BASE}/me/languages`,
    {
      config: { policy: 'directory.read' },
      schema: { tags, summary: 'The languages I speak', response: replies({ 200: MyLanguages }) },
    },
    async (request) => directory.getMyLanguages(actorContext(request)),
  );
  app.put(
    `${BASE}/me/languages`,
    {
      config: { policy: 'directory.read' },
      schema: { tags, summary: 'Set the languages I speak', body: LanguagesBody, response: replies({ 200: MyLanguages }) },
    },
    async (request) => directory.setMyLanguages(actorContext(request), (request.body as Static<typeof LanguagesBody>).languages),
  );
}
