// Excel import of enterprises: parse → check every row (nothing written) → in one transaction
// create or update by credit code. Any bad row means nothing is written (all or nothing).
import { EnterpriseInput, INDUSTRY_CODES, INDUSTRY_SECTIONS, translate, type ImportResult, type IndustrySection, type Lang } from '@shuangsheng/contracts';
import type { EnterprisesTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { headerOf, readSheet } from '../../platform/excel.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { reportProgress } from '../../platform/progress.js';
import { rethrowUnique } from '../../platform/tx.js';
import { describeIssue } from '../../platform/validation.js';
import type { OrgServices } from '../org/org.services.js';
import { ENTERPRISE_COLUMNS, fenOfWan } from './enterprises.sheet.js';
import { auditShape, type EnterprisesService } from './enterprises.service.js';
import { makeEnterprisesRepo } from './enterprises.repo.js';

export const IMPORT_MAX_ROWS = 20_000;

type RowError = ImportResult['errors'][number];
type Planned = { row: number; input: EnterpriseInput; present: Set<keyof EnterpriseInput>; leadingCode: string | null; existing: EnterprisesTable | undefined };

/** Schema field → sheet column, to name the column of a validation issue. */
const FIELD_COLUMN: Record<string, string> = {
  creditCode: 'creditCode',
  name: 'name',
  industry: 'industry',
  outputLastYearFen: 'outputWan',
  taxLastYearFen: 'taxWan',
  employees: 'employees',
  legalRepresentative: 'legalRepresentative',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  address: 'address',
};
/** Which input fields each sheet column feeds, for partial updates. */
const COLUMN_FIELDS: Record<string, (keyof EnterpriseInput)[]> = {
  creditCode: ['creditCode'],
  name: ['name'],
  park: ['parkId'],
  building: ['buildingId'],
  gridCode: ['gridUnitId'],
  industry: ['industry'],
  outputWan: ['outputLastYearFen'],
  taxWan: ['taxLastYearFen'],
  aboveScale: ['aboveScale'],
  cityMonitored: ['cityMonitored'],
  leadingCreditCode: ['leadingEnterpriseId'],
  employees: ['employees'],
  legalRepresentative: ['legalRepresentative'],
  contactName: ['contactName'],
  contactPhone: ['contactPhone'],
  address: ['address'],
};

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', 'x']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

function parseBool(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

function parseNumber(v: string): number | null {
  const s = v.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

function parseIndustry(v: string): IndustrySection | null {
  const s = v.trim();
  const upper = s.toUpperCase();
  if ((INDUSTRY_CODES as string[]).includes(upper)) return upper as IndustrySection;
  for (const code of INDUSTRY_CODES) {
    const [zh, en] = INDUSTRY_SECTIONS[code];
    if (s === zh || s.toLowerCase() === en.toLowerCase()) return code;
  }
  return null;
}

export function makeEnterpriseImport(deps: Deps, enterprises: EnterprisesService, org: OrgServices) {
  const { database, clock } = deps;

  async function run(ctx: Ctx, buffer: Buffer, opts: { dryRun: boolean; jobKey?: string | undefined }): Promise<ImportResult> {
    const lang: Lang = ctx.lang;
    const column = (key: string) => headerOf(ENTERPRISE_COLUMNS.find((c) => c.key === key)!, lang);
    const errors: RowError[] = [];
    const fail = (row: number, key: string, messageKey: string, params: Record<string, string | number> = {}) =>
      errors.push({ row, column: column(key), message: translate(lang, messageKey, params) });

    reportProgress(opts.jobKey, { phase: 'reading', processed: 0, total: 0 });
    const { rows, missing } = await readSheet(buffer, ENTERPRISE_COLUMNS, IMPORT_MAX_ROWS);
    if (missing.length > 0) {
      return { dryRun: opts.dryRun, created: 0, updated: 0, errors: missing.map((m) => ({ row: 1, column: m, message: translate(lang, 'import.missing_column', { column: m }) })) };
    }
    if (rows.length === 0) return { dryRun: opts.dryRun, created: 0, updated: 0, errors: [{ row: 2, column: '', message: translate(lang, 'import.no_rows') }] };

    const [parks, buildings, grid] = await Promise.all([org.parks.byName(ctx.zoneId), org.buildings.allInZone(ctx.zoneId), org.grid.loadAll(ctx.zoneId)]);
    const parkByName = new Map(parks.map((p) => [p.name, p.id]));
    const buildingByPark = new Map(buildings.map((b) => [`${b.park_id}\u0000${b.name}`, b]));
    const gridByCode = new Map(grid.map((g) => [g.code, g.id]));
    const codesInFile = rows.map((r) => (r.cells.get('creditCode') ?? '').toUpperCase()).filter(Boolean);
    const existing = new Map((await enterprises.repo.byCreditCodes(ctx.zoneId, [...new Set(codesInFile)])).map((e) => [e.credit_code, e]));

    const planned: Planned[] = [];
    const firstRowOf = new Map<string, number>();
    // Every row's leading code is checked, also on rows with other errors, so one pass names them all.
    const leadingRefs: { row: number; code: string; self: string }[] = [];
    rows.forEach((r, index) => {
      if (index % 500 === 0) reportProgress(opts.jobKey, { phase: 'checking', processed: index, total: rows.length });
      const cell = (k: string) => r.cells.get(k) ?? '';
      const has = (k: string) => r.cells.has(k) && cell(k) !== '';
      const before = errors.length;
      const input: Record<string, unknown> = { creditCode: cell('creditCode'), name: cell('name') };
      if (has('park')) {
        const parkId = parkByName.get(cell('park'));
        if (!parkId) fail(r.row, 'park', 'import.unknown_park', { value: cell('park') });
        input.parkId = parkId ?? null;
      }
      if (has('building')) {
        const b = input.parkId ? buildingByPark.get(`${input.parkId as string}\u0000${cell('building')}`) : undefined;
        if (!b) fail(r.row, 'building', 'import.unknown_building', { value: cell('building') });
        input.buildingId = b?.id ?? null;
      }
      if (has('gridCode')) {
        const g = gridByCode.get(cell('gridCode'));
        if (!g) fail(r.row, 'gridCode', 'import.unknown_grid', { value: cell('gridCode') });
        input.gridUnitId = g ?? null;
      }
      if (has('industry')) {
        const ind = parseIndustry(cell('industry'));
        if (!ind) fail(r.row, 'industry', 'v.enum', { values: 'A–T' });
        input.industry = ind;
      }
      for (const [k, field] of [['outputWan', 'outputLastYearFen'], ['taxWan', 'taxLastYearFen']] as const) {
        if (!has(k)) continue;
        const n = parseNumber(cell(k));
        if (n === null) fail(r.row, k, 'import.bad_number');
        else input[field] = fenOfWan(n);
      }
      for (const k of ['aboveScale', 'cityMonitored'] as const) {
        const b = parseBool(cell(k));
        if (b === null) fail(r.row, k, 'import.bad_bool');
        input[k] = b ?? false;
      }
      if (has('employees')) {
        const n = parseNumber(cell('employees'));
        if (n === null || !Number.isInteger(n)) fail(r.row, 'employees', 'v.integer');
        else input.employees = n;
      }
      for (const k of ['legalRepresentative', 'contactName', 'address'] as const) if (has(k)) input[k] = cell(k);
      // A masked number from an export means "unchanged".
      if (has('contactPhone') && !cell('contactPhone').includes('*')) input.contactPhone = cell('contactPhone');

      const parsed = EnterpriseInput.safeParse(input, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const d = describeIssue(issue, lang);
          const key = FIELD_COLUMN[String(issue.path[0])] ?? 'creditCode';
          if (!errors.some((e) => e.row === r.row && e.column === column(key))) errors.push({ row: r.row, column: column(key), message: d.message });
        }
      }
      const code = String(parsed.success ? parsed.data.creditCode : input.creditCode).toUpperCase();
      const first = firstRowOf.get(code);
      if (code && first !== undefined) fail(r.row, 'creditCode', 'import.duplicate_in_file', { row: first });
      else if (code) firstRowOf.set(code, r.row);
      if (has('leadingCreditCode')) leadingRefs.push({ row: r.row, code: cell('leadingCreditCode').toUpperCase(), self: code });
      if (errors.length > before || !parsed.success) return;
      const present = new Set([...r.cells.keys()].flatMap((k) => COLUMN_FIELDS[k] ?? []));
      if (!r.cells.has('contactPhone') || cell('contactPhone').includes('*')) present.delete('contactPhone');
      planned.push({ row: r.row, input: parsed.data, present, leadingCode: has('leadingCreditCode') ? cell('leadingCreditCode').toUpperCase() : null, existing: existing.get(parsed.data.creditCode) });
    });

    // Leading enterprises may be in the zone already or further down this file.
    const leadingCodes = [...new Set(leadingRefs.map((l) => l.code))];
    const leadingExisting = new Map((await enterprises.repo.byCreditCodes(ctx.zoneId, leadingCodes)).map((e) => [e.credit_code, e.id]));
    for (const l of leadingRefs) {
      if (l.code === l.self) fail(l.row, 'leadingCreditCode', 'rule.leading_self');
      else if (!leadingExisting.has(l.code) && !firstRowOf.has(l.code)) fail(l.row, 'leadingCreditCode', 'import.unknown_leading', { value: l.code });
    }

    errors.sort((a, b) => a.row - b.row);
    const created = planned.filter((p) => !p.existing).length;
    const updated = planned.length - created;
    if (errors.length > 0) {
      reportProgress(opts.jobKey, { phase: 'done', processed: rows.length, total: rows.length });
      return { dryRun: opts.dryRun, created: 0, updated: 0, errors };
    }
    if (opts.dryRun) {
      reportProgress(opts.jobKey, { phase: 'done', processed: rows.length, total: rows.length });
      return { dryRun: true, created, updated, errors: [] };
    }

    reportProgress(opts.jobKey, { phase: 'saving', processed: rows.length, total: rows.length });
    const now = clock.now();
    const idOf = new Map<string, string>(leadingExisting);
    const inserts: EnterprisesTable[] = [];
    const audits: AuditEntry[] = [];
    for (const p of planned) {
      const id = p.existing?.id ?? newId();
      idOf.set(p.input.creditCode, id);
      if (!p.existing) {
        inserts.push(enterprises.toRow(ctx.zoneId, id, { ...p.input, leadingEnterpriseId: null }, now));
        audits.push({ action: 'enterprise.import_create', entityType: 'enterprise', entityId: id, after: auditShape(p.input) });
      }
    }
    await database.db
      .transaction()
      .execute(async (trx) => {
        const repo = makeEnterprisesRepo(trx, database.dialect);
        await repo.insert(inserts);
        for (const p of planned) {
          const id = idOf.get(p.input.creditCode)!;
          const leadingId = p.leadingCode ? idOf.get(p.leadingCode)! : null;
          if (p.existing) {
            const patch: Record<string, unknown> = {};
            for (const f of p.present) patch[f] = f === 'leadingEnterpriseId' ? leadingId : (p.input[f] ?? null);
            if (p.present.has('buildingId') && !p.present.has('parkId')) delete patch.buildingId;
            await repo.update(ctx.zoneId, id, enterprises.patchToSet(patch, now));
            audits.push({
              action: 'enterprise.import_update',
              entityType: 'enterprise',
              entityId: id,
              after: { ...auditShape(patch), contactPhone: patch.contactPhone ? maskPhone(patch.contactPhone as string) : undefined },
            });
          } else if (leadingId) {
            await repo.update(ctx.zoneId, id, { leading_enterprise_id: leadingId });
          }
        }
        await recordAuditMany(trx, clock, ctx, audits);
      })
      .catch((e) => rethrowUnique(e, 'creditCode', ''));
    reportProgress(opts.jobKey, { phase: 'done', processed: rows.length, total: rows.length });
    return { dryRun: false, created, updated, errors: [] };
  }

  return { run };
}
export type EnterpriseImport = ReturnType<typeof makeEnterpriseImport>;
