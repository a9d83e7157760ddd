// The workbench's quick views over a commissioner's enterprises, and how long ago a visit was.

export const WORKBENCH_VIEWS = ['all', 'plans', 'reports', 'demands', 'overdue', 'unvisited'] as const;
export type WorkbenchView = (typeof WORKBENCH_VIEWS)[number];

type Row = {
  planStatus: string | null;
  hoursLeft: number | null;
  reportMissingToday: boolean;
  openDemands: number;
  overdueDemands: number;
  lastVisitOn: string | null;
  enterpriseName: string;
};

/** Days from `date` to `today` (both `YYYY-MM-DD`), never negative. */
export function daysSince(date: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 86_400_000)) : 0;
}

/**
 * The rows of a view, most urgent first: plans waiting by hours left, then missing reports, then
 * overdue and open demands, then the longest unvisited; names break ties.
 */
export function workbenchView<R extends Row>(rows: readonly R[], view: WorkbenchView): R[] {
  const keep = (r: R): boolean => {
    switch (view) {
      case 'all':
        return true;
      case 'plans':
        return r.planStatus === 'submitted';
      case 'reports':
        return r.reportMissingToday;
      case 'demands':
        return r.openDemands > 0;
      case 'overdue':
        return r.overdueDemands > 0;
      case 'unvisited':
        return r.lastVisitOn === null;
    }
  };
  const waiting = (r: R) => (r.planStatus === 'submitted' ? (r.hoursLeft ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY);
  return rows.filter(keep).sort(
    (a, b) =>
      waiting(a) - waiting(b) ||
      Number(b.reportMissingToday) - Number(a.reportMissingToday) ||
      b.overdueDemands - a.overdueDemands ||
      b.openDemands - a.openDemands ||
      (a.lastVisitOn ?? '').localeCompare(b.lastVisitOn ?? '') ||
      a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'),
  );
}
