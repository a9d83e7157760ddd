// HTTP for parks, buildings and grid units. Thin: schema, permission, one service call.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Building, BuildingInput, GRID_LEVEL_LABELS, BuildingListQuery, BuildingPatch, GridUnit, GridUnitInput, GridUnitListQuery, GridUnitPatch, IdParams, listOf, Ok, Park, ParkInput,
  ParkListQuery, ParkPatch, RevealBody, RevealedPhone, labelIn } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { allPages, errors, importRoutes, sendXlsx, typed } from '../../platform/routes.js';
import { exportColumns } from '../../platform/sheet-import.js';
import { BUILDING_COLUMNS, GRID_COLUMNS, PARK_COLUMNS } from './places.import.js';
import type { Services } from '../../services.js';
import { peopleRoutes } from './people.routes.js';

const GridNode: z.ZodType<unknown> = z.lazy(() => GridUnit.extend({ children: z.array(GridNode) }));
const ExportLang = z.object({ lang: z.enum(['zh-CN', 'en-US']).optional() });

export async function orgRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const { parks, buildings, grid } = services.org;

  // ---- parks
  api.get('/api/parks', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Parks (产业园区)', querystring: ParkListQuery, response: { 200: listOf(Park), ...errors } },
    handler: (req) => parks.list(requireCtx(req), req.query),
  });
  api.get('/api/parks/export.xlsx', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Parks as Excel, same filters as the list', querystring: ParkListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => parks.list(ctx, { ...req.query, page, pageSize: 200 }));
      const columns = exportColumns<Park>(PARK_COLUMNS, {
        name: (p) => p.name,
        address: (p) => p.address,
        areaSqm: (p) => p.areaSqm,
        managerName: (p) => p.managerName,
        managerPhone: (p) => p.managerPhoneMasked,
      }, [
        { key: 'buildingCount', zh: '楼宇数', en: 'Buildings', value: (p) => p.buildingCount },
        { key: 'enterpriseCount', zh: '企业数', en: 'Enterprises', value: (p) => p.enterpriseCount },
      ]);
      return sendXlsx(reply, 'parks', xlsxStream(req.lang === 'en-US' ? 'Parks' : '园区', columns, rows, req.lang));
    },
  });
  api.post('/api/parks', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], summary: 'Create a park', body: ParkInput, response: { 201: Park, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await parks.create(requireCtx(req), req.body)),
  });
  api.get('/api/parks/:id', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Park, ...errors } },
    handler: (req) => parks.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/parks/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, body: ParkPatch, response: { 200: Park, ...errors } },
    handler: (req) => parks.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/parks/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], summary: 'Delete a park without buildings or enterprises', params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await parks.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });
  api.post('/api/parks/:id/actions/reveal-phone', {
    config: { permission: 'pii.reveal' },
    schema: { tags: ['org'], summary: "The manager's full phone; the reason is audited", params: IdParams, body: RevealBody, response: { 200: RevealedPhone, ...errors } },
    handler: async (req) => ({ phone: await parks.revealManagerPhone(requireCtx(req), req.params.id, req.body.reason) }),
  });

  // ---- buildings
  api.get('/api/buildings', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Buildings (楼宇)', querystring: BuildingListQuery, response: { 200: listOf(Building), ...errors } },
    handler: (req) => buildings.list(requireCtx(req), req.query),
  });
  api.get('/api/buildings/export.xlsx', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], querystring: BuildingListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => buildings.list(ctx, { ...req.query, page, pageSize: 200 }));
      const columns = exportColumns<Building>(BUILDING_COLUMNS, {
        park: (b) => b.parkName,
        name: (b) => b.name,
        floors: (b) => b.floors,
        areaSqm: (b) => b.areaSqm,
      }, [{ key: 'enterpriseCount', zh: '企业数', en: 'Enterprises', value: (b) => b.enterpriseCount }]);
      return sendXlsx(reply, 'buildings', xlsxStream(req.lang === 'en-US' ? 'Buildings' : '楼宇', columns, rows, req.lang));
    },
  });
  api.post('/api/buildings', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], body: BuildingInput, response: { 201: Building, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await buildings.create(requireCtx(req), req.body)),
  });
  api.get('/api/buildings/:id', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Building, ...errors } },
    handler: (req) => buildings.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/buildings/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, body: BuildingPatch, response: { 200: Building, ...errors } },
    handler: (req) => buildings.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/buildings/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await buildings.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });

  // ---- grid units
  api.get('/api/grid-units', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Grid units (网格), flat', querystring: GridUnitListQuery, response: { 200: listOf(GridUnit), ...errors } },
    handler: (req) => grid.list(requireCtx(req), req.query),
  });
  api.get('/api/grid-units/tree', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], summary: 'Grid units as a tree: zone > street > community > group', response: { 200: z.array(GridNode), ...errors } },
    handler: (req) => grid.tree(requireCtx(req)),
  });
  api.get('/api/grid-units/export.xlsx', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], querystring: GridUnitListQuery.omit({ page: true, pageSize: true }).extend(ExportLang.shape) },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => grid.list(ctx, { ...req.query, page, pageSize: 200 }));
      const level = (g: GridUnit) => labelIn(req.lang, GRID_LEVEL_LABELS[g.level]);
      const codes = new Map((await grid.loadAll(ctx.zoneId)).map((u) => [u.id, u.code]));
      const columns = exportColumns<GridUnit>(GRID_COLUMNS, {
        code: (g) => g.code,
        name: (g) => g.name,
        parentCode: (g) => (g.parentId ? (codes.get(g.parentId) ?? null) : null),
      }, [
        { key: 'level', zh: '层级', en: 'Level', value: level },
        { key: 'path', zh: '完整路径', en: 'Path', width: 40, value: (g) => g.path },
      ]);
      return sendXlsx(reply, 'grid-units', xlsxStream(req.lang === 'en-US' ? 'Grid units' : '网格', columns, rows, req.lang));
    },
  });
  api.post('/api/grid-units', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], body: GridUnitInput, response: { 201: GridUnit, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await grid.create(requireCtx(req), req.body)),
  });
  api.get('/api/grid-units/:id', {
    config: { permission: 'org.read' },
    schema: { tags: ['org'], params: IdParams, response: { 200: GridUnit, ...errors } },
    handler: (req) => grid.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/grid-units/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, body: GridUnitPatch, response: { 200: GridUnit, ...errors } },
    handler: (req) => grid.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/grid-units/:id', {
    config: { permission: 'org.write' },
    schema: { tags: ['org'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await grid.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });

  const imports = services.org.imports;
  importRoutes(app, { base: '/api/parks', tag: 'org', permission: 'org.write', sheetName: ['园区', 'Parks'], columns: PARK_COLUMNS, run: imports.parks });
  importRoutes(app, { base: '/api/buildings', tag: 'org', permission: 'org.write', sheetName: ['楼宇', 'Buildings'], columns: BUILDING_COLUMNS, run: imports.buildings });
  importRoutes(app, { base: '/api/grid-units', tag: 'org', permission: 'org.write', sheetName: ['网格', 'Grid units'], columns: GRID_COLUMNS, run: imports.grid });

  await app.register(peopleRoutes, { services });
}
