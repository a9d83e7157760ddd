// Excel import of enterprises on the shared import engine: create or update by credit code; a
// leading enterprise may be in the zone or anywhere in the same file.
import { EnterpriseInput, INDUSTRY_CODES, INDUSTRY_SECTIONS, type ImportResult, type IndustrySection } from '@shuangsheng/contracts';
import type { EnterprisesTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { maskPhone } from '../../platform/pii.js';
import { parseAmount, parseYesNo, runSheetImport, type ImportSpec } from '../../platform/sheet-import.js';
import { rethrowUnique } from '../../platform/tx.js';
import type { OrgServices } from '../org/org.services.js';
import { ENTERPRISE_COLUMNS, fenOfWan } from './enterprises.sheet.js';
import { auditShape, type EnterprisesService } from './enterprises.service.js';
import { makeEnterprisesRepo } from './enterprises.repo.js';

export const IMPORT_MAX_ROWS = 20_000;

/** One row: the checked input (or null when it did not pass), what the sheet had, the leader named. */
type Row = { code: string; input: EnterpriseInput | null; present: Set<keyof EnterpriseInput>; leadingCode: string | null };

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

function enterpriseSpec(deps: Deps, enterprises: EnterprisesService, org: OrgServices): ImportSpec<Row, EnterprisesTable> {
  const { database, clock } = deps;
  let parkByName = new Map<string, string>();
  let buildingByPark = new Map<string, string>();
  let gridByCode = new Map<string, string>();
  let leadingInZone = new Map<string, string>();

  return {
    columns: ENTERPRISE_COLUMNS,
    maxRows: IMPORT_MAX_ROWS,
    keyColumn: 'creditCode',
    duplicateMessage: 'import.duplicate_in_file',
    async prepare(ctx) {
      const [parks, buildings, grid] = await Promise.all([org.parks.byName(ctx.zoneId), org.buildings.allInZone(ctx.zoneId), org.grid.loadAll(ctx.zoneId)]);
      parkByName = new Map(parks.map((p) => [p.name, p.id]));
      buildingByPark = new Map(buildings.map((b) => [`${b.park_id}\u0000${b.name}`, b.id]));
      gridByCode = new Map(grid.map((g) => [g.code, g.id]));
    },
    parse(r) {
      const input: Record<string, unknown> = { creditCode: r.cell('creditCode'), name: r.cell('name') };
      if (r.has('park')) {
        const parkId = parkByName.get(r.cell('park'));
        if (!parkId) r.fail('park', 'import.unknown_park', { value: r.cell('park') });
        input.parkId = parkId ?? null;
      }
      if (r.has('building')) {
        const id = input.parkId ? buildingByPark.get(`${input.parkId as string}\u0000${r.cell('building')}`) : undefined;
        if (!id) r.fail('building', 'import.unknown_building', { value: r.cell('building') });
        input.buildingId = id ?? null;
      }
      if (r.has('gridCode')) {
        const id = gridByCode.get(r.cell('gridCode'));
        if (!id) r.fail('gridCode', 'import.unknown_grid', { value: r.cell('gridCode') });
        input.gridUnitId = id ?? null;
      }
      if (r.has('industry')) {
        const industry = parseIndustry(r.cell('industry'));
        if (!industry) r.fail('industry', 'v.enum', { values: 'A–T' });
        input.industry = industry;
      }
      for (const [k, field] of [['outputWan', 'outputLastYearFen'], ['taxWan', 'taxLastYearFen']] as const) {
        if (!r.has(k)) continue;
        const n = parseAmount(r.cell(k));
        if (n === null) r.fail(k, 'import.bad_number');
        else input[field] = fenOfWan(n);
      }
      for (const k of ['aboveScale', 'cityMonitored'] as const) {
        const b = parseYesNo(r.cell(k));
        if (b === null) r.fail(k, 'import.bad_bool');
        input[k] = b ?? false;
      }
      if (r.has('employees')) {
        const n = parseAmount(r.cell('employees'));
        if (n === null || !Number.isInteger(n)) r.fail('employees', 'v.integer');
        else input.employees = n;
      }
      for (const k of ['legalRepresentative', 'contactName', 'address'] as const) if (r.has(k)) input[k] = r.cell(k);
      // A masked number from an export means "unchanged".
      const phoneMasked = r.cell('contactPhone').includes('*');
      if (r.has('contactPhone') && !phoneMasked) input.contactPhone = r.cell('contactPhone');

      const parsed = EnterpriseInput.safeParse(input, { reportInput: true });
      if (!parsed.success) r.failIssues(parsed.error.issues, (f) => FIELD_COLUMN[f] ?? 'creditCode');
      const present = new Set(columnFieldsOf(r));
      if (!r.present('contactPhone') || phoneMasked) present.delete('contactPhone');
      return {
        code: parsed.success ? parsed.data.creditCode : String(input.creditCode).toUpperCase(),
        input: parsed.success ? parsed.data : null,
        present,
        leadingCode: r.has('leadingCreditCode') ? r.cell('leadingCreditCode').toUpperCase() : null,
      };
    },
    keyOf: (v) => v.code,
    async existing(ctx, keys) {
      return new Map((await enterprises.repo.byCreditCodes(ctx.zoneId, [...new Set(keys)])).map((e) => [e.credit_code, e]));
    },
    async crossCheck(ctx, planned, _existing, fail) {
      // Every row's leader is checked, also on rows with other errors, so one pass names them all.
      const inFile = new Set(planned.map((p) => p.key));
      const codes = [...new Set(planned.flatMap((p) => (p.value.leadingCode ? [p.value.leadingCode] : [])))];
      leadingInZone = new Map((await enterprises.repo.byCreditCodes(ctx.zoneId, codes)).map((e) => [e.credit_code, e.id]));
      for (const p of planned) {
        const lead = p.value.leadingCode;
        if (!lead) continue;
        if (lead === p.key) fail(p.row, 'leadingCreditCode', 'rule.leading_self');
        else if (!leadingInZone.has(lead) && !inFile.has(lead)) fail(p.row, 'leadingCreditCode', 'import.unknown_leading', { value: lead });
      }
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeEnterprisesRepo(trx, database.dialect);
      const now = clock.now();
      const idOf = new Map<string, string>(leadingInZone);
      const inserts: EnterprisesTable[] = [];
      const audits: AuditEntry[] = [];
      for (const { key, value } of planned) {
        const old = existing.get(key);
        const id = old?.id ?? newId();
        idOf.set(key, id);
        if (!old) {
          inserts.push(enterprises.toRow(ctx.zoneId, id, { ...value.input!, leadingEnterpriseId: null }, now));
          audits.push({ action: 'enterprise.import_create', entityType: 'enterprise', entityId: id, after: auditShape(value.input!) });
        }
      }
      await repo.insert(inserts);
      // Updates, and leaders named by code, once every row has its id.
      for (const { key, value } of planned) {
        const id = idOf.get(key)!;
        const leadingId = value.leadingCode ? idOf.get(value.leadingCode)! : null;
        if (existing.has(key)) {
          const patch: Record<string, unknown> = {};
          for (const f of value.present) patch[f] = f === 'leadingEnterpriseId' ? leadingId : (value.input![f] ?? null);
          if (value.present.has('buildingId') && !value.present.has('parkId')) delete patch.buildingId;
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
    },
  };
}

/** The input fields whose columns the sheet has. */
function columnFieldsOf(r: { present(k: string): boolean }): (keyof EnterpriseInput)[] {
  return Object.entries(COLUMN_FIELDS).flatMap(([column, fields]) => (r.present(column) ? fields : []));
}

export function makeEnterpriseImport(deps: Deps, enterprises: EnterprisesService, org: OrgServices) {
  return {
    run: (ctx: Ctx, buffer: Buffer, opts: { dryRun: boolean; jobKey?: string | undefined }): Promise<ImportResult> =>
      runSheetImport(deps.database, enterpriseSpec(deps, enterprises, org), ctx, buffer, opts).catch((e) => rethrowUnique(e, 'creditCode', '')),
  };
}
export type EnterpriseImport = ReturnType<typeof makeEnterpriseImport>;
