// The checkpoint statistics of a period (at most 366 days): person-times and vehicles screened
// (Zigong's two figures are of this kind), alerts and the alert rate, by checkpoint, day, hour,
// origin province and risk level; the abnormal cases; the checkpoints' states. Read from the hourly
// rollups the registration writer keeps, so they still answer after the registrations themselves
// are purged. Plus their workbook.
//
// A day's rollups are read once and kept in memory when the day is settled (it ended more than
// five minutes ago in the zone): registrations are written at the time they happen, so only a
// later temperature changes a settled day (registrations.setTemperature calls `invalidate`); kept an hour at
// most all the same. Today is always read afresh: a 14-day window reads one day of rollups.
import ExcelJS from 'exceljs';
import {
  ALERT_REASON_LABELS,
  CHECKPOINT_KIND_LABELS,
  CHECKPOINT_STATUS_LABELS,
  labelIn,
  RISK_LEVEL_LABELS,
  type CheckpointStats,
  type Lang,
  type Ratio,
  type RiskLevel,
} from '@shuangsheng/contracts';
import type { Ctx } from '../../platform/context.js';
import { headerOf, type Column } from '../../platform/excel.js';
import { ValidationError } from '../../platform/errors.js';
import { addDays } from '../../platform/calendar.js';
import type { CheckpointParts, Scope } from './context.js';
import type { CheckpointsModule } from './checkpoints.services.js';
import { computeStats, datesFromTo, daysBetween } from './stats.compute.js';
import { dayStartIn } from '../../platform/time.js';
import { makeStatsRepo } from './stats.repo.js';

export const MAX_STATS_DAYS = 366;

export type StatsQuery = { from: string; to: string; checkpointId?: string | undefined; lang?: Lang | undefined };

type FigureRow = { figure: string; numerator: number | null; denominator: number | null; rate: string; definition: string };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

function figureRows(s: CheckpointStats, lang: Lang): FigureRow[] {
  const d = s.definitions;
  const L = (pair: [string, string]) => labelIn(lang, pair);
  const row = (figure: string, r: Ratio, definition: string | undefined): FigureRow => ({ figure, numerator: r.numerator, denominator: r.denominator, rate: pct(r.value), definition: definition ?? '' });
  const count = (figure: string, n: number, definition: string | undefined): FigureRow => ({ figure, numerator: n, denominator: null, rate: '', definition: definition ?? '' });
  return [
    count(L(['筛查人次', 'Person-times screened']), s.persons, d.persons),
    count(L(['车辆辆次', 'Vehicles']), s.vehicles, d.vehicles),
    count(L(['预警人次', 'Alerts']), s.alerts, d.alerts),
    row(L(['预警率', 'Alert rate']), s.alertRate, d.alertRate),
    count(L(['异常情况', 'Abnormal cases']), s.cases.total, d.cases),
    count(`${L(['异常情况', 'Abnormal cases'])} · ${L(['待处置', 'Open'])}`, s.cases.open, d.cases),
    count(`${L(['异常情况', 'Abnormal cases'])} · ${L(['已转诊', 'Transferred'])}`, s.cases.transferred, d.cases),
    count(`${L(['异常情况', 'Abnormal cases'])} · ${L(['已出结果', 'Result recorded'])}`, s.cases.resulted, d.cases),
    count(`${L(['异常情况', 'Abnormal cases'])} · ${L(['已结案', 'Closed'])}`, s.cases.closed, d.cases),
    ...s.cases.byReason.map((r) => count(`${L(['异常原因', 'Reason'])} · ${L(ALERT_REASON_LABELS[r.reason])}`, r.count, d.cases)),
    ...s.byRisk.map((r) => count(`${L(['风险等级', 'Risk level'])} · ${r.level ? L(RISK_LEVEL_LABELS[r.level]) : L(['未定级', 'No level'])} · ${L(['筛查人次', 'Person-times'])}`, r.persons, d.byRisk)),
    count(`${L(['卡口', 'Checkpoints'])} · ${L(CHECKPOINT_STATUS_LABELS.active)}`, s.checkpoints.active, d.checkpoints),
    count(`${L(['卡口', 'Checkpoints'])} · ${L(CHECKPOINT_STATUS_LABELS.service_point)}`, s.checkpoints.servicePoint, d.checkpoints),
    count(`${L(['卡口', 'Checkpoints'])} · ${L(CHECKPOINT_STATUS_LABELS.closed)}`, s.checkpoints.closed, d.checkpoints),
  ];
}

const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { key: 'figure', zh: '指标', en: 'Figure', width: 40, value: (r) => r.figure },
  { key: 'numerator', zh: '数值/分子', en: 'Value / numerator', width: 14, value: (r) => r.numerator },
  { key: 'denominator', zh: '分母', en: 'Denominator', width: 12, value: (r) => r.denominator },
  { key: 'rate', zh: '比率', en: 'Rate', width: 10, value: (r) => r.rate },
  { key: 'definition', zh: '口径', en: 'Definition', width: 90, value: (r) => r.definition },
];
type Screened = { persons: number; vehicles: number; alerts: number };
const screenedColumns = <T extends Screened>(): Column<T>[] => [
  { key: 'persons', zh: '筛查人次', en: 'Person-times', width: 12, value: (r) => r.persons },
  { key: 'vehicles', zh: '车辆辆次', en: 'Vehicles', width: 12, value: (r) => r.vehicles },
  { key: 'alerts', zh: '预警人次', en: 'Alerts', width: 12, value: (r) => r.alerts },
];

/** A day's rollups summed by checkpoint, by hour and by province (hours and provinces of the whole zone). */
type Day = { cpDays: (Screened & { day: string; checkpoint_id: string })[]; hours: (Screened & { day: string; hour: number })[]; provinces: { day: string; province: string; persons: number; vehicles: number }[] };
type Kept = Day & { until: number };
/** How long a settled day is kept, and how many days (of all zones) at most. */
const SETTLED_MS = 60 * 60_000;
/** A day is settled this long after it ended (a group commit in flight at midnight is in by then). */
const SETTLE_AFTER_MS = 5 * 60_000;
const MAX_DAYS_KEPT = 20_000;

function groupByDay<T extends { day: string }>(xs: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.day);
    if (list) list.push(x);
    else m.set(x.day, [x]);
  }
  return m;
}

export function makeStatsService(parts: CheckpointParts, scope: Scope, mod: CheckpointsModule) {
  const { deps, timeZone } = parts;
  const repo = makeStatsRepo(deps.database.db);
  // By wall time, not the zone's clock: a test clock standing still must not keep days forever.
  const days = new Map<string, Kept>();
  const keyOf = (zoneId: string, day: string) => `${zoneId}|${day}`;

  /** Forget what is kept of a zone's day (every day when none is given): its rollups changed. */
  function invalidate(zoneId: string, day?: string): void {
    if (day) days.delete(keyOf(zoneId, day));
    else for (const k of days.keys()) if (k.startsWith(`${zoneId}|`)) days.delete(k);
  }

  /** Reads [from, to] (three small grouped queries), of one checkpoint or of all. */
  async function read(zoneId: string, from: string, to: string, checkpointId?: string): Promise<Day> {
    const f = { zoneId, from, to, checkpointId };
    const [cpDays, hours, provinces] = await Promise.all([repo.byDayCheckpoint(f), repo.byDayHour(f), repo.byDayProvince(f)]);
    return { cpDays, hours, provinces };
  }

  /**
   * The rollups of every day in [from, to]. One checkpoint's are read as they are; the zone's come
   * from memory for the settled days kept, the other days read in ranges of consecutive days.
   */
  async function rollupsOf(zoneId: string, from: string, to: string, checkpointId?: string): Promise<Day> {
    if (checkpointId) return read(zoneId, from, to, checkpointId);
    const now = Date.now();
    const clockNow = deps.clock.now();
    const settledDays = new Map<string, boolean>();
    const settled = (d: string) => {
      let v = settledDays.get(d);
      if (v === undefined) settledDays.set(d, (v = dayStartIn(addDays(d, 1), timeZone) + SETTLE_AFTER_MS <= clockNow));
      return v;
    };
    const all = datesFromTo(from, to);
    const got = new Map<string, Day>();
    for (const d of all) {
      const hit = settled(d) ? days.get(keyOf(zoneId, d)) : undefined;
      if (hit && hit.until > now) got.set(d, hit);
    }
    const ranges: [string, string][] = [];
    for (const d of all) {
      if (got.has(d)) continue;
      const last = ranges.at(-1);
      if (last && addDays(last[1], 1) === d) last[1] = d;
      else ranges.push([d, d]);
    }
    for (const [a, b, r] of await Promise.all(ranges.map(async ([a, b]) => [a, b, await read(zoneId, a, b)] as const))) {
      const cpDays = groupByDay(r.cpDays);
      const hours = groupByDay(r.hours);
      const provinces = groupByDay(r.provinces);
      for (const d of datesFromTo(a, b)) {
        const day: Day = { cpDays: cpDays.get(d) ?? [], hours: hours.get(d) ?? [], provinces: provinces.get(d) ?? [] };
        got.set(d, day);
        if (settled(d)) {
          if (days.size >= MAX_DAYS_KEPT) days.delete(days.keys().next().value!);
          days.set(keyOf(zoneId, d), { ...day, until: now + SETTLED_MS });
        }
      }
    }
    const each = all.map((d) => got.get(d)!);
    return { cpDays: each.flatMap((x) => x.cpDays), hours: each.flatMap((x) => x.hours), provinces: each.flatMap((x) => x.provinces) };
  }

  async function stats(ctx: Ctx, q: StatsQuery): Promise<CheckpointStats> {
    if (q.from > q.to) throw new ValidationError([{ path: 'to', key: 'v.range' }]);
    if (daysBetween(q.from, q.to) + 1 > MAX_STATS_DAYS) throw new ValidationError([{ path: 'to', key: 'v.period_too_long', params: { days: MAX_STATS_DAYS } }]);
    const zoneId = ctx.zoneId;
    const fromMs = dayStartIn(q.from, timeZone);
    const toMs = dayStartIn(addDays(q.to, 1), timeZone);
    const [rollups, checkpoints, levels, caseStatuses, caseReasons] = await Promise.all([
      rollupsOf(zoneId, q.from, q.to, q.checkpointId),
      repo.checkpoints(zoneId, q.checkpointId),
      mod.risk.levelsByCheckpoint(zoneId) as Promise<Map<string, RiskLevel | null>>,
      repo.caseStatuses(zoneId, fromMs, toMs, q.checkpointId),
      repo.caseReasons(zoneId, fromMs, toMs, q.checkpointId),
    ]);
    return computeStats({
      from: q.from,
      to: q.to,
      lang: q.lang ?? ctx.lang,
      ...rollups,
      checkpoints: checkpoints.map((c) => ({ ...c, level: levels.get(c.id) ?? null })),
      caseStatuses,
      caseReasons,
    });
  }

  /** Sheets: the figures (value, numerator, denominator, rate, definition), by checkpoint, by day, by hour, by province. */
  async function workbook(ctx: Ctx, q: StatsQuery): Promise<Buffer> {
    const lang = q.lang ?? ctx.lang;
    const s = await stats(ctx, { ...q, lang });
    const L = (pair: readonly [string, string]) => labelIn(lang, pair);
    const wb = new ExcelJS.Workbook();
    const sheet = <T>(name: [string, string], columns: Column<T>[], rows: T[]) => {
      const ws = wb.addWorksheet(L(name), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: headerOf(c, lang), key: c.key, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      for (const r of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
    };
    sheet(['指标', 'Figures'], FIGURE_COLUMNS, figureRows(s, lang));
    type ByCp = CheckpointStats['byCheckpoint'][number];
    sheet(['按卡口', 'By checkpoint'], [
      { key: 'name', zh: '卡口', en: 'Checkpoint', width: 28, value: (r: ByCp) => r.name },
      { key: 'kind', zh: '类型', en: 'Kind', width: 16, value: (r: ByCp) => L(CHECKPOINT_KIND_LABELS[r.kind]) },
      { key: 'status', zh: '状态', en: 'Status', width: 10, value: (r: ByCp) => L(CHECKPOINT_STATUS_LABELS[r.status]) },
      ...screenedColumns<ByCp>(),
    ], s.byCheckpoint);
    type ByDay = CheckpointStats['byDay'][number];
    sheet(['按日', 'By day'], [{ key: 'day', zh: '日期', en: 'Day', width: 12, value: (r: ByDay) => r.day }, ...screenedColumns<ByDay>()], s.byDay);
    type ByHour = CheckpointStats['byHour'][number];
    sheet(['按小时', 'By hour'], [{ key: 'hour', zh: '时段', en: 'Hour', width: 12, value: (r: ByHour) => `${String(r.hour).padStart(2, '0')}:00–${String(r.hour + 1).padStart(2, '0')}:00` }, ...screenedColumns<ByHour>()], s.byHour);
    type ByProvince = CheckpointStats['byProvince'][number];
    sheet(['按来源省份', 'By origin province'], [
      { key: 'province', zh: '来源省份', en: 'Origin province', width: 16, value: (r: ByProvince) => r.province || L(['未申报', 'Not declared']) },
      { key: 'persons', zh: '筛查人次', en: 'Person-times', width: 12, value: (r: ByProvince) => r.persons },
      { key: 'vehicles', zh: '车辆辆次', en: 'Vehicles', width: 12, value: (r: ByProvince) => r.vehicles },
    ], s.byProvince);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { stats, workbook, invalidate };
}
export type StatsService = ReturnType<typeof makeStatsService>;
