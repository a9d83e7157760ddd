// Checklist templates (工作规范): list, versions, publishing a new version, Excel export and import.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, IdParams, ImportResult, listOf, Template, TemplateExportQuery, TemplateInput, TemplateListQuery, TemplateVersion, TemplateVersionInput, type ChecklistItem } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, ImportQuery, progressKey, sendXlsx, typed, uploadedFile } from '../../platform/routes.js';
import { exportColumns } from '../../platform/sheet-import.js';
import type { Services } from '../../services.js';
import { CHECKLIST_COLUMNS, checklistRowValues } from './templates.sheet.js';

const VersionParams = z.strictObject({ id: Id, version: z.coerce.number().int().min(1).max(100_000) });

export async function templatesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const templates = services.inspections.templates;
  const tags = ['inspections'];

  api.get('/api/inspections/templates', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'Checklist templates (工作规范) with their current version and the list of versions', querystring: TemplateListQuery, response: { 200: listOf(Template), ...errors } },
    handler: (req) => templates.list(requireCtx(req), req.query),
  });
  api.post('/api/inspections/templates', {
    config: { permission: 'inspections.manage' },
    schema: { tags, summary: 'A new template (version 1); a checklist that makes no sense is refused naming items.N.field; a name in use is 409', body: TemplateInput, response: { 201: Template, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await templates.create(requireCtx(req), req.body)),
  });
  api.get('/api/inspections/templates/:id', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'A template with its current version and the list of versions', params: IdParams, response: { 200: Template, ...errors } },
    handler: (req) => templates.get(requireCtx(req), req.params.id),
  });
  api.get('/api/inspections/templates/:id/versions/:version', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'One version of a template with its items (versions never change)', params: VersionParams, response: { 200: TemplateVersion, ...errors } },
    handler: (req) => templates.version(requireCtx(req), req.params.id, req.params.version),
  });
  api.post('/api/inspections/templates/:id/versions', {
    config: { permission: 'inspections.manage' },
    schema: { tags, summary: 'Publish the next version of the checklist; earlier versions and the rounds using them stay as they are', params: IdParams, body: TemplateVersionInput, response: { 201: Template, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await templates.addVersion(requireCtx(req), req.params.id, req.body)),
  });
  api.get('/api/inspections/templates/:id/export.xlsx', {
    config: { permission: 'inspections.read' },
    schema: { tags, summary: 'A version of the checklist as Excel (the current one unless ?version=); it imports again', params: IdParams, querystring: TemplateExportQuery },
    handler: async (req, reply) => {
      const lang = req.lang;
      const { template, version } = await templates.exportItems(requireCtx(req), req.params.id, req.query.version);
      const columns = exportColumns<ChecklistItem>(CHECKLIST_COLUMNS, checklistRowValues(lang));
      const sheet = lang === 'en-US' ? `Checklist v${version.version}` : `工作规范第${version.version}版`;
      return sendXlsx(reply, `${template.name}-v${version.version}`, xlsxStream(sheet, columns, version.items, lang));
    },
  });
  api.post('/api/inspections/templates/:id/import', {
    config: { permission: 'inspections.manage' },
    schema: {
      tags,
      summary: 'A whole checklist from an .xlsx (multipart field "file"): dryRun=true checks every row; dryRun=false publishes it as the next version, all rows or none',
      params: IdParams,
      querystring: ImportQuery,
      response: { 200: ImportResult, ...errors },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const buffer = await uploadedFile(req);
      return templates.importSheet(ctx, req.params.id, buffer, { dryRun: req.query.dryRun, jobKey: req.query.jobId ? progressKey(ctx, req.query.jobId) : undefined });
    },
  });
}
