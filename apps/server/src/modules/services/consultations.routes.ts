// 咨询 routes: questions and answers, and the public FAQ (常见问题) readable without signing in.
import type { FastifyInstance } from 'fastify';
import {
  AnswerInput, Consultation, ConsultationExportQuery, ConsultationInput, ConsultationListQuery, CONSULTATION_STATUS_LABELS, FAQ_STATE_LABELS, FaqEntry, FaqQuery, IdParams, labelIn, listOf,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const READ = ['services.apply', 'services.handle'] as const;

export async function consultationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.servicesExtras.consultations;

  api.get('/api/public/faq', {
    config: { public: true },
    schema: { tags: ['services'], summary: 'Published answers (常见问题) of a zone, by its code; no sign-in needed', querystring: FaqQuery, response: { 200: listOf(FaqEntry), ...errors } },
    handler: (req) => svc.faq(req.ctx, req.query),
  });
  api.get('/api/consultations', {
    config: { permission: READ },
    schema: { tags: ['services'], summary: 'Consultations: all of the zone for officers, their own for applicants', querystring: ConsultationListQuery, response: { 200: listOf(Consultation), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/consultations/export.xlsx', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'The filtered consultations as Excel', querystring: ConsultationExportQuery },
    handler: (req, reply) => {
      const lang = req.lang;
      const columns = [
        { key: 'askedOn', zh: '咨询日期', en: 'Asked on', width: 12, value: (c: Consultation) => c.askedOn },
        { key: 'title', zh: '标题', en: 'Title', width: 30, value: (c: Consultation) => c.title },
        { key: 'item', zh: '事项', en: 'Service item', width: 28, value: (c: Consultation) => c.itemName },
        { key: 'asker', zh: '咨询人', en: 'Asked by', width: 14, value: (c: Consultation) => c.askerName },
        { key: 'enterprise', zh: '企业', en: 'Enterprise', width: 28, value: (c: Consultation) => c.enterpriseName },
        { key: 'question', zh: '问题', en: 'Question', width: 50, value: (c: Consultation) => c.question },
        { key: 'status', zh: '状态', en: 'Status', width: 10, value: (c: Consultation) => labelIn(lang, CONSULTATION_STATUS_LABELS[c.status]) },
        { key: 'answer', zh: '答复', en: 'Answer', width: 60, value: (c: Consultation) => c.answer },
        { key: 'answerer', zh: '答复人', en: 'Answered by', width: 14, value: (c: Consultation) => c.answererName },
        { key: 'published', zh: '常见问题', en: 'FAQ', width: 10, value: (c: Consultation) => labelIn(lang, FAQ_STATE_LABELS[c.published ? 'published' : 'unpublished']) },
      ];
      return sendXlsx(reply, 'consultations', xlsxStream(lang === 'en-US' ? 'Consultations' : '咨询记录', columns, svc.exportRows(requireCtx(req), req.query), lang));
    },
  });
  api.post('/api/consultations', {
    config: { permission: 'services.apply' },
    schema: { tags: ['services'], summary: 'Ask a question, optionally about a service item', body: ConsultationInput, response: { 201: Consultation, ...errors } },
    handler: async (req, reply) => reply.status(201).send(await svc.ask(requireCtx(req), req.body)),
  });
  api.get('/api/consultations/:id', {
    config: { permission: READ },
    schema: { tags: ['services'], params: IdParams, response: { 200: Consultation, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.post('/api/consultations/:id/actions/answer', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Answer (or reword the answer)', params: IdParams, body: AnswerInput, response: { 200: Consultation, ...errors } },
    handler: (req) => svc.answer(requireCtx(req), req.params.id, req.body.answer),
  });
  api.post('/api/consultations/:id/actions/publish', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Put an answered consultation in the public FAQ; 409 with the current state otherwise', params: IdParams, response: { 200: Consultation, ...errors } },
    handler: (req) => svc.publish(requireCtx(req), req.params.id),
  });
  api.post('/api/consultations/:id/actions/unpublish', {
    config: { permission: 'services.handle' },
    schema: { tags: ['services'], summary: 'Take it off the FAQ; 409 when it is not there', params: IdParams, response: { 200: Consultation, ...errors } },
    handler: (req) => svc.unpublish(requireCtx(req), req.params.id),
  });
}
