// HTTP for parks, buildings and grid units. Thin: schema, permission, one service call.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Building, BuildingInput, BuildingListQuery, BuildingPatch, GridUnit, GridUnitInput, GridUnitListQuery, GridUnitPatch, IdParams, listOf, Ok, Park, ParkInput,
  ParkListQuery, ParkPatch, RevealBody, RevealedPhone,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { allPages, errors, sendXlsx, typed } from '../../platform/routes.js';
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
      return sendXlsx(reply, 'parks', xlsxStream('园区', [
        { key: 'name', zh: '园区名称', en: 'Park', width: 24, value: (p: Park) => p.name },
        { key: 'address', zh: '地址', en: 'Address', width: 30, value: (p: Park) => p.address },
        { key: 'areaSqm', zh: '面积（平方米）', en: 'Area (m²)', value: (p: Park) => p.areaSqm },
        { key: 'managerName', zh: '负责人', en: 'Manager', value: (p: Park) => p.managerName },
        { key: 'managerPhone', zh: '负责人电话', en: 'Manager phone', value: (p: Park) => p.managerPhoneMasked },
        { key: 'buildingCount', zh: '楼宇数', en: 'Buildings', value: (p: Park) => p.buildingCount },
        { key: 'enterpriseCount', zh: '企业数', en: 'Enterprises', value: (p: Park) => p.enterpriseCount },
      ], rows, req.lang));
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
      return sendXlsx(reply, 'buildings', xlsxStream('楼宇', [
        { key: 'park', zh: '所属园区', en: 'Park', width: 24, value: (b: Building) => b.parkName },
        { key: 'name', zh: '楼宇名称', en: 'Building', width: 20, value: (b: Building) => b.name },
        { key: 'floors', zh: '层数', en: 'Floors', value: (b: Building) => b.floors },
        { key: 'areaSqm', zh: '面积（平方米）', en: 'Area (m²)', value: (b: Building) => b.areaSqm },
        { key: 'enterpriseCount', zh: '企业数', en: 'Enterprises', value: (b: Building) => b.enterpriseCount },
      ], rows, req.lang));
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
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      const rows = allPages((page) => grid.list(ctx, { ...req.query, page, pageSize: 200 }));
      const level = (g: GridUnit) => ({ zone: ['高新区', 'Zone'], street: ['街道', 'Street'], community: ['社区/村', 'Community'], group: ['组/小区', 'Group'] })[g.level][req.lang === 'en-US' ? 1 : 0];
      return sendXlsx(reply, 'grid-units', xlsxStream('网格', [
        { key: 'code', zh: '网格编码', en: 'Code', width: 16, value: (g: GridUnit) => g.code },
        { key: 'name', zh: '名称', en: 'Name', width: 20, value: (g: GridUnit) => g.name },
        { key: 'level', zh: '层级', en: 'Level', value: level },
        { key: 'path', zh: '完整路径', en: 'Path', width: 40, value: (g: GridUnit) => g.path },
      ], rows, req.lang));
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

  await app.register(peopleRoutes, { services });
}
