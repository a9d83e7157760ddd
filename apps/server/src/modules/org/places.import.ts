// Excel imports of parks, buildings and grid units (same shape as the enterprise import).
import { BuildingInput, GridUnitInput, ParkInput, type GridLevel } from '@shuangsheng/contracts';
import type { BuildingsTable, GridUnitsTable, ParksTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { parseAmount, type ImportSpec, type SheetColumn } from '../../platform/sheet-import.js';
import { makeBuildingsRepo } from './buildings.repo.js';
import { makeGridUnitsRepo } from './grid-units.repo.js';
import { childGridLevel } from './org.policy.js';
import { makeParksRepo } from './parks.repo.js';

export const PARK_COLUMNS: SheetColumn[] = [
  { key: 'name', zh: '园区名称', en: 'Park', required: true, width: 24, example: '板仓工业园' },
  { key: 'address', zh: '地址', en: 'Address', width: 30, example: '示范高新区板仓大道 88 号' },
  { key: 'areaSqm', zh: '面积（平方米）', en: 'Area (m²)', width: 14, example: '5200000' },
  { key: 'managerName', zh: '负责人', en: 'Manager', width: 12, example: '陈志强' },
  { key: 'managerPhone', zh: '负责人电话', en: 'Manager phone', width: 16, hint: ['打码的号码（导出文件中）导入时保持原值', 'Masked numbers (from an export) are left unchanged'], example: '13880012345' },
];

export const BUILDING_COLUMNS: SheetColumn[] = [
  { key: 'park', zh: '所属园区', en: 'Park', required: true, width: 24, example: '板仓工业园' },
  { key: 'name', zh: '楼宇名称', en: 'Building', required: true, width: 20, example: '标准厂房 1 号' },
  { key: 'floors', zh: '层数', en: 'Floors', width: 8, example: '6' },
  { key: 'areaSqm', zh: '面积（平方米）', en: 'Area (m²)', width: 14, example: '12000' },
];

export const GRID_COLUMNS: SheetColumn[] = [
  { key: 'code', zh: '网格编码', en: 'Code', required: true, width: 16, example: 'ST01-C01' },
  { key: 'name', zh: '名称', en: 'Name', required: true, width: 20, example: '板仓社区' },
  { key: 'parentCode', zh: '上级网格编码', en: 'Parent code', width: 16, hint: ['上级可以是本表中前后任意一行', 'The parent may be any row of this file'], example: 'ST01' },
];

const toIntOrNull = (r: { cell(k: string): string; has(k: string): boolean }, key: string, fail: () => void): number | null | undefined => {
  if (!r.has(key)) return null;
  const n = parseAmount(r.cell(key));
  if (n === null || !Number.isInteger(n)) {
    fail();
    return undefined;
  }
  return n;
};

type ParkRow = { input: ParkInput; present: Set<string> };
type ParkInput = ReturnType<typeof ParkInput.parse>;

export function parkImportSpec({ database, clock, pii }: Deps): ImportSpec<ParkRow, ParksTable> {
  const repoOf = (db: typeof database.db) => makeParksRepo(db, database.dialect);
  return {
    columns: PARK_COLUMNS,
    keyColumn: 'name',
    prepare: async () => undefined,
    parse(r) {
      const input: Record<string, unknown> = { name: r.cell('name') };
      for (const k of ['address', 'managerName'] as const) if (r.present(k)) input[k] = r.has(k) ? r.cell(k) : null;
      if (r.present('areaSqm')) input.areaSqm = toIntOrNull(r, 'areaSqm', () => r.fail('areaSqm', 'v.integer'));
      if (r.present('managerPhone') && !r.cell('managerPhone').includes('*')) input.managerPhone = r.has('managerPhone') ? r.cell('managerPhone') : null;
      const parsed = ParkInput.safeParse(input, { reportInput: true });
      if (!parsed.success) return void r.failIssues(parsed.error.issues, (f) => f);
      return { input: parsed.data, present: new Set(Object.keys(input)) };
    },
    keyOf: (v) => v.input.name,
    async existing(ctx, keys) {
      const all = await repoOf(database.db).allNames(ctx.zoneId);
      const wanted = new Set(keys);
      const rows = await Promise.all(all.filter((p) => wanted.has(p.name)).map((p) => repoOf(database.db).get(ctx.zoneId, p.id)));
      return new Map(rows.flatMap((p) => (p ? [[p.name, p] as const] : [])));
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeParksRepo(trx, database.dialect);
      const now = clock.now();
      const audits: AuditEntry[] = [];
      for (const { key, value } of planned) {
        const { input, present } = value;
        const phone = pii.protect(input.managerPhone);
        const old = existing.get(key);
        const shown = { ...input, managerPhone: input.managerPhone === undefined ? undefined : maskPhone(input.managerPhone) };
        if (!old) {
          const id = newId();
          await repo.insert({ id, zone_id: ctx.zoneId, name: input.name, address: input.address ?? null, area_sqm: input.areaSqm ?? null, manager_name: input.managerName ?? null, manager_phone_enc: phone.enc, manager_phone_idx: phone.idx, created_at: now, updated_at: now });
          audits.push({ action: 'park.import_create', entityType: 'park', entityId: id, after: shown });
        } else {
          const set: Partial<ParksTable> = { updated_at: now };
          if (present.has('address')) set.address = input.address ?? null;
          if (present.has('areaSqm')) set.area_sqm = input.areaSqm ?? null;
          if (present.has('managerName')) set.manager_name = input.managerName ?? null;
          if (present.has('managerPhone')) Object.assign(set, { manager_phone_enc: phone.enc, manager_phone_idx: phone.idx });
          await repo.update(ctx.zoneId, old.id, set);
          audits.push({ action: 'park.import_update', entityType: 'park', entityId: old.id, after: shown });
        }
      }
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}

type BuildingRow = { parkId: string; name: string; floors: number | null | undefined; areaSqm: number | null | undefined; present: Set<string> };

export function buildingImportSpec({ database, clock }: Deps): ImportSpec<BuildingRow, BuildingsTable> {
  let parkByName = new Map<string, string>();
  return {
    columns: BUILDING_COLUMNS,
    keyColumn: 'name',
    async prepare(ctx) {
      parkByName = new Map((await makeParksRepo(database.db, database.dialect).allNames(ctx.zoneId)).map((p) => [p.name, p.id]));
    },
    parse(r) {
      const parkId = parkByName.get(r.cell('park'));
      if (r.has('park') && !parkId) r.fail('park', 'import.unknown_park', { value: r.cell('park') });
      const floors = r.present('floors') ? toIntOrNull(r, 'floors', () => r.fail('floors', 'v.integer')) : undefined;
      const areaSqm = r.present('areaSqm') ? toIntOrNull(r, 'areaSqm', () => r.fail('areaSqm', 'v.integer')) : undefined;
      const parsed = BuildingInput.safeParse({ parkId: parkId ?? '00000000-0000-7000-8000-000000000000', name: r.cell('name'), floors, areaSqm }, { reportInput: true });
      if (!parsed.success) return void r.failIssues(parsed.error.issues, (f) => (f === 'parkId' ? 'park' : f));
      if (!parkId) return undefined;
      return { parkId, name: parsed.data.name, floors, areaSqm, present: new Set(['floors', 'areaSqm'].filter((k) => r.present(k))) };
    },
    keyOf: (v) => `${v.parkId}\u0000${v.name}`,
    async existing(ctx) {
      const all = await makeBuildingsRepo(database.db, database.dialect).allInZone(ctx.zoneId);
      const full = await Promise.all(all.map((b) => makeBuildingsRepo(database.db, database.dialect).get(ctx.zoneId, b.id)));
      return new Map(full.flatMap((b) => (b ? [[`${b.park_id}\u0000${b.name}`, b] as const] : [])));
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeBuildingsRepo(trx, database.dialect);
      const now = clock.now();
      const audits: AuditEntry[] = [];
      for (const { key, value: v } of planned) {
        const old = existing.get(key);
        if (!old) {
          const id = newId();
          await repo.insert({ id, zone_id: ctx.zoneId, park_id: v.parkId, name: v.name, floors: v.floors ?? null, area_sqm: v.areaSqm ?? null, created_at: now, updated_at: now });
          audits.push({ action: 'building.import_create', entityType: 'building', entityId: id, after: { parkId: v.parkId, name: v.name, floors: v.floors, areaSqm: v.areaSqm } });
        } else {
          const set: Partial<BuildingsTable> = { updated_at: now };
          if (v.present.has('floors')) set.floors = v.floors ?? null;
          if (v.present.has('areaSqm')) set.area_sqm = v.areaSqm ?? null;
          await repo.update(ctx.zoneId, old.id, set);
          audits.push({ action: 'building.import_update', entityType: 'building', entityId: old.id, after: { floors: v.floors, areaSqm: v.areaSqm } });
        }
      }
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}

type GridRow = { code: string; name: string; parentCode: string | null };

export function gridImportSpec({ database, clock }: Deps): ImportSpec<GridRow, GridUnitsTable> {
  let units: GridUnitsTable[] = [];
  return {
    columns: GRID_COLUMNS,
    keyColumn: 'code',
    async prepare(ctx) {
      units = (await makeGridUnitsRepo(database.db).all(ctx.zoneId)) as GridUnitsTable[];
    },
    parse(r) {
      const parsed = GridUnitInput.safeParse({ parentId: null, code: r.cell('code'), name: r.cell('name') }, { reportInput: true });
      if (!parsed.success) return void r.failIssues(parsed.error.issues, (f) => f);
      return { code: parsed.data.code, name: parsed.data.name, parentCode: r.has('parentCode') ? r.cell('parentCode') : null };
    },
    keyOf: (v) => v.code,
    async existing() {
      return new Map(units.map((u) => [u.code, u]));
    },
    crossCheck(_ctx, planned, existing, fail) {
      // Levels follow the parent chain, through the zone and this file alike.
      const inFile = new Map(planned.map((p) => [p.value.code, p]));
      const levelOf = new Map<string, GridLevel | null>();
      const resolve = (code: string, depth: number): GridLevel | null => {
        if (levelOf.has(code)) return levelOf.get(code)!;
        if (depth > 8) return null;
        const row = inFile.get(code);
        const old = existing.get(code);
        let level: GridLevel | null;
        if (old && !row) level = old.level;
        else if (row) {
          const parentCode = row.value.parentCode ?? (old?.parent_id ? units.find((u) => u.id === old.parent_id)?.code ?? null : null);
          if (!parentCode) level = old ? old.level : null;
          else if (!inFile.has(parentCode) && !existing.has(parentCode)) level = null;
          else {
            const parentLevel = resolve(parentCode, depth + 1);
            level = parentLevel ? childGridLevel(parentLevel) : null;
          }
        } else level = null;
        levelOf.set(code, level);
        return level;
      };
      for (const p of planned) {
        const old = existing.get(p.value.code);
        const parent = p.value.parentCode;
        if (old) {
          const currentParent = old.parent_id ? units.find((u) => u.id === old.parent_id)?.code : null;
          if (parent && parent !== currentParent) fail(p.row, 'parentCode', 'import.grid_move');
          continue;
        }
        if (!parent) fail(p.row, 'parentCode', 'rule.grid_root_exists');
        else if (!inFile.has(parent) && !existing.has(parent)) fail(p.row, 'parentCode', 'import.unknown_parent', { value: parent });
        else if (!resolve(p.value.code, 0)) fail(p.row, 'parentCode', 'rule.grid_depth');
      }
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeGridUnitsRepo(trx);
      const now = clock.now();
      const idOf = new Map([...existing].map(([code, u]) => [code, u.id]));
      const levelOf = new Map([...existing].map(([code, u]) => [code, u.level]));
      const audits: AuditEntry[] = [];
      for (const p of planned) {
        const old = existing.get(p.key);
        if (old) {
          if (old.name !== p.value.name) {
            await repo.update(ctx.zoneId, old.id, { name: p.value.name, updated_at: now });
            audits.push({ action: 'grid_unit.import_update', entityType: 'grid_unit', entityId: old.id, before: { name: old.name }, after: { name: p.value.name } });
          }
        }
      }
      // New units parents first: repeat passes until every row whose parent exists is in.
      let pending = planned.filter((p) => !existing.has(p.key));
      while (pending.length > 0) {
        const ready = pending.filter((p) => idOf.has(p.value.parentCode!));
        if (ready.length === 0) throw new Error('grid import: unresolvable parents after checks');
        for (const p of ready) {
          const id = newId();
          const level = childGridLevel(levelOf.get(p.value.parentCode!)!)!;
          await repo.insert({ id, zone_id: ctx.zoneId, parent_id: idOf.get(p.value.parentCode!)!, level, code: p.value.code, name: p.value.name, created_at: now, updated_at: now });
          idOf.set(p.value.code, id);
          levelOf.set(p.value.code, level);
          audits.push({ action: 'grid_unit.import_create', entityType: 'grid_unit', entityId: id, after: { ...p.value, level } });
        }
        pending = pending.filter((p) => !ready.includes(p));
      }
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}
