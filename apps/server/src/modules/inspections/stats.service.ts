// The inspection statistics of a period (at most 366 days) and their workbook.
import ExcelJS from 'exceljs';
import { labelIn, type ChecklistItem, type InspectionStats, type Lang, type Ratio } from '@shuangsheng/contracts';
import type { Ctx } from '../../platform/context.js';
import { headerOf, type Column } from '../../platform/excel.js';
import { ValidationError } from '../../platform/errors.js';
import type { InspectionParts, Scope } from './context.js';
import type { InspectionsModule } from './inspections.services.js';
import { computeStats, daysBetween } from './stats.compute.js';
import { makeStatsRepo } from './stats.repo.js';

export const MAX_STATS_DAYS = 366;

type FigureRow = { figure: string; numerator: number | null; denominator: number | null; rate: string; definition: string };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function figureRows(s: InspectionStats, lang: Lang): FigureRow[] {
  const d = s.definitions;
  const L = (pair: [string, string]) => labelIn(lang, pair);
  const row = (figure: string, r: Ratio, definition: string | undefined, rate = pct(r.value)): FigureRow => ({ figure, numerator: r.numerator, denominator: r.denominator, rate, definition: definition ?? '' });
  const count = (figure: string, n: number, definition: string | undefined): FigureRow => ({ figure, numerator: n, denominator: null, rate: '', definition: definition ?? '' });
  return [
    row(L(['期间园区覆盖率', 'Parks covered']), s.parks, d.parks),
    ...s.daily.filter((x) => x.parks.denominator > 0).map((x) => row(`${L(['每日园区覆盖率', 'Daily coverage'])} · ${x.date}`, x.parks, d.daily)),
    ...s.items.map((i) => row(`${L(['检查项合格率', 'Item pass rate'])} · ${i.title}`, i.passRate, d.items)),
    ...s.topFailing.map((i) => count(`${L(['不符合次数', 'Fails'])} · ${i.title}`, i.fails, d.topFailing)),
    count(L(['发现问题', 'Findings']), s.findings.total, d.findings),
    row(L(['立行立改占比', 'Fixed on the spot']), s.findings.fixedOnSpot, d.findings),
    row(L(['列入台账占比', 'Ledgered']), s.findings.ledgered, d.findings),
    count(L(['台账整改中', 'Ledger open']), s.ledger.open, d.ledger),
    count(L(['台账已销号', 'Ledger closed']), s.ledger.closed, d.ledger),
    count(L(['台账逾期', 'Ledger overdue']), s.ledger.overdue, d.ledger),
    row(L(['平均整改天数', 'Average days to close']), s.averageDaysToClose, d.averageDaysToClose, s.averageDaysToClose.value === null ? '—' : s.averageDaysToClose.value.toFixed(1)),
  ];
}

const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { key: 'figure', zh: '指标', en: 'Figure', width: 40, value: (r) => r.figure },
  { key: 'numerator', zh: '分子', en: 'Numerator', width: 10, value: (r) => r.numerator },
  { key: 'denominator', zh: '分母', en: 'Denominator', width: 10, value: (r) => r.denominator },
  { key: 'rate', zh: '比率', en: 'Rate', width: 10, value: (r) => r.rate },
  { key: 'definition', zh: '口径', en: 'Definition', width: 90, value: (r) => r.definition },
];

export function makeStatsService(parts: InspectionParts, scope: Scope, _mod: InspectionsModule) {
  const repo = makeStatsRepo(parts.deps.database.db);

  async function stats(ctx: Ctx, q: { from: string; to: string; lang?: Lang | undefined }): Promise<InspectionStats> {
    if (q.from > q.to) throw new ValidationError([{ path: 'to', key: 'v.range' }]);
    if (daysBetween(q.from, q.to) + 1 > MAX_STATS_DAYS) throw new ValidationError([{ path: 'to', key: 'v.period_too_long', params: { days: MAX_STATS_DAYS } }]);
    const [roundTasks, answers, findings] = await Promise.all([repo.roundTasks(ctx.zoneId, q.from, q.to), repo.answers(ctx.zoneId, q.from, q.to), repo.findings(ctx.zoneId, q.from, q.to)]);
    const versionIds = [...new Set(answers.map((a) => a.template_version_id).filter((x): x is string => x !== null))];
    const versions = (await repo.versions(ctx.zoneId, versionIds)).map((v) => ({ id: v.id, items: JSON.parse(v.items_json) as ChecklistItem[] }));
    return computeStats({ from: q.from, to: q.to, today: scope.today(), lang: q.lang ?? ctx.lang, roundTasks, answers, versions, findings });
  }

  /** Sheet 指标 / Figures: each figure with numerator, denominator, rate and definition. */
  async function workbook(ctx: Ctx, q: { from: string; to: string; lang?: Lang | undefined }): Promise<Buffer> {
    const lang = q.lang ?? ctx.lang;
    const s = await stats(ctx, { ...q, lang });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet(lang === 'en-US' ? 'Figures' : '指标', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = FIGURE_COLUMNS.map((c) => ({ header: headerOf(c, lang), key: c.key, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const r of figureRows(s, lang)) sheet.addRow(Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.key, c.value(r) ?? null])));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { stats, workbook };
}
export type StatsService = ReturnType<typeof makeStatsService>;
