import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParams, listOf, Ok, ServiceItem, ServiceItemExportQuery, ServiceItemInput, ServiceItemListQuery, ServiceItemPatch } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, importRoutes, sendXlsx, typed } from '../../platform/routes.js';
import { exportColumns, yesNoWord } from '../../platform/sheet-import.js';
import type { Services } from '../../services.js';
import { applicantWords, categoryWord, formatFields, formatMaterials, ITEM_COLUMNS } from './catalogue.sheet.js';

export async function catalogueRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const catalogue = services.catalogue;

  api.get('/api/service-items', {
    config: { permission: 'services.catalogue.read' },
    schema: { tags: ['services'], summary: 'The service catalogue (事项清单)', querystring: ServiceItemListQuery, response: { 200: listOf(ServiceItem), ...errors } },
    handler: (req) => catalogue.list(requireCtx(req), req.query),
  });
  api.get('/api/service-items/departments', {
    config: { permission: 'services.catalogue.read' },
    schema: { tags: ['services'], summary: 'Departments that handle items, for the filter', response: { 200: z.array(z.string()), ...errors } },
    handler: (req) => catalogue.departments(requireCtx(req)),
  });
  api.get('/api/service-items/export.xlsx', {
    config: { permission: 'services.catalogue.read' },
    schema: { tags: ['services'], summary: 'The filtered catalogue as Excel; imports again unchanged', querystring: ServiceItemExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const yesNo = (b: boolean) => yesNoWord(b, lang);
      const columns = exportColumns<ServiceItem>(ITEM_COLUMNS, {
        code: (i) => i.code,
        name: (i) => i.name,
        department: (i) => i.department,
        category: (i) => categoryWord(i.category, lang),
        applicantTypes: (i) => applicantWords(i.applicantTypes, lang),
        legalDays: (i) => i.legalDays,
        promisedDays: (i) => i.promisedDays,
        onlineEnabled: (i) => yesNo(i.onlineEnabled),
        fullyElectronic: (i) => yesNo(i.fullyElectronic),
        agencyEligible: (i) => yesNo(i.agencyEligible),
        licenceName: (i) => i.licenceName,
        materials: (i) => formatMaterials(i.materials, lang),
        fields: (i) => formatFields(i.fields, lang),
        guide: (i) => i.guide,
      });
      return sendXlsx(reply, 'service-items', xlsxStream(lang === 'en-US' ? 'Catalogue' : '事项清单', columns, catalogue.exportRows(requireCtx(req), req.query), lang));
    },
  });
  importRoutes(app, { base: '/api/service-items', tag: 'services', permission: 'services.catalogue.write', sheetName: ['事项清单', 'Catalogue'], columns: ITEM_COLUMNS, run: services.catalogueImport });
  api.post('/api/service-items', {
    config: { permission: 'services.catalogue.write' },
    schema: { tags: ['services'], body: ServiceItemInput, response: { 201: ServiceItem, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await catalogue.create(requireCtx(req), req.body)),
  });
  api.get('/api/service-items/:id', {
    config: { permission: 'services.catalogue.read' },
    schema: { tags: ['services'], params: IdParams, response: { 200: ServiceItem, ...errors } },
    handler: (req) => catalogue.get(requireCtx(req), req.params.id),
  });
  api.patch('/api/service-items/:id', {
    config: { permission: 'services.catalogue.write' },
    schema: { tags: ['services'], params: IdParams, body: ServiceItemPatch, response: { 200: ServiceItem, ...errors } },
    handler: (req) => catalogue.update(requireCtx(req), req.params.id, req.body),
  });
  api.delete('/api/service-items/:id', {
    config: { permission: 'services.catalogue.write' },
    schema: { tags: ['services'], params: IdParams, response: { 200: Ok, ...errors } },
    handler: async (req) => {
      await catalogue.remove(requireCtx(req), req.params.id);
      return { ok: true as const };
    },
  });
}
