// The statistics as a workbook: sheet 指标 / Figures (each figure with its numerator, denominator,
// rate and definition) and sheet 企业 / Enterprises (every enterprise's position on the date).
import ExcelJS from 'exceljs';
import {
  DEMAND_CATEGORY_LABELS,
  ENTERPRISE_RESUMPTION_STATUS_LABELS,
  PLAN_STATUS_LABELS,
  SCALE_TIER_LABELS,
  labelIn,
  type EnterpriseResumption,
  type Lang,
  type Ratio,
  type ResumptionStats,
} from '@shuangsheng/contracts';
import { headerOf, type Column } from '../../platform/excel.js';
import { yesNoWord } from '../../platform/sheet-import.js';

type FigureRow = { figure: string; numerator: number | null; denominator: number | null; rate: string; definition: string };

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function figureRows(s: ResumptionStats, lang: Lang): FigureRow[] {
  const d = s.definitions;
  const L = (pair: [string, string]) => labelIn(lang, pair);
  const row = (figure: string, r: Ratio, definition: string | undefined): FigureRow => ({ figure, numerator: r.numerator, denominator: r.denominator, rate: pct(r.value), definition: definition ?? '' });
  return [
    row(L(['总体复工率', 'Overall rate']), s.overall, d.overall),
    ...s.tiers.map((t) => row(`${L(['分级复工率', 'By tier'])} · ${L(SCALE_TIER_LABELS[t.tier])}`, t.ratio, d.tiers)),
    row(L(['规上企业复工率', 'Above-scale']), s.aboveScale, d.aboveScale),
    row(L(['市级监测企业复工率', 'City-monitored']), s.cityMonitored, d.cityMonitored),
    ...s.supplyChains.map((c) => row(`${L(['产业链配套复工率', 'Supply chain'])} · ${c.leadingEnterpriseName}`, c.ratio, d.supplyChains)),
    ...s.parks.map((p) => row(`${L(['园区复工率', 'Park'])} · ${p.parkName ?? L(['未入园', 'No park'])}`, p.ratio, d.parks)),
    row(L(['员工返岗率', 'Staff return']), s.staffReturn, d.staffReturn),
    {
      figure: L(['平均产能利用率', 'Average capacity']),
      numerator: s.capacity.numerator,
      denominator: s.capacity.denominator,
      rate: s.capacity.value === null ? '—' : `${s.capacity.value.toFixed(1)}%`,
      definition: d.capacity ?? '',
    },
    row(L(['重大项目复工率', 'Major projects restarted']), s.majorProjects, d.majorProjects),
    ...s.openDemands.map((o) => ({
      figure: `${L(['未办结诉求', 'Open demands'])} · ${L(DEMAND_CATEGORY_LABELS[o.category])}`,
      numerator: o.open,
      denominator: null,
      rate: '',
      definition: `${L(['其中超期', 'of them overdue'])} ${o.overdue}. ${d.openDemands ?? ''}`,
    })),
    ...s.trend.map((t) => row(`${L(['复工趋势', 'Trend'])} · ${t.date}`, { numerator: t.resumed, denominator: t.total, value: t.total === 0 ? null : t.resumed / t.total }, d.trend)),
  ];
}

export function enterpriseColumns(lang: Lang): Column<EnterpriseResumption>[] {
  return [
    { key: 'name', zh: '企业名称', en: 'Enterprise', width: 32, value: (e) => e.enterpriseName },
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (e) => e.creditCode },
    { key: 'park', zh: '所属园区', en: 'Park', width: 18, value: (e) => e.parkName },
    { key: 'tier', zh: '规模等级', en: 'Scale tier', width: 12, value: (e) => labelIn(lang, SCALE_TIER_LABELS[e.tier]) },
    { key: 'aboveScale', zh: '规上企业', en: 'Above scale', width: 10, value: (e) => yesNoWord(e.aboveScale, lang) },
    { key: 'cityMonitored', zh: '市级监测', en: 'City-monitored', width: 10, value: (e) => yesNoWord(e.cityMonitored, lang) },
    { key: 'status', zh: '复工状态', en: 'Status', width: 10, value: (e) => labelIn(lang, ENTERPRISE_RESUMPTION_STATUS_LABELS[e.status]) },
    { key: 'since', zh: '状态起始日', en: 'Since', width: 12, value: (e) => e.since },
    { key: 'planStatus', zh: '复工申请', en: 'Plan', width: 12, value: (e) => (e.planStatus ? labelIn(lang, PLAN_STATUS_LABELS[e.planStatus]) : '') },
    { key: 'employees', zh: '职工人数', en: 'Employees', width: 10, value: (e) => e.employees },
    { key: 'reportDate', zh: '最近日报', en: 'Latest report', width: 12, value: (e) => e.latestReportDate },
    { key: 'staffOnSite', zh: '在岗人数', en: 'Staff on site', width: 10, value: (e) => e.staffOnSite },
    { key: 'staffReturn', zh: '返岗率', en: 'Staff return', width: 10, value: (e) => (e.staffReturnRate === null ? '' : pct(e.staffReturnRate)) },
    { key: 'capacity', zh: '产能利用率', en: 'Capacity', width: 10, value: (e) => (e.capacityPct === null ? '' : `${e.capacityPct}%`) },
    { key: 'commissioner', zh: '驻企特派员', en: 'Commissioner', width: 16, value: (e) => e.commissioner?.name },
  ];
}

const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { key: 'figure', zh: '指标', en: 'Figure', width: 36, value: (r) => r.figure },
  { key: 'numerator', zh: '分子', en: 'Numerator', width: 10, value: (r) => r.numerator },
  { key: 'denominator', zh: '分母', en: 'Denominator', width: 10, value: (r) => r.denominator },
  { key: 'rate', zh: '比率', en: 'Rate %', width: 10, value: (r) => r.rate },
  { key: 'definition', zh: '口径', en: 'Definition', width: 90, value: (r) => r.definition },
];

function addSheet<T>(wb: ExcelJS.Workbook, name: string, columns: Column<T>[], rows: Iterable<T>, lang: Lang): void {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: headerOf(c, lang), key: c.key, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
}

export async function statsWorkbook(stats: ResumptionStats, enterprises: EnterpriseResumption[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const en = lang === 'en-US';
  addSheet(wb, en ? 'Figures' : '指标', FIGURE_COLUMNS, figureRows(stats, lang), lang);
  addSheet(wb, en ? 'Enterprises' : '企业', enterpriseColumns(lang), enterprises, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
