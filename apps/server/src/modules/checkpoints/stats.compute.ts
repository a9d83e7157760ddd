// The checkpoint statistics computed from plain rows (pure): the hourly rollups summed by checkpoint,
// day, hour and origin province, the checkpoints' levels and states, and the abnormal cases; with the
// definitions of every figure. Plus the calendar arithmetic of the zone's days.
import {
  labelIn,
  type CheckpointKind,
  type CheckpointStats,
  type CheckpointStatus,
  type Lang,
  type Ratio,
  type RiskLevel,
  ALERT_REASONS,
  type AlertReason,
} from '@shuangsheng/contracts';

const DAY_MS = 86_400_000;
/** Whole days from one calendar date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The calendar dates from `from` to `to`, both included. */
export function datesFromTo(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const n = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, n) }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

export const CHECKPOINT_STATS_DEFINITION_LABELS: Record<string, [zh: string, en: string]> = {
  persons: ['筛查人次 = 期间各卡口登记的人次（每登记一人计 1 人次，同车人员分别计），按登记时间所在日（本区时区）统计；来自逐小时汇总，登记明细超过保存期被清除后仍保留。', 'Person-times screened = people registered at the checkpoints in the period (each person of a registration counts once, passengers too), by the day of registration in the zone’s time zone; from the hourly rollups, which outlive the purge of the registrations.'],
  vehicles: ['车辆辆次 = 期间登记的车辆次数（一次车辆登记计 1 辆次，不论同车人数）。', 'Vehicles = vehicle registrations in the period (one per vehicle registered, whatever the number of people in it).'],
  alerts: ['预警人次 = 期间筛查结果为“需关注”（黄）或“异常”（红）的人次：体温 ≥ 37.3 ℃，或申报发热、咳嗽、接触病例、14 天内到过高风险地区。', 'Alerts = person-times whose result was yellow or red: a temperature ≥ 37.3 °C, or a declared fever, cough, contact with cases or a high-risk region within 14 days.'],
  alertRate: ['预警率 = 预警人次 / 筛查人次。', 'Alert rate = alerts / person-times screened.'],
  byCheckpoint: ['按卡口：本区每个卡口（含已撤除）期间的筛查人次、车辆辆次、预警人次。', 'By checkpoint: every checkpoint of the zone (closed ones too) with its person-times, vehicles and alerts in the period.'],
  byDay: ['按日：期间每一天（本区时区）的筛查人次、车辆辆次、预警人次。', 'By day: each day of the period (zone’s time zone) with its person-times, vehicles and alerts.'],
  byHour: ['按小时：期间各天同一小时（0—23 时）的合计，用于安排高峰时段人手。', 'By hour: the period’s totals per hour of the day (0–23), to staff the rush hours.'],
  byProvince: ['按来源省份：登记人员申报的来源省份；空白为未申报（如出入证通行）。', 'By origin province: the province people declared they came from; blank when not declared (pass scans).'],
  byRisk: ['按风险等级：卡口所在网格（或其最近的上级网格）当前的风险等级；卡口数为本区该等级的卡口数，人次为这些卡口期间的筛查人次。', 'By risk level: the current level of the checkpoint’s grid unit (or the nearest unit above with one); checkpoints of the zone at that level, and their person-times in the period.'],
  cases: ['异常情况：期间登记时产生的异常情况（台账）按当前状态计——待处置、已转诊、已出结果、已结案；按原因计时，一例可有多个原因。', 'Abnormal cases: the cases raised by registrations in the period, by their status now — open, transferred, result recorded, closed; by reason, a case may count under several reasons.'],
  checkpoints: ['卡口：本区卡口当前的状态——运行中、服务点、已撤除。', 'Checkpoints: the zone’s checkpoints by their status now — active, service point, closed.'],
};

export function statsDefinitions(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(CHECKPOINT_STATS_DEFINITION_LABELS).map(([k, v]) => [k, labelIn(lang, v)]));
}

type Screened = { persons: number; vehicles: number; alerts: number };
export type StatsInput = {
  from: string;
  to: string;
  lang: Lang;
  /** The rollups summed by day and checkpoint. */
  cpDays: (Screened & { day: string; checkpoint_id: string })[];
  /** The rollups summed by (day and) hour. */
  hours: (Screened & { hour: number })[];
  /** The rollups summed by province (a province may come several times: per day). */
  provinces: { province: string; persons: number; vehicles: number }[];
  /** The zone's checkpoints (those asked about) with their level. */
  checkpoints: { id: string; name: string; kind: string; status: string; level: RiskLevel | null }[];
  /** Cases of the period counted by status, and by their comma-separated reasons. */
  caseStatuses: { status: string; n: number }[];
  caseReasons: { reasons: string; n: number }[];
};

/** One collator for every comparison (localeCompare with a locale builds one per call: slow in sorts). */
export const zhCompare = new Intl.Collator('zh-CN').compare;

const zero = (): Screened => ({ persons: 0, vehicles: 0, alerts: 0 });
const add = (s: Screened, c: Screened) => {
  s.persons += c.persons;
  s.vehicles += c.vehicles;
  s.alerts += c.alerts;
};
const LEVEL_ORDER: (RiskLevel | null)[] = ['high', 'medium', 'low', null];

function provinceSums(list: StatsInput['provinces']): Map<string, { province: string; persons: number; vehicles: number }> {
  const out = new Map<string, { province: string; persons: number; vehicles: number }>();
  for (const p of list) {
    const s = out.get(p.province);
    if (s) {
      s.persons += p.persons;
      s.vehicles += p.vehicles;
    } else out.set(p.province, { province: p.province, persons: p.persons, vehicles: p.vehicles });
  }
  return out;
}

export function computeStats(input: StatsInput): CheckpointStats {
  const total = zero();
  const byCp = new Map(input.checkpoints.map((c) => [c.id, zero()]));
  const byDay = new Map(datesFromTo(input.from, input.to).map((d) => [d, zero()]));
  const byHour = Array.from({ length: 24 }, zero);
  for (const c of input.cpDays) {
    add(total, c);
    let cp = byCp.get(c.checkpoint_id);
    // A checkpoint outside the list (should not happen: rollups reference the zone's checkpoints).
    if (!cp) byCp.set(c.checkpoint_id, (cp = zero()));
    add(cp, c);
    const d = byDay.get(c.day);
    if (d) add(d, c);
  }
  for (const c of input.hours) {
    const h = byHour[c.hour];
    if (h) add(h, c);
  }
  const known = new Map(input.checkpoints.map((c) => [c.id, c]));
  const byCheckpoint = input.checkpoints
    .map((c) => ({ checkpointId: c.id, name: c.name, kind: c.kind as CheckpointKind, status: c.status as CheckpointStatus, ...byCp.get(c.id)! }))
    .sort((a, b) => b.persons - a.persons || zhCompare(a.name, b.name));

  const risk = new Map<RiskLevel | null, { checkpoints: number; persons: number }>();
  for (const c of input.checkpoints) {
    const r = risk.get(c.level) ?? { checkpoints: 0, persons: 0 };
    r.checkpoints += 1;
    r.persons += byCp.get(c.id)?.persons ?? 0;
    risk.set(c.level, r);
  }
  const byRisk = LEVEL_ORDER.filter((l) => risk.has(l)).map((level) => ({ level, ...risk.get(level)! }));

  const statusCount = (s: string) => input.caseStatuses.filter((x) => x.status === s).reduce((n, x) => n + Number(x.n), 0);
  const reasonCount = new Map<AlertReason, number>();
  for (const r of input.caseReasons) {
    for (const reason of r.reasons.split(',').filter(Boolean)) reasonCount.set(reason as AlertReason, (reasonCount.get(reason as AlertReason) ?? 0) + Number(r.n));
  }
  const cases = {
    total: input.caseStatuses.reduce((n, x) => n + Number(x.n), 0),
    open: statusCount('open'),
    transferred: statusCount('transferred'),
    resulted: statusCount('resulted'),
    closed: statusCount('closed'),
    byReason: ALERT_REASONS.filter((r) => reasonCount.has(r)).map((reason) => ({ reason, count: reasonCount.get(reason)! })),
  };
  const statusOf = (s: CheckpointStatus) => [...known.values()].filter((c) => c.status === s).length;

  return {
    from: input.from,
    to: input.to,
    ...total,
    alertRate: ratio(total.alerts, total.persons),
    byCheckpoint,
    byDay: [...byDay].map(([day, s]) => ({ day, ...s })),
    byHour: byHour.map((s, hour) => ({ hour, ...s })),
    byProvince: [...provinceSums(input.provinces).values()].sort((a, b) => b.persons - a.persons || zhCompare(a.province, b.province)),
    byRisk,
    cases,
    checkpoints: { active: statusOf('active'), servicePoint: statusOf('service_point'), closed: statusOf('closed') },
    definitions: statsDefinitions(input.lang),
  };
}
