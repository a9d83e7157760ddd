// Risk zoning (分区分级分类): grid units with their level, control class and measures; each change is
// kept and listed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CONTROL_CLASS_LABELS,
  GRID_LEVEL_LABELS,
  type GridRisk,
  GridRiskExportQuery,
  GridRiskListQuery,
  GridRiskRow,
  Id,
  labelIn,
  type Lang,
  listOf,
  RISK_LEVEL_LABELS,
  RiskHistoryEntry,
  RiskInput,
} from '@shuangsheng/contracts';
import { requireCtx } from '../../platform/access.js';
import { xlsxStream, type Column } from '../../platform/excel.js';
import { errors, sendXlsx, typed } from '../../platform/routes.js';
import type { Services } from '../../services.js';

const UnitParams = z.strictObject({ gridUnitId: Id });
type Row = z.infer<typeof GridRiskRow> & { shown: GridRisk | null };

/**
 * Each unit with the level it shows, as the page shows it: its own, or the one it inherits (the
 * unit it comes from is named); a unit with neither has empty risk cells.
 */
function riskColumns(lang: Lang): Column<Row>[] {
  return [
    { key: 'unit', zh: '网格单元', en: 'Grid unit', width: 22, value: (r) => r.gridUnitName },
    { key: 'code', zh: '编码', en: 'Code', width: 16, value: (r) => r.gridUnitCode },
    { key: 'gridLevel', zh: '网格层级', en: 'Grid level', width: 10, value: (r) => labelIn(lang, GRID_LEVEL_LABELS[r.level]) },
    { key: 'risk', zh: '风险等级', en: 'Risk level', width: 10, value: (r) => (r.shown ? labelIn(lang, RISK_LEVEL_LABELS[r.shown.level]) : null) },
    { key: 'inheritedFrom', zh: '继承自', en: 'Inherited from', width: 16, value: (r) => (r.shown && !r.risk ? r.shown.gridUnitName : null) },
    { key: 'controlClass', zh: '管控类别', en: 'Control class', width: 14, value: (r) => (r.shown ? labelIn(lang, CONTROL_CLASS_LABELS[r.shown.controlClass]) : null) },
    { key: 'measures', zh: '管控措施', en: 'Measures', width: 40, value: (r) => r.shown?.measures },
    { key: 'since', zh: '起始日期', en: 'Since', width: 12, value: (r) => r.shown?.since },
    { key: 'checkpoints', zh: '卡口数', en: 'Checkpoints', width: 10, value: (r) => r.checkpoints },
  ];
}

export async function riskRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const api = typed(app);
  const svc = services.checkpoints.risk;
  const tags = ['checkpoints'];

  api.get('/api/checkpoints/risk', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'Every grid unit of the zone with its own current risk level and how many checkpoints sit in it; by level', querystring: GridRiskListQuery, response: { 200: listOf(GridRiskRow), ...errors } },
    handler: (req) => svc.list(requireCtx(req), req.query),
  });
  api.get('/api/checkpoints/risk/export.xlsx', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The filtered grid units as Excel, each with the level it shows (its own, or inherited: the unit named), control class, measures, since and checkpoint count; shown= filters by that level (none: neither), risk= by its own', querystring: GridRiskExportQuery },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { lang: _lang, ...q } = req.query;
      return sendXlsx(reply, 'risk-zoning', xlsxStream(req.lang === 'en-US' ? 'Risk zoning' : '风险分区', riskColumns(req.lang), await svc.exportRows(ctx, q), req.lang));
    },
  });
  api.put('/api/checkpoints/risk/:gridUnitId', {
    config: { permission: 'checkpoints.manage' },
    schema: { tags, summary: 'Set a grid unit’s level, control class and measures (a history row each time); its checkpoints and the units below without a level of their own show it', params: UnitParams, body: RiskInput, response: { 200: GridRiskRow, ...errors } },
    handler: (req) => svc.set(requireCtx(req), req.params.gridUnitId, req.body),
  });
  api.get('/api/checkpoints/risk/:gridUnitId/history', {
    config: { permission: 'checkpoints.read' },
    schema: { tags, summary: 'The unit’s levels, newest first', params: UnitParams, response: { 200: z.object({ items: z.array(RiskHistoryEntry) }), ...errors } },
    handler: (req) => svc.history(requireCtx(req), req.params.gridUnitId),
  });
}
