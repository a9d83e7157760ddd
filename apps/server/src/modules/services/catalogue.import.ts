// Excel import of the catalogue on the shared engine: create or update by item code. Template
// files stay with materials of the same name.
import { ServiceItemInput, type ServiceItem } from '@shuangsheng/contracts';
import type { ServiceItemsTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { parseYesNo, type ImportSpec } from '../../platform/sheet-import.js';
import type { CatalogueService } from './catalogue.service.js';
import { makeCatalogueRepo } from './catalogue.repo.js';
import { ITEM_COLUMNS, parseApplicantTypes, parseCategory, parseFields, parseMaterials } from './catalogue.sheet.js';

const FIELD_COLUMN: Record<string, string> = { code: 'code', name: 'name', department: 'department', legalDays: 'legalDays', promisedDays: 'promisedDays', materials: 'materials', fields: 'fields', licenceName: 'licenceName', guide: 'guide' };

export function catalogueImportSpec(deps: Deps, catalogue: CatalogueService): ImportSpec<ServiceItemInput, ServiceItem> {
  const { database, clock } = deps;
  return {
    columns: ITEM_COLUMNS,
    keyColumn: 'code',
    maxRows: 2000,
    prepare: async () => undefined,
    parse(r) {
      const input: Record<string, unknown> = { code: r.cell('code'), name: r.cell('name'), department: r.cell('department') };
      const category = parseCategory(r.cell('category'));
      if (!category) r.fail('category', r.has('category') ? 'v.enum' : 'v.required', { values: '企业开办、变更登记、就业登记、不动产、税务、车驾管、工程建设、公共服务' });
      input.category = category;
      const applicants = parseApplicantTypes(r.cell('applicantTypes'));
      if (!applicants || applicants.length === 0) r.fail('applicantTypes', r.has('applicantTypes') ? 'v.enum' : 'v.required', { values: '企业、个人' });
      input.applicantTypes = applicants ?? [];
      for (const k of ['legalDays', 'promisedDays'] as const) {
        const n = Number(r.cell(k));
        if (!r.has(k)) r.fail(k, 'v.required');
        else if (!Number.isInteger(n)) r.fail(k, 'v.integer');
        input[k] = n;
      }
      for (const k of ['onlineEnabled', 'fullyElectronic', 'agencyEligible'] as const) {
        const b = r.has(k) ? parseYesNo(r.cell(k)) : k === 'onlineEnabled';
        if (b === null) r.fail(k, 'import.bad_bool');
        input[k] = b ?? false;
      }
      input.licenceName = r.has('licenceName') ? r.cell('licenceName') : null;
      const materials = parseMaterials(r.cell('materials'));
      if ('badLine' in materials) r.fail('materials', 'import.bad_line', { line: materials.badLine });
      else input.materials = materials.materials.map((m) => ({ ...m, templateFileId: null }));
      const fields = parseFields(r.cell('fields'));
      if ('badLine' in fields) r.fail('fields', 'import.bad_line', { line: fields.badLine });
      else input.fields = fields.fields;
      input.guide = r.cell('guide');
      const parsed = ServiceItemInput.safeParse(input, { reportInput: true });
      if (!parsed.success) r.failIssues(parsed.error.issues, (f) => FIELD_COLUMN[f] ?? 'code');
      return parsed.success ? parsed.data : ({ ...input, code: String(input.code) } as ServiceItemInput);
    },
    keyOf: (v) => v.code,
    async existing(ctx, keys) {
      const rows = await catalogue.repo.byCodes(ctx.zoneId, keys);
      return new Map((await catalogue.hydrate(ctx.zoneId, rows)).map((i) => [i.code, i]));
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeCatalogueRepo(trx, database.dialect);
      const now = clock.now();
      const audits: AuditEntry[] = [];
      const inserts: ServiceItemsTable[] = [];
      for (const { key, value } of planned) {
        const old = existing.get(key);
        if (!old) {
          const row = catalogue.toRow(ctx.zoneId, newId(), value, now);
          inserts.push(row);
          audits.push({ action: 'service_item.import_create', entityType: 'service_item', entityId: row.id, after: value });
          continue;
        }
        // A material keeps its template when its name is unchanged.
        const templates = new Map(old.materials.map((m) => [m.name, m.templateFileId]));
        const merged = { ...value, materials: value.materials.map((m) => ({ ...m, templateFileId: templates.get(m.name) ?? null })) };
        const { id: _i, zone_id: _z, created_at: _c, ...set } = catalogue.toRow(ctx.zoneId, old.id, merged, now);
        await repo.update(ctx.zoneId, old.id, set);
        audits.push({ action: 'service_item.import_update', entityType: 'service_item', entityId: old.id, after: merged });
      }
      await repo.insert(inserts);
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}
