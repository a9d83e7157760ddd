// 就业登记 routes: the upload of returning workers (template + import), the zone's list and its
// Excel export (masked), and the audited reveal of one person's ID number and phone.
import type { FastifyInstance } from 'fastify';
import { EmploymentExportQuery, EmploymentListQuery, EmploymentRegistration, IdParams, listOf, RevealBody, RevealedPerson } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, importRoutes, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { EMPLOYMENT_COLUMNS } from './employment.import.js';

// Officers read the zone's registrations, enterprise users their own (the service limits them).
const READ = ['services.employment.read', 'services.apply'] as const;

export async function employmentRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.servicesExtras.employment;

  api.get('/api/employment-registrations', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'Employment registrations (就业登记); q finds an exact ID number or phone', querystring: EmploymentListQuery, response: { 200: listOf(EmploymentRegistration), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/employment-registrations/export.xlsx', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'The filtered registrations as Excel, ID numbers and phones masked', querystring: EmploymentExportQuery },
    handler: (req, reply) => {
      const columns = [
        { key: 'enterprise', zh: '企业', en: 'Enterprise', width: 30, value: (r: EmploymentRegistration) => r.enterpriseName },
        { key: 'name', zh: '姓名', en: 'Name', width: 12, value: (r: EmploymentRegistration) => r.name },
        { key: 'idNumber', zh: '居民身份证号', en: 'Resident ID number', width: 22, value: (r: EmploymentRegistration) => r.idNumberMasked },
        { key: 'phone', zh: '联系电话', en: 'Phone', width: 16, value: (r: EmploymentRegistration) => r.phoneMasked },
        { key: 'returnedOn', zh: '返岗日期', en: 'Date of return to work', width: 14, value: (r: EmploymentRegistration) => r.returnedOn },
        { key: 'registeredOn', zh: '登记日期', en: 'Registered on', width: 14, value: (r: EmploymentRegistration) => r.registeredOn },
      ];
      return sendXlsx(reply, 'employment-registrations', xlsxStream(req.lang === 'en-US' ? 'Employment registration' : '就业登记', columns, svc.exportRows(requireCtx(req), req.query), req.lang));
    },
  });
  importRoutes(app, {
    base: '/api/employment-registrations',
    tag: 'services',
    permission: 'services.apply',
    sheetName: ['就业登记', 'Employment registration'],
    columns: EMPLOYMENT_COLUMNS,
    run: services.servicesExtras.employmentImport,
  });
  api.get('/api/employment-registrations/:id', {
    config: { permission: READ },
    schema: { tags: ['services'], params: IdParams, response: { 200: EmploymentRegistration, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.post('/api/employment-registrations/:id/actions/reveal', {
    config: { permission: 'pii.reveal' },
    schema: { tags: ['services'], summary: 'The whole ID number and phone; the stated reason is audited', params: IdParams, body: RevealBody, response: { 200: RevealedPerson, ...errors } },
    handler: (req) => svc.reveal(requireCtx(req), req.params.id, req.body.reason),
  });
}
