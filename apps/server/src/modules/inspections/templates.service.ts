// Checklist templates (工作规范): a named specification whose every change is a new version; a
// version is frozen once written, and rounds keep the version they started with. Excel export of
// any version and import of a whole checklist as the next version (all rows or none).
import {
  ChecklistItem,
  INSPECTION_PLACE_LABELS,
  INSPECTION_PLACES,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  isPrintableText,
  SEVERITIES,
  SEVERITY_LABELS,
  labelIn,
  type Lang,
  type Template,
  type TemplateInput as TemplateInputSchema,
  type TemplateListQuery as TemplateListQuerySchema,
  type TemplateVersion,
  type TemplateVersionInput as TemplateVersionInputSchema,
} from '@shuangsheng/contracts';
import type { z } from 'zod';
import type { InspectionTemplatesTable, InspectionTemplateVersionsTable } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import type { Ctx, Executor } from '../../platform/context.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { parseYesNo, runSheetImport, type ImportSpec, type SheetImportResult } from '../../platform/sheet-import.js';
import { rethrowUnique } from '../../platform/tx.js';
import type { InspectionParts, Scope } from './context.js';
import { checklistIssues } from './inspections.policy.js';
import type { InspectionsModule } from './inspections.services.js';
import { CHECKLIST_COLUMNS, parseComparator, parseKind, parsePlace, parseSeverity } from './templates.sheet.js';
import { makeTemplatesRepo } from './templates.repo.js';

type TemplateInput = z.infer<typeof TemplateInputSchema>;
type TemplateVersionInput = z.infer<typeof TemplateVersionInputSchema>;
type TemplateListQuery = z.infer<typeof TemplateListQuerySchema>;

/** Every item with every field (absent optional ones as null): versions read alike however they were written. */
const canonical = (items: ChecklistItem[]): ChecklistItem[] =>
  items.map((i) => ({
    key: i.key,
    place: i.place,
    title: i.title,
    kind: i.kind,
    threshold: i.threshold ?? null,
    comparator: i.comparator ?? null,
    unit: i.unit ?? null,
    min: i.min ?? null,
    max: i.max ?? null,
    photoRequired: i.photoRequired,
    severity: i.severity,
    guidance: i.guidance ?? null,
  }));

const itemsOf = (v: InspectionTemplateVersionsTable) => JSON.parse(v.items_json) as ChecklistItem[];

/** Numbers as a sheet gives them (a comma for the decimal point too); null when unreadable. */
function sheetNumber(text: string): number | null {
  const s = text.replace(/\s/g, '').replace('，', '.').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

export function makeTemplatesService(parts: InspectionParts, _scope: Scope, _mod: InspectionsModule) {
  const { deps, org } = parts;
  const { database, clock } = deps;
  const repo = makeTemplatesRepo(database.db, database.dialect);
  const repoIn = (trx: Executor) => makeTemplatesRepo(trx, database.dialect);

  // ---- shapes
  async function toVersions(zoneId: string, rows: InspectionTemplateVersionsTable[]): Promise<TemplateVersion[]> {
    const names = await org.users.namesOf(zoneId, [...new Set(rows.flatMap((r) => (r.created_by ? [r.created_by] : [])))]);
    return rows.map((r) => ({ id: r.id, templateId: r.template_id, version: r.version, items: itemsOf(r), note: r.note, createdBy: r.created_by ? (names.get(r.created_by) ?? null) : null, createdAt: r.created_at }));
  }

  async function toTemplates(zoneId: string, rows: InspectionTemplatesTable[]): Promise<Template[]> {
    const versions = await repo.versionsOf(zoneId, rows.map((r) => r.id));
    const byTemplate = new Map<string, InspectionTemplateVersionsTable[]>();
    for (const v of versions) byTemplate.set(v.template_id, [...(byTemplate.get(v.template_id) ?? []), v]);
    const currents = await toVersions(zoneId, rows.flatMap((r) => (byTemplate.get(r.id) ?? []).filter((v) => v.version === r.current_version)));
    const currentOf = new Map(currents.map((v) => [v.templateId, v]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      currentVersion: r.current_version,
      current: currentOf.get(r.id)!,
      versions: (byTemplate.get(r.id) ?? []).map((v) => ({ id: v.id, version: v.version, note: v.note, itemCount: itemsOf(v).length, createdAt: v.created_at })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  // ---- reading
  async function row(ctx: Ctx, id: string): Promise<InspectionTemplatesTable> {
    const r = await repo.get(ctx.zoneId, id);
    if (!r) throw new NotFoundError('inspection_template', id);
    return r;
  }

  async function list(ctx: Ctx, q: TemplateListQuery): Promise<{ items: Template[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await repo.list(ctx.zoneId, q);
    return { items: await toTemplates(ctx.zoneId, rows), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: Ctx, id: string): Promise<Template> {
    const [t] = await toTemplates(ctx.zoneId, [await row(ctx, id)]);
    return t!;
  }

  /** One version of a template (the current one when `version` is not given). */
  async function version(ctx: Ctx, id: string, version?: number): Promise<TemplateVersion> {
    const t = await row(ctx, id);
    // Versions run 1..current: a number past it is unknown without asking (and may not fit PostgreSQL's INTEGER).
    const v = version !== undefined && version > t.current_version ? undefined : await repo.version(ctx.zoneId, id, version ?? t.current_version);
    if (!v) throw new NotFoundError('inspection_template', `${id}/versions/${version}`);
    const [out] = await toVersions(ctx.zoneId, [v]);
    return out!;
  }

  /** For other parts: versions by id (a round's, a task's), with their items. */
  async function versionsByIds(zoneId: string, ids: string[]): Promise<Map<string, TemplateVersion>> {
    const rows = await repo.versionsByIds(zoneId, [...new Set(ids)]);
    return new Map((await toVersions(zoneId, rows)).map((v) => [v.id, v]));
  }

  /** For other parts: the template row and its current version row (null when not of the zone). */
  async function current(zoneId: string, id: string): Promise<{ template: InspectionTemplatesTable; version: InspectionTemplateVersionsTable } | null> {
    const template = await repo.get(zoneId, id);
    if (!template) return null;
    const v = await repo.version(zoneId, id, template.current_version);
    return v ? { template, version: v } : null;
  }

  /** For other parts: template names by id. */
  async function namesOf(zoneId: string, ids: string[]): Promise<Map<string, string>> {
    return new Map((await repo.byIds(zoneId, [...new Set(ids)])).map((t) => [t.id, t.name]));
  }

  // ---- writing
  function assertChecklist(items: ChecklistItem[]) {
    const issues = checklistIssues(items);
    if (issues.length) throw new ValidationError(issues);
  }

  async function create(ctx: Ctx, input: TemplateInput): Promise<Template> {
    assertChecklist(input.items);
    const items = canonical(input.items);
    const now = clock.now();
    const template: InspectionTemplatesTable = { id: newId(), zone_id: ctx.zoneId, name: input.name, current_version: 1, created_at: now, updated_at: now };
    const v: InspectionTemplateVersionsTable = { id: newId(), zone_id: ctx.zoneId, template_id: template.id, version: 1, items_json: JSON.stringify(items), note: input.note ?? null, created_by: ctx.actor.userId, created_at: now };
    try {
      await database.db.transaction().execute(async (trx) => {
        await repoIn(trx).insert(template);
        await repoIn(trx).insertVersion(v);
        await recordAudit(trx, clock, ctx, { action: 'inspection_template.create', entityType: 'inspection_template', entityId: template.id, after: { name: input.name, version: 1, items, note: v.note } });
      });
    } catch (err) {
      rethrowUnique(err, 'name', input.name);
    }
    return get(ctx, template.id);
  }

  /** Writes the next version inside `trx` (earlier versions stay as they are); returns its number. */
  async function addVersionIn(trx: Executor, ctx: Ctx, templateId: string, given: ChecklistItem[], note: string | null, action: string): Promise<number> {
    const items = canonical(given);
    const now = clock.now();
    const next = await repoIn(trx).nextVersion(ctx.zoneId, templateId, now);
    if (next === null) throw new NotFoundError('inspection_template', templateId);
    await repoIn(trx).insertVersion({ id: newId(), zone_id: ctx.zoneId, template_id: templateId, version: next, items_json: JSON.stringify(items), note, created_by: ctx.actor.userId, created_at: now });
    await recordAudit(trx, clock, ctx, { action, entityType: 'inspection_template', entityId: templateId, before: { version: next - 1 }, after: { version: next, items, note } });
    return next;
  }

  async function addVersion(ctx: Ctx, id: string, input: TemplateVersionInput): Promise<Template> {
    await row(ctx, id);
    assertChecklist(input.items);
    await database.db.transaction().execute((trx) => addVersionIn(trx, ctx, id, input.items, input.note ?? null, 'inspection_template.publish'));
    return get(ctx, id);
  }

  // ---- Excel
  /** The items of a version for the export (the current one by default). */
  async function exportItems(ctx: Ctx, id: string, v?: number): Promise<{ template: InspectionTemplatesTable; version: TemplateVersion }> {
    const template = await row(ctx, id);
    return { template, version: await version(ctx, id, v) };
  }

  function importSpec(templateId: string, currentItems: ChecklistItem[]): ImportSpec<ChecklistItem, ChecklistItem> {
    const numberCell = (r: Parameters<ImportSpec<ChecklistItem, ChecklistItem>['parse']>[0], key: string, lang: Lang): number | null => {
      if (!r.has(key)) return null;
      const n = sheetNumber(r.cell(key));
      if (n === null) r.fail(key, 'v.type', { expected: lang === 'en-US' ? 'a number' : '数字' });
      return n;
    };
    const words = <T extends string>(lang: Lang, codes: readonly T[], labels: Record<T, [string, string]>) => codes.map((c) => labelIn(lang, labels[c])).join(lang === 'en-US' ? ', ' : '、');
    return {
      columns: CHECKLIST_COLUMNS,
      keyColumn: 'key',
      maxRows: 200,
      prepare: async () => undefined,
      parse(r, ctx) {
        const lang = ctx.lang;
        // Cells bypass the request validator: text with control characters (NUL) is refused here, before SQL.
        for (const c of CHECKLIST_COLUMNS) if (!isPrintableText(r.cell(c.key))) r.fail(c.key, 'v.control_chars');
        const place = parsePlace(r.cell('place'));
        if (!place) r.fail('place', r.has('place') ? 'v.enum' : 'v.required', { values: words(lang, INSPECTION_PLACES, INSPECTION_PLACE_LABELS) });
        const kind = parseKind(r.cell('kind'));
        if (!kind) r.fail('kind', r.has('kind') ? 'v.enum' : 'v.required', { values: words(lang, ITEM_KINDS, ITEM_KIND_LABELS) });
        const comparator = r.has('comparator') ? parseComparator(r.cell('comparator')) : null;
        if (r.has('comparator') && !comparator) r.fail('comparator', 'v.enum', { values: '≥, ≤' });
        const severity = r.has('severity') ? parseSeverity(r.cell('severity')) : 'medium';
        if (!severity) r.fail('severity', 'v.enum', { values: words(lang, SEVERITIES, SEVERITY_LABELS) });
        const photo = parseYesNo(r.cell('photoRequired'));
        if (photo === null) r.fail('photoRequired', 'import.bad_bool');
        const input = {
          key: r.cell('key'),
          place,
          title: r.cell('title'),
          kind,
          threshold: numberCell(r, 'threshold', lang),
          comparator,
          unit: r.has('unit') ? r.cell('unit') : null,
          min: numberCell(r, 'min', lang),
          max: numberCell(r, 'max', lang),
          photoRequired: photo ?? false,
          severity: severity ?? 'medium',
          guidance: r.has('guidance') ? r.cell('guidance') : null,
        };
        const parsed = ChecklistItem.safeParse(input, { reportInput: true });
        if (!parsed.success) r.failIssues(parsed.error.issues, (f) => (CHECKLIST_COLUMNS.some((c) => c.key === f) ? f : 'key'));
        return parsed.success ? parsed.data : ({ ...input, key: input.key } as ChecklistItem);
      },
      keyOf: (item) => item.key,
      existing: async () => new Map(currentItems.map((i) => [i.key, i])),
      crossCheck(_ctx, planned, _existing, fail) {
        for (const issue of checklistIssues(planned.map((p) => p.value))) {
          const [, index, field] = issue.path.split('.');
          const p = planned[Number(index)];
          if (p) fail(p.row, field ?? 'key', issue.key, issue.params);
        }
      },
      async commit(trx, ctx, planned) {
        const version = await addVersionIn(trx, ctx, templateId, planned.map((p) => p.value), null, 'inspection_template.import');
        return { version };
      },
    };
  }

  /** A whole checklist from a sheet: checked row by row; when clean (and not a dry run), the next version. */
  async function importSheet(ctx: Ctx, id: string, buffer: Buffer, opts: { dryRun: boolean; jobKey?: string | undefined }): Promise<SheetImportResult> {
    const template = await row(ctx, id);
    const cur = await repo.version(ctx.zoneId, id, template.current_version);
    return runSheetImport(database, importSpec(id, cur ? itemsOf(cur) : []), ctx, buffer, opts);
  }

  return { list, get, version, versionsByIds, namesOf, current, create, addVersion, exportItems, importSheet };
}
export type TemplatesService = ReturnType<typeof makeTemplatesService>;
