import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AuditEntry, Enterprise, EnterpriseExportQuery, EnterpriseInput, EnterpriseListQuery, EnterprisePatch, IdParams, listOf, RevealBody, RevealedPhone,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { readProgress } from '../../platform/progress.js';
import { errors, importRoutes, progressKey, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { ENTERPRISE_COLUMNS, exportColumns } from './enterprises.sheet.js';
import { visibleEnterpriseIds } from './enterprises.policy.js';

const Progress = z.object({ phase: z.enum(['reading', 'checking', 'saving', 'done']), processed: z.number(), total: z.number() });

export async function enterpriseRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.enterprises;

  api.get('/api/enterprises', {
    config: { permission: 'enterprises.read' },
    schema: { tags: ['enterprises'], summary: 'The registry: search, filters, sorting, paging', querystring: EnterpriseListQuery, response: { 200: listOf(Enterprise), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/enterprises/export.xlsx', {
    config: { permission: 'enterprises.export' },
    schema: { tags: ['enterprises'], summary: 'The filtered list as Excel (streamed); imports again unchanged', querystring: EnterpriseExportQuery },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      return sendXlsx(reply, 'enterprises', xlsxStream(req.lang === 'en-US' ? 'Enterprises' : '企业名录', exportColumns(req.lang), svc.exportRows(ctx, req.query), req.lang));
    },
  });
  importRoutes(app, {
    base: '/api/enterprises',
    tag: 'enterprises',
    permission: 'enterprises.import',
    sheetName: ['企业名录', 'Enterprises'],
    columns: ENTERPRISE_COLUMNS,
    run: (ctx, buffer, o) => services.enterpriseImport.run(ctx, buffer, o),
  });
  api.get('/api/import-progress/:jobId', {
    config: { permission: 'auth.self' },
    schema: { tags: ['enterprises'], summary: 'Progress of an import being processed (any import of this zone)', params: z.object({ jobId: z.uuid() }), response: { 200: Progress, ...errors } },
    handler: async (req) => {
      const p = readProgress(progressKey(requireCtx(req), req.params.jobId));
      return p ?? { phase: 'reading' as const, processed: 0, total: 0 };
    },
  });
  api.post('/api/enterprises', {
    config: { permission: 'enterprises.write' },
    schema: { tags: ['enterprises'], body: EnterpriseInput, response: { 201: Enterprise, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.create(requireCtx(req), req.body)),
  });
  api.get('/api/enterprises/:id', {
    config: { permission: 'enterprises.read' },
    schema: { tags: ['enterprises'], summary: 'One enterprise profile (一企一档)', params: IdParams, response: { 200: Enterprise, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/enterprises/:id', {
    config: { permission: 'enterprises.write' },
    schema: { tags: ['enterprises'], params: IdParams, body: EnterprisePatch, response: { 200: Enterprise, ...errors } },
    handler: (req) => svc.update(requireCtx(req), req.params.id, req.body),
  });
  api.get('/api/enterprises/:id/history', {
    config: { permission: 'enterprises.read' },
    schema: { tags: ['enterprises'], summary: 'Change history of the profile (变更记录)', params: IdParams, response: { 200: z.array(AuditEntry), ...errors } },
    handler: async (req) => {
      const ctx = requireCtx(req);
      await svc.get(ctx, req.params.id);
      return services.audit.historyOf(ctx, 'enterprise', req.params.id, { forEnterpriseUser: visibleEnterpriseIds(ctx.actor) !== null });
    },
  });
  api.post('/api/enterprises/:id/actions/reveal-phone', {
    config: { permission: 'pii.reveal' },
    schema: { tags: ['enterprises'], summary: "The contact's full phone; the stated reason is audited", params: IdParams, body: RevealBody, response: { 200: RevealedPhone, ...errors } },
    handler: async (req) => ({ phone: await svc.revealPhone(requireCtx(req), req.params.id, req.body.reason) }),
  });
}
