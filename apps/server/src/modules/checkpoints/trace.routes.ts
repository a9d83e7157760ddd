// Movement tracing (活动轨迹), under /api/checkpoints/trace: POST so that the ID number or phone
// searched for stays out of URLs and access logs. Both answers are audited.
import type { FastifyInstance } from 'fastify';
import { TraceInput, TraceResult } from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { attachment, errors, typed, XLSX_TYPE } from '../../platform/routes.js';
import type { Services } from '../../services.js';
import { TRACE_CONTACT_CAP, TRACE_EXPORT_CONTACT_CAP, TRACE_SCAN_CAP, TRACE_STOP_CAP } from './trace.service.js';

export async function traceRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.trace;

  api.post('/api/checkpoints/trace', {
    config: { permission: 'trace' },
    // Up to 700 rows: the answer is built to the contract already, so it is sent without a second check.
    serializerCompiler: () => (data) => JSON.stringify(data),
    schema: {
      tags: ['checkpoints'],
      summary: 'A person’s registrations across checkpoints in time order (by ID number, phone or plate) and the people registered at the same checkpoint within ± windowMinutes; the reason is recorded in the audit log',
      description:
        `At most ${TRACE_STOP_CAP} stops (the first in time) and the ${TRACE_CONTACT_CAP} contacts nearest in time to a stop (listed in time order); ` +
        `\`truncated\` says when there were more (or when more than ${TRACE_SCAN_CAP.toLocaleString('en')} registrations fell in one stretch around the stops). The export lists up to ${TRACE_EXPORT_CONTACT_CAP.toLocaleString('en')} contacts.`,
      body: TraceInput,
      response: { 200: TraceResult, ...errors },
    },
    handler: (req) => svc.trace(requireCtx(req), req.body),
  });
  api.post('/api/checkpoints/trace/export.xlsx', {
    config: { permission: 'trace' },
    schema: { tags: ['checkpoints'], summary: `The same search as Excel (sheets: stops, contacts; up to ${TRACE_EXPORT_CONTACT_CAP.toLocaleString('en')} contacts, the nearest in time); audited`, body: TraceInput },
    handler: async (req, reply) => {
      const buffer = await svc.workbook(requireCtx(req), req.body);
      const en = (req.body.lang ?? req.lang) === 'en-US';
      return attachment(reply, `${en ? 'movement-trace' : '活动轨迹'}-${req.body.from}-${req.body.to}.xlsx`, XLSX_TYPE).send(buffer);
    },
  });
}
