// Daily reports (复工日报) of resumed enterprises: staff on site, capacity, supplies and
// temperatures, one per enterprise and day (a second replaces the first, audited); the list of who
// has not reported, and the reminder sent once the zone's cut-off hour has passed.
import { fieldLabel, type DailyReport, type DailyReportInput, type DailyReportListQuery, type MissingReport } from '@shuangsheng/contracts';
import type { ResumptionDailyReportsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { RuleError, ValidationError, type FieldIssue } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import type { ResumptionParts, Scope } from './context.js';
import { makePlansRepo } from './plans.repo.js';
import { makeReportsRepo, type ReportFilter, type ReportRow } from './reports.repo.js';
import type { ResumptionModule } from './resumption.services.js';

/** Records of the resumption (daily reports, visits, site checks, project restarts) are dated from 2020 on, not before. */
export const RESUMPTION_MIN_DATE = '2020-01-01';
const REMINDER_KIND = 'report_missing';

export type LatestReport = { reportDate: string; staffOnSite: number; capacityPct: number; suppliesDaysLeft: number; abnormalTemperature: number };

export function makeReportsService(parts: ResumptionParts, scope: Scope, mod: ResumptionModule) {
  const { deps, enterprises, timeZone } = parts;
  const { database, clock } = deps;
  const repo = makeReportsRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeReportsRepo(trx, database.dialect);
  const plansRepo = makePlansRepo(database.db, database.dialect);
  const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });

  /** Employees of each enterprise as the approved plan gives them (the registry's figure comes first). */
  async function planEmployees(zoneId: string, enterpriseIds: string[]): Promise<Map<string, number | null>> {
    const ids = [...new Set(enterpriseIds)];
    if (ids.length === 0) return new Map();
    const facts = await plansRepo.facts(zoneId, ids.length <= 500 ? ids : undefined);
    return new Map(facts.filter((p) => p.status === 'approved').map((p) => [p.enterprise_id, p.employees_total]));
  }

  async function toReports(zoneId: string, rows: ReportRow[]): Promise<DailyReport[]> {
    if (rows.length === 0) return [];
    const parks = new Map<string, string | null>();
    const briefs = await enterprises.briefs(zoneId, [...new Set(rows.map((r) => r.enterprise_id))]);
    for (const b of briefs) parks.set(b.id, b.parkName);
    const fromPlans = await planEmployees(zoneId, rows.filter((r) => r.enterprise_employees === null).map((r) => r.enterprise_id));
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      parkName: parks.get(r.enterprise_id) ?? null,
      reportDate: r.report_date,
      staffOnSite: r.staff_on_site,
      employees: r.enterprise_employees ?? fromPlans.get(r.enterprise_id) ?? null,
      capacityPct: r.capacity_pct,
      suppliesDaysLeft: r.supplies_days_left,
      abnormalTemperature: r.abnormal_temperature,
      note: r.note,
      reportedBy: r.reported_by_name,
      replaced: r.replace_count > 0,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  // ---- reading
  async function filterOf(ctx: Ctx, q: Omit<DailyReportListQuery, 'page' | 'pageSize'>): Promise<ReportFilter> {
    return { q: q.q, enterpriseId: q.enterpriseId, parkId: q.parkId, from: q.from, to: q.to, abnormal: q.abnormal, sort: q.sort, enterpriseIds: await scope.visibleIds(ctx, false) };
  }

  async function list(ctx: Ctx, q: DailyReportListQuery): Promise<{ items: DailyReport[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await toReports(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function* exportRows(ctx: Ctx, q: Omit<DailyReportListQuery, 'page' | 'pageSize'>): AsyncGenerator<DailyReport> {
    const batch: ReportRow[] = [];
    for await (const row of repo.stream(ctx.zoneId, await filterOf(ctx, q))) {
      batch.push(row);
      if (batch.length === 200) yield* await toReports(ctx.zoneId, batch.splice(0));
    }
    yield* await toReports(ctx.zoneId, batch);
  }

  /** Each enterprise's latest report on or before the date (of the zone, or of the ids). */
  async function latestOnOrBefore(zoneId: string, asOf: string, enterpriseIds?: string[]): Promise<Map<string, LatestReport>> {
    const narrow = enterpriseIds && enterpriseIds.length <= 500 ? enterpriseIds : undefined;
    const wanted = enterpriseIds ? new Set(enterpriseIds) : null;
    const out = new Map<string, LatestReport>();
    for (const r of await repo.latestOnOrBefore(zoneId, asOf, narrow)) {
      if (wanted && !wanted.has(r.enterprise_id)) continue;
      out.set(r.enterprise_id, { reportDate: r.report_date, staffOnSite: r.staff_on_site, capacityPct: r.capacity_pct, suppliesDaysLeft: r.supplies_days_left, abnormalTemperature: r.abnormal_temperature });
    }
    return out;
  }

  const reportedOn = (zoneId: string, date: string): Promise<Set<string>> => repo.reportedOn(zoneId, date);

  /** Enterprises resumed on the date (today by default) with no report for it, by name. */
  async function missing(ctx: Ctx, q: { date?: string | undefined; mine?: boolean | undefined }): Promise<MissingReport[]> {
    const date = mod.status.asOfOf(q.date, 'date');
    const ids = await scope.visibleIds(ctx, q.mine);
    if (ids && ids.length === 0) return [];
    return missingOn(ctx.zoneId, date, ids ?? undefined);
  }

  async function missingOn(zoneId: string, date: string, enterpriseIds?: string[]): Promise<MissingReport[]> {
    const statuses: Awaited<ReturnType<ResumptionModule['status']['statusesOn']>> = await mod.status.statusesOn(zoneId, date, enterpriseIds);
    const reported = await reportedOn(zoneId, date);
    const ids = [...statuses].filter(([id, s]) => s.status === 'resumed' && !reported.has(id)).map(([id]) => id);
    if (ids.length === 0) return [];
    const briefs = await enterprises.briefs(zoneId, ids);
    const latest = await latestOnOrBefore(zoneId, date, ids);
    const commissioners = await scope.commissionersOf(zoneId, ids);
    const collator = new Intl.Collator('zh-CN');
    return briefs
      .map((b) => {
        const primary = commissioners.get(b.id)?.[0];
        return { enterpriseId: b.id, enterpriseName: b.name, parkName: b.parkName, commissioner: primary ? { id: primary.userId, name: primary.name } : null, lastReportDate: latest.get(b.id)?.reportDate ?? null };
      })
      .sort((a, b) => collator.compare(a.enterpriseName, b.enterpriseName));
  }

  // ---- writing
  /** The day's report of the enterprise: the first creates it, a second replaces it (audited with both). */
  async function put(ctx: Ctx, input: DailyReportInput): Promise<DailyReport> {
    const enterprise = await scope.enterpriseFor(ctx, input.enterpriseId);
    await scope.assertMayAct(ctx, enterprise.id);
    const today = scope.today();
    const issues: FieldIssue[] = [];
    if (input.reportDate > today) issues.push({ path: 'reportDate', key: 'v.date_future', params: { today } });
    if (input.reportDate < RESUMPTION_MIN_DATE) issues.push({ path: 'reportDate', key: 'v.date_too_early', params: { min: RESUMPTION_MIN_DATE } });
    const employees = enterprise.employees ?? (await planEmployees(ctx.zoneId, [enterprise.id])).get(enterprise.id) ?? null;
    if (employees !== null && input.staffOnSite > employees) issues.push({ path: 'staffOnSite', key: 'v.not_above', params: { other: fieldLabel(ctx.lang, 'employeesTotal'), max: employees } });
    if (issues.length) throw new ValidationError(issues);
    const status = (await mod.status.statusesOn(ctx.zoneId, input.reportDate, [enterprise.id])).get(enterprise.id)?.status;
    if (status !== 'resumed') throw new RuleError('rule.not_resumed', { date: input.reportDate }, { field: 'reportDate', status: status ?? 'not_filed' });

    const now = clock.now();
    const values = {
      staff_on_site: input.staffOnSite,
      capacity_pct: input.capacityPct,
      supplies_days_left: input.suppliesDaysLeft,
      abnormal_temperature: input.abnormalTemperature,
      note: input.note ?? null,
      reported_by: ctx.actor.userId,
      reported_by_name: ctx.actor.displayName,
    };
    const shape = (r: Pick<ResumptionDailyReportsTable, 'staff_on_site' | 'capacity_pct' | 'supplies_days_left' | 'abnormal_temperature' | 'note'>) => ({
      staffOnSite: r.staff_on_site,
      capacityPct: r.capacity_pct,
      suppliesDaysLeft: r.supplies_days_left,
      abnormalTemperature: r.abnormal_temperature,
      note: r.note,
    });
    const fresh: ResumptionDailyReportsTable = { id: newId(), zone_id: ctx.zoneId, enterprise_id: enterprise.id, report_date: input.reportDate, ...values, replace_count: 0, created_at: now, updated_at: now };
    const id = await database.db.transaction().execute(async (trx) => {
      const r = repoIn(trx);
      // Insert-or-nothing first: of two parallel first reports one inserts, the other waits for it and replaces.
      if (await r.insertIfNone(fresh)) {
        await recordAudit(trx, clock, ctx, { action: 'daily_report.create', entityType: 'daily_report', entityId: fresh.id, after: { enterpriseId: enterprise.id, reportDate: input.reportDate, ...shape(fresh) } });
        return fresh.id;
      }
      const before = (await r.byDay(ctx.zoneId, enterprise.id, input.reportDate))!;
      await r.replace(ctx.zoneId, before.id, { ...values, updated_at: now });
      await recordAudit(trx, clock, ctx, {
        action: 'daily_report.replace',
        entityType: 'daily_report',
        entityId: before.id,
        before: { enterpriseId: enterprise.id, reportDate: input.reportDate, reportedBy: before.reported_by_name, ...shape(before) },
        after: { enterpriseId: enterprise.id, reportDate: input.reportDate, reportedBy: values.reported_by_name, ...shape({ ...values }) },
      });
      return before.id;
    });
    const { rows } = await repo.list(ctx.zoneId, { enterpriseIds: [enterprise.id], from: input.reportDate, to: input.reportDate, page: 1, pageSize: 1 });
    const [report] = await toReports(ctx.zoneId, rows.filter((r) => r.id === id));
    return report!;
  }

  // ---- the reminder job
  /** The zone's local hour now (0–23). */
  const localHour = () => Number(hourFormat.format(clock.now()));

  /**
   * Once the zone's cut-off hour has passed, reminds every enterprise resumed today without
   * today's report (its users and its commissioners), once a day whatever the reruns.
   */
  async function remindMissing(zoneId: string): Promise<{ reminded: number }> {
    const { reportCutoffHour } = await scope.settings(zoneId);
    if (localHour() < reportCutoffHour) return { reminded: 0 };
    const today = scope.today();
    const already = await repo.remindedOn(zoneId, REMINDER_KIND, today);
    const due = (await missingOn(zoneId, today)).filter((m) => !already.has(m.enterpriseId));
    let reminded = 0;
    for (const m of due) {
      const users = await scope.usersWithRole(zoneId, 'enterprise_user', m.enterpriseId);
      const commissioners = ((await scope.commissionersOf(zoneId, [m.enterpriseId])).get(m.enterpriseId) ?? []).map((c) => c.userId);
      const sent = await database.db.transaction().execute(async (trx) => {
        if (!(await repoIn(trx).remindOnce(zoneId, REMINDER_KIND, m.enterpriseId, today, clock.now()))) return false;
        await notify(trx, clock, zoneId, [...users, ...commissioners], { kind: 'resumption.report_missing', params: { enterpriseName: m.enterpriseName, date: today }, entityType: 'enterprise', entityId: m.enterpriseId });
        return true;
      });
      if (sent) reminded++;
    }
    return { reminded };
  }

  return { list, exportRows, latestOnOrBefore, reportedOn, missing, put, remindMissing };
}
export type ReportsService = ReturnType<typeof makeReportsService>;
