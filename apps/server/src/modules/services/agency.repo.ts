// SQL of agency cases (帮办代办) and their stage plans; the applications a stage links are read
// here by id, in the same zone, for their number, item and status.
import { AGENCY_STAGES, type AgencyListQuery, type AgencyStage } from '@shuangsheng/contracts';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AgencyCasesTable, AgencyStagesTable } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { containsText } from '../../db/dialect.js';
import { offsetOf, parseSort } from '../../db/paging.js';
import type { Executor } from '../../platform/context.js';

const SORT = { projectName: 'project_name', investmentFen: 'investment_fen', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export type AgencyFilter = Omit<AgencyListQuery, 'page' | 'pageSize'> & { onlyEnterprises?: string[] | undefined; enterpriseMatches?: string[] | undefined };

export function makeAgencyRepo(db: Executor, dialect: DialectName) {
  const filtered = (zoneId: string, f: AgencyFilter) => {
    let q = db.selectFrom('agency_cases').where('zone_id', '=', zoneId);
    if (f.q) {
      const needle = f.q;
      const ids = f.enterpriseMatches ?? [];
      q = q.where((eb) => eb.or([containsText(dialect, eb.ref('project_name'), needle), ...(ids.length ? [eb('enterprise_id', 'in', ids)] : [])]));
    }
    // The stage a case is in is its first stage not done (none: in production); read, never stored.
    if (f.stage) {
      const firstOpen = (eb: ExpressionBuilder<DB, 'agency_cases'>) =>
        eb.selectFrom('agency_stages as s').select((x) => x.fn.min('s.seq').as('seq')).whereRef('s.zone_id', '=', 'agency_cases.zone_id').whereRef('s.case_id', '=', 'agency_cases.id').where('s.status', '<>', 'done');
      if (f.stage === 'completed') q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('agency_stages as s').select('s.id').whereRef('s.zone_id', '=', 'agency_cases.zone_id').whereRef('s.case_id', '=', 'agency_cases.id').where('s.status', '<>', 'done'))));
      else q = q.where((eb) => eb(firstOpen(eb), '=', AGENCY_STAGES.indexOf(f.stage as AgencyStage)));
    }
    if (f.agentId) q = q.where('agent_id', '=', f.agentId);
    if (f.parkId) q = q.where('park_id', '=', f.parkId);
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.onlyEnterprises) q = f.onlyEnterprises.length ? q.where('enterprise_id', 'in', f.onlyEnterprises) : q.where('id', '=', '-');
    return q;
  };
  return {
    async list(zoneId: string, f: AgencyFilter & { page: number; pageSize: number }) {
      const [column, dir] = parseSort(f.sort, SORT, ['created_at', 'desc']);
      const base = filtered(zoneId, f);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy(column, dir).orderBy('id').limit(f.pageSize).offset(offsetOf(f.page, f.pageSize)).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    async *stream(zoneId: string, f: AgencyFilter): AsyncGenerator<AgencyCasesTable> {
      const [column, dir] = parseSort(f.sort, SORT, ['created_at', 'desc']);
      for (let page = 1; ; page++) {
        const rows = await filtered(zoneId, f).selectAll().orderBy(column, dir).orderBy('id').limit(500).offset((page - 1) * 500).execute();
        yield* rows;
        if (rows.length < 500) return;
      }
    },
    get: (zoneId: string, id: string) => db.selectFrom('agency_cases').selectAll().where('zone_id', '=', zoneId).where('id', '=', id).executeTakeFirst(),
    async stagesOf(zoneId: string, caseIds: string[]): Promise<AgencyStagesTable[]> {
      if (caseIds.length === 0) return [];
      return db.selectFrom('agency_stages').selectAll().where('zone_id', '=', zoneId).where('case_id', 'in', caseIds).orderBy('case_id').orderBy('seq').execute();
    },
    async applications(zoneId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db.selectFrom('applications').select(['id', 'number', 'item_name', 'status']).where('zone_id', '=', zoneId).where('id', 'in', ids).execute();
    },
    async insert(row: AgencyCasesTable, stages: AgencyStagesTable[]) {
      await db.insertInto('agency_cases').values(row).execute();
      await db.insertInto('agency_stages').values(stages).execute();
    },
    async update(zoneId: string, id: string, set: Partial<AgencyCasesTable>) {
      await db.updateTable('agency_cases').set(set).where('zone_id', '=', zoneId).where('id', '=', id).execute();
    },
    async updateStage(zoneId: string, caseId: string, stage: string, set: Partial<AgencyStagesTable>) {
      await db.updateTable('agency_stages').set(set).where('zone_id', '=', zoneId).where('case_id', '=', caseId).where('stage', '=', stage).execute();
    },
  };
}
