// Registration routes: the list (masked) with its filters and Excel export, revealing an ID number
// or phone (pii.reveal + reason, audited), and a temperature measured after the registration.
import type { FastifyInstance } from 'fastify';
import {
  ALERT_REASON_LABELS,
  DIRECTION_LABELS,
  ID_KIND_LABELS,
  IdParams,
  REGISTRATION_SOURCE_LABELS,
  Registration,
  RegistrationExportQuery,
  RegistrationListQuery,
  RevealInput,
  Revealed,
  SCREEN_RESULT_LABELS,
  TemperatureInput,
  labelIn,
  listOf,
  type Lang,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import { zonedTime } from '../../platform/time.js';
import type { Services } from '../../services.js';

/** A health answer as the sheet shows it. */
const yesNo = (lang: Lang, b: boolean) => labelIn(lang, b ? ['是', 'Yes'] : ['否', 'No']);

/** The columns of the registration register (登记台账); ID numbers and phones masked. */
export function registrationColumns(lang: Lang, timeZone: string): Column<Registration>[] {
  return [
    { key: 'at', zh: '登记时间', en: 'Registered at', width: 20, value: (r) => zonedTime(r.at, timeZone, true) },
    { key: 'code', zh: '登记码', en: 'Code', width: 10, value: (r) => r.code },
    { key: 'checkpoint', zh: '卡口', en: 'Checkpoint', width: 20, value: (r) => r.checkpointName },
    { key: 'source', zh: '登记方式', en: 'Source', width: 12, value: (r) => labelIn(lang, REGISTRATION_SOURCE_LABELS[r.source]) },
    { key: 'direction', zh: '方向', en: 'Direction', width: 8, value: (r) => labelIn(lang, DIRECTION_LABELS[r.direction]) },
    { key: 'name', zh: '姓名', en: 'Name', width: 12, value: (r) => r.name },
    { key: 'idKind', zh: '证件类型', en: 'Document', width: 12, value: (r) => labelIn(lang, ID_KIND_LABELS[r.idKind]) },
    { key: 'idNumber', zh: '证件号码', en: 'ID number', width: 22, value: (r) => r.idNumberMasked },
    { key: 'phone', zh: '手机号码', en: 'Phone', width: 14, value: (r) => r.phoneMasked },
    { key: 'plate', zh: '车牌号', en: 'Plate', width: 12, value: (r) => r.plate },
    { key: 'vehicle', zh: '驾乘', en: 'In the vehicle', width: 8, value: (r) => (r.plate ? labelIn(lang, r.isVehicle ? ['驾驶人', 'Driver'] : ['同车人员', 'Passenger']) : null) },
    { key: 'originProvince', zh: '来源省份', en: 'Origin province', width: 10, value: (r) => r.originProvince },
    { key: 'originCity', zh: '来源城市', en: 'Origin city', width: 10, value: (r) => r.originCity },
    { key: 'destination', zh: '目的地', en: 'Destination', width: 20, value: (r) => r.destination },
    { key: 'reason', zh: '事由', en: 'Reason', width: 16, value: (r) => r.reason },
    { key: 'fever', zh: '发热', en: 'Fever', width: 6, value: (r) => yesNo(lang, r.health.fever) },
    { key: 'cough', zh: '咳嗽等症状', en: 'Cough', width: 8, value: (r) => yesNo(lang, r.health.cough) },
    { key: 'contact', zh: '接触病例', en: 'Contact', width: 8, value: (r) => yesNo(lang, r.health.contact) },
    { key: 'highRiskTravel', zh: '14天内到过高风险地区', en: 'High-risk region (14 days)', width: 12, value: (r) => yesNo(lang, r.health.highRiskTravel) },
    { key: 'temperature', zh: '体温（℃）', en: 'Temperature (°C)', width: 10, value: (r) => (r.temperature === null ? null : r.temperature.toFixed(1)) },
    { key: 'result', zh: '结果', en: 'Result', width: 14, value: (r) => labelIn(lang, SCREEN_RESULT_LABELS[r.result]) },
    { key: 'reasons', zh: '异常原因', en: 'Alert reasons', width: 24, value: (r) => r.reasons.map((x) => labelIn(lang, ALERT_REASON_LABELS[x])).join('；') },
    { key: 'createdBy', zh: '登记人', en: 'Registered by', width: 12, value: (r) => r.createdByName },
  ];
}

export async function registrationsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.registrations;

  api.get('/api/checkpoints/registrations', {
    config: { permission: 'checkpoints.read' },
    schema: {
      tags: ['checkpoints'],
      summary: 'Registrations (ID numbers and phones masked): by checkpoint, days, direction, result, source; q = a code, a name fragment or a plate',
      querystring: RegistrationListQuery,
      response: { 200: listOf(Registration), ...errors },
    },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/registrations/export.xlsx', {
    config: { permission: 'checkpoints.read' },
    schema: { tags: ['checkpoints'], summary: 'The filtered registrations as Excel (masked), in time order', querystring: RegistrationExportQuery },
    handler: (req, reply) => {
      const { lang: _lang, ...q } = req.query;
      const rows = svc.exportRows(requireCtx(req), q);
      return sendXlsx(reply, 'checkpoint-registrations', xlsxStream(req.lang === 'en-US' ? 'Registrations' : '卡口登记台账', registrationColumns(req.lang, services.timeZone), rows, req.lang));
    },
  });
  api.post('/api/checkpoints/registrations/:id/actions/reveal', {
    config: { permission: 'pii.reveal' },
    schema: { tags: ['checkpoints'], summary: 'The ID number or phone of a registration in full; the reason is audited', params: IdParams, body: RevealInput, response: { 200: Revealed, ...errors } },
    handler: (req) => svc.reveal(requireCtx(req), req.params.id, req.body),
  });
  api.post('/api/checkpoints/registrations/:id/actions/temperature', {
    config: { permission: 'checkpoints.register' },
    schema: {
      tags: ['checkpoints'],
      summary: 'A temperature measured by staff (°C): updates the result; ≥ 37.3 °C opens an abnormal case and alerts the duty console; audited',
      params: IdParams,
      body: TemperatureInput,
      response: { 200: Registration, ...errors },
    },
    handler: (req) => svc.setTemperature(requireCtx(req), req.params.id, req.body.temperature),
  });
}
