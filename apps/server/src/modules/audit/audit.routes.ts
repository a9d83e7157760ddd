import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AuditEntry, AuditExportQuery, AuditListQuery, entityName, listOf } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

export async function auditRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  api.get('/api/audit', {
    config: { permission: 'audit.read' },
    schema: { tags: ['audit'], summary: 'The audit log of the zone, newest first', querystring: AuditListQuery, response: { 200: listOf(AuditEntry), ...errors } },
    handler: (req) => services.audit.list(requireCtx(req), req.query),
  });
  api.get('/api/audit/actions', {
    config: { permission: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Actions that occur in the log, for the filter', response: { 200: z.array(z.string()), ...errors } },
    handler: (req) => services.audit.actions(requireCtx(req)),
  });
  api.get('/api/audit/entity-types', {
    config: { permission: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Entity types that occur in the log, for the filter', response: { 200: z.array(z.string()), ...errors } },
    handler: (req) => services.audit.entityTypes(requireCtx(req)),
  });
  api.get('/api/audit/export.xlsx', {
    config: { permission: 'audit.read' },
    schema: { tags: ['audit'], querystring: AuditExportQuery.extend({ lang: z.enum(['zh-CN', 'en-US']).optional() }) },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const timeZone = await services.org.zones.timeZoneOf(ctx.zoneId);
      const time = (ms: number) => zonedTime(ms, timeZone, true);
      return sendXlsx(reply, 'audit', xlsxStream('审计日志', [
        { key: 'at', zh: '时间', en: 'Time', width: 20, value: (e: AuditEntry) => time(e.at) },
        { key: 'actor', zh: '操作人', en: 'Actor', value: (e: AuditEntry) => e.actorName },
        { key: 'action', zh: '操作', en: 'Action', width: 24, value: (e: AuditEntry) => e.action },
        { key: 'entityType', zh: '对象类型', en: 'Entity', value: (e: AuditEntry) => entityName(req.lang, e.entityType) },
        { key: 'entityId', zh: '对象编号', en: 'Entity id', width: 38, value: (e: AuditEntry) => e.entityId },
        { key: 'before', zh: '变更前', en: 'Before', width: 40, value: (e: AuditEntry) => (e.before ? JSON.stringify(e.before) : null) },
        { key: 'after', zh: '变更后', en: 'After', width: 40, value: (e: AuditEntry) => (e.after ? JSON.stringify(e.after) : null) },
        { key: 'ip', zh: 'IP', en: 'IP', value: (e: AuditEntry) => e.ip },
        { key: 'requestId', zh: '请求编号', en: 'Request id', width: 38, value: (e: AuditEntry) => e.requestId },
      ], services.audit.exportRows(ctx, req.query), req.lang));
    },
  });
}
