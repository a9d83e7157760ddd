// Excel import of the catalogue on the shared engine: create or update by item code. A material
// of the same name keeps its key, note and template file; a field of the same key keeps its help
// text (the sheet has no place for them); a column left out of the sheet leaves its value as it was.
import { APPLICANT_TYPES, SERVICE_CATEGORIES, ServiceItemInput, type ServiceField, type ServiceItem, type ServiceMaterial } from '@shuangsheng/contracts';
import type { ServiceItemsTable } from '../../db/schema.js';
import { diff, recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import type { Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { parseYesNo, type ImportSpec } from '../../platform/sheet-import.js';
import { stripDerived, type CatalogueService } from './catalogue.service.js';
import { makeCatalogueRepo } from './catalogue.repo.js';
import { applicantWords, categoryWord, ITEM_COLUMNS, parseApplicantTypes, parseCategory, parseFields, parseMaterials } from './catalogue.sheet.js';

/** Schema fields and sheet columns share their keys. */
const COLUMN_KEYS = new Set(ITEM_COLUMNS.map((c) => c.key));
/** Columns an update takes from the item as it is when the sheet leaves them out. */
const OPTIONAL_COLUMNS = ['onlineEnabled', 'fullyElectronic', 'agencyEligible', 'licenceName', 'materials', 'fields', 'guide'] as const;

type Row = { input: ServiceItemInput; present: Set<string> };

/** The sheet's materials, with key, note and template of the old material of the same name. */
function mergeMaterials(old: ServiceItem['materials'], incoming: ServiceMaterial[]): ServiceMaterial[] {
  const byName = new Map(old.map((m) => [m.name, m]));
  const matched = incoming.map((m) => {
    const o = byName.get(m.name);
    byName.delete(m.name);
    return o;
  });
  const used = new Set(matched.flatMap((o) => (o ? [o.key] : [])));
  let n = 0;
  const freeKey = (preferred: string) => {
    let key = preferred;
    while (used.has(key)) key = `m${++n}`;
    used.add(key);
    return key;
  };
  return incoming.map((m, i) => {
    const o = matched[i];
    return o ? { ...m, key: o.key, templateFileId: o.templateFileId, note: o.note ?? null } : { ...m, key: freeKey(m.key), templateFileId: null };
  });
}

/** The sheet's fields, with the help text of the old field of the same key. */
function mergeFields(old: ServiceField[], incoming: ServiceField[]): ServiceField[] {
  const help = new Map(old.map((f) => [f.key, f.help]));
  return incoming.map((f) => (f.help === undefined && help.get(f.key) != null ? { ...f, help: help.get(f.key) } : f));
}

export function catalogueImportSpec(deps: Deps, catalogue: CatalogueService): ImportSpec<Row, ServiceItem> {
  const { database, clock } = deps;
  return {
    columns: ITEM_COLUMNS,
    keyColumn: 'code',
    maxRows: 2000,
    prepare: async () => undefined,
    parse(r, ctx) {
      const input: Record<string, unknown> = { code: r.cell('code'), name: r.cell('name'), department: r.cell('department') };
      const category = parseCategory(r.cell('category'));
      if (!category) r.fail('category', r.has('category') ? 'v.enum' : 'v.required', { values: SERVICE_CATEGORIES.map((c) => categoryWord(c, ctx.lang)).join(ctx.lang === 'en-US' ? ', ' : '、') });
      input.category = category;
      const applicants = parseApplicantTypes(r.cell('applicantTypes'));
      if (!applicants || applicants.length === 0) r.fail('applicantTypes', r.has('applicantTypes') ? 'v.enum' : 'v.required', { values: applicantWords([...APPLICANT_TYPES], ctx.lang) });
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
      if (!parsed.success) r.failIssues(parsed.error.issues, (f) => (COLUMN_KEYS.has(f) ? f : 'code'));
      const present = new Set(ITEM_COLUMNS.filter((c) => r.present(c.key)).map((c) => c.key));
      return { input: parsed.success ? parsed.data : ({ ...input, code: String(input.code) } as ServiceItemInput), present };
    },
    keyOf: (v) => v.input.code,
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
        const { input, present } = value;
        if (!old) {
          const row = catalogue.toRow(ctx.zoneId, newId(), input, now);
          inserts.push(row);
          audits.push({ action: 'service_item.import_create', entityType: 'service_item', entityId: row.id, after: input });
          continue;
        }
        const merged: ServiceItemInput = {
          ...input,
          materials: mergeMaterials(old.materials, input.materials),
          fields: mergeFields(old.fields, input.fields),
        };
        for (const column of OPTIONAL_COLUMNS) {
          if (present.has(column)) continue;
          if (column === 'materials') merged.materials = old.materials.map(({ templateFileName: _n, ...m }) => ({ ...m, note: m.note ?? null }));
          else (merged as Record<string, unknown>)[column] = old[column];
        }
        const { id: _i, zone_id: _z, created_at: _c, ...set } = catalogue.toRow(ctx.zoneId, old.id, merged, now);
        await repo.update(ctx.zoneId, old.id, set);
        audits.push({ action: 'service_item.import_update', entityType: 'service_item', entityId: old.id, ...diff(stripDerived(old), stripDerived({ ...old, ...merged })) });
      }
      await repo.insert(inserts);
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}
