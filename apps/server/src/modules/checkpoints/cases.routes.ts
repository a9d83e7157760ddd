// Abnormal-case routes (异常情况台账) and the duty console's live alerts: the ledger (masked) with
// its filters and Excel export, one case with its timeline, the follow-up actions, revealing the
// person's ID number or phone, and the server-sent event stream of the zone's alerts.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ALERT_REASON_LABELS,
  AbnormalCase,
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  CaseActionInput,
  CaseActionParams,
  CaseDetail,
  CaseExportQuery,
  CaseListQuery,
  IdParams,
  RevealInput,
  Revealed,
  SCREEN_RESULT_LABELS,
  labelIn,
  listOf,
  type Lang,
} from '@shuangsheng/contracts';
import { requireCtx, sessionStillAllows } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

/** A comment line this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 20_000;

/** The columns of the abnormal-case ledger (异常情况台账); ID numbers and phones masked. */
export function caseColumns(lang: Lang, timeZone: string): Column<AbnormalCase>[] {
  const when = (ms: number | null) => (ms === null ? null : zonedTime(ms, timeZone, true));
  return [
    { key: 'number', zh: '编号', en: 'Number', width: 18, value: (c) => c.number },
    { key: 'at', zh: '发现时间', en: 'Found at', width: 20, value: (c) => when(c.at) },
    { key: 'checkpoint', zh: '卡口', en: 'Checkpoint', width: 20, value: (c) => c.checkpointName },
    { key: 'name', zh: '姓名', en: 'Name', width: 12, value: (c) => c.name },
    { key: 'idNumber', zh: '证件号码', en: 'ID number', width: 22, value: (c) => c.idNumberMasked },
    { key: 'phone', zh: '手机号码', en: 'Phone', width: 14, value: (c) => c.phoneMasked },
    { key: 'plate', zh: '车牌号', en: 'Plate', width: 12, value: (c) => c.plate },
    { key: 'temperature', zh: '体温（℃）', en: 'Temperature (°C)', width: 10, value: (c) => (c.temperature === null ? null : c.temperature.toFixed(1)) },
    { key: 'reasons', zh: '异常原因', en: 'Alert reasons', width: 24, value: (c) => c.reasons.map((x) => labelIn(lang, ALERT_REASON_LABELS[x])).join('；') },
    { key: 'result', zh: '筛查结果', en: 'Result', width: 14, value: (c) => labelIn(lang, SCREEN_RESULT_LABELS[c.result]) },
    { key: 'status', zh: '状态', en: 'Status', width: 10, value: (c) => labelIn(lang, CASE_STATUS_LABELS[c.status]) },
    { key: 'clinic', zh: '转诊机构', en: 'Clinic', width: 18, value: (c) => c.clinic },
    { key: 'outcome', zh: '处置结果', en: 'Outcome', width: 14, value: (c) => (c.outcome ? labelIn(lang, CASE_OUTCOME_LABELS[c.outcome]) : null) },
    { key: 'note', zh: '备注', en: 'Note', width: 24, value: (c) => c.note },
    { key: 'closedAt', zh: '结案时间', en: 'Closed at', width: 20, value: (c) => when(c.closedAt) },
  ];
}

export async function casesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.cases;
  const bus = services.checkpoints.events;

  api.get('/api/checkpoints/cases', {
    config: { permission: 'checkpoints.duty' },
    schema: { tags: ['checkpoints'], summary: 'The abnormal-case ledger (masked): by status, checkpoint, reason, days; q = number, name or plate', querystring: CaseListQuery, response: { 200: listOf(AbnormalCase), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/cases/export.xlsx', {
    config: { permission: 'checkpoints.duty' },
    schema: { tags: ['checkpoints'], summary: 'The filtered abnormal-case ledger as Excel (masked)', querystring: CaseExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      return sendXlsx(reply, 'checkpoint-cases', xlsxStream(req.lang === 'en-US' ? 'Abnormal cases' : '异常情况台账', caseColumns(req.lang, services.timeZone), svc.exportRows(requireCtx(req), q), req.lang));
    },
  });
  api.get('/api/checkpoints/cases/:id', {
    config: { permission: 'checkpoints.duty' },
    schema: { tags: ['checkpoints'], summary: 'One abnormal case with its follow-up timeline', params: IdParams, response: { 200: CaseDetail, ...errors } },
    handler: (req) => svc.get(requireCtx(req), req.params.id),
  });
  api.post('/api/checkpoints/cases/:id/actions/reveal', {
    config: { permission: 'pii.reveal' },
    schema: { tags: ['checkpoints'], summary: 'The ID number or phone of a case’s person in full; the reason is audited', params: IdParams, body: RevealInput, response: { 200: Revealed, ...errors } },
    handler: (req) => svc.reveal(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/checkpoints/cases/:id/actions/:action', {
    config: { permission: 'checkpoints.duty' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Follow up a case: transfer (to a clinic, named) → result (outcome) → close; an open case closes directly with an outcome; other moves 409',
      params: CaseActionParams,
      body: CaseActionInput,
      response: { 200: CaseDetail, ...errors },
    },
    handler: (req) => svc.act(requireCtx(req), req.params.id, req.params.action, req.body),
  });

  // Open streams, ended before the server closes (a stream never ends on its own).
  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  api.get('/api/checkpoints/alerts/stream', {
    config: { permission: 'checkpoints.duty' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Live alerts of the zone (server-sent events): `event: alert` with an AlertEvent as data; a comment line every 20 s',
      querystring: z.strictObject({}),
      produces: ['text/event-stream'],
    },
    handler: (req, reply) => {
      const ctx = requireCtx(req);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
        'x-request-id': req.id,
      });
      res.write('retry: 3000\n\n');
      open.add(res);
      // Nothing is written once the answer is ending (server closing, client gone).
      const send = (text: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(text);
      };
      // The session is checked again before each alert and at each heartbeat: a stream opened
      // before a sign-out (or a lost permission, a disabled user) ends then, rather than go on
      // showing the zone's alerts in a browser that is no longer signed in. One check at a time,
      // in order, so alerts keep their order.
      let checks: Promise<void> = Promise.resolve();
      const sendIfAllowed = (text: string) => {
        checks = checks.then(async () => {
          if (res.writableEnded || res.destroyed) return;
          if (await sessionStillAllows(services.auth, req, 'checkpoints.duty').catch(() => false)) send(text);
          else res.end();
        });
      };
      const unsubscribe = bus.subscribe(ctx.zoneId, (e) => {
        if (e.type === 'alert') sendIfAllowed(`event: alert\ndata: ${JSON.stringify(e.data)}\n\n`);
      });
      const heartbeat = setInterval(() => sendIfAllowed(': heartbeat\n\n'), HEARTBEAT_MS);
      let ended = false;
      const done = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      req.raw.on('close', done);
      res.on('close', done);
      res.on('error', done);
    },
  });
}
