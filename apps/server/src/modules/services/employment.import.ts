// The returning workers' list (返岗人员名单) on the shared import engine: each row a registration,
// checked cell by cell (GB 11643 ID number, phone, date of return), all rows or none. A worker
// already registered by the same enterprise (same ID number) is updated, not registered twice.
// Enterprise users register for their own enterprise; staff name the enterprise by credit code.
import { isValidResidentId, PHONE_RE } from '@shuangsheng/contracts';
import type { EmploymentRegistrationsTable } from '../../db/schema.js';
import { recordAuditMany, type AuditEntry } from '../../platform/audit.js';
import { todayIn } from '../../platform/calendar.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { parseSheetDate, type ImportSpec, type SheetColumn } from '../../platform/sheet-import.js';
import { makeEmploymentRepo } from './employment.repo.js';
import type { EmploymentPorts } from './employment.service.js';

export const EMPLOYMENT_COLUMNS: SheetColumn[] = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张伟', width: 12 },
  { key: 'idNumber', zh: '居民身份证号', en: 'Resident ID number', required: true, hint: ['18 位，末位可为 X', '18 characters, the last may be X'], example: '510302199001011237', width: 22 },
  { key: 'phone', zh: '联系电话', en: 'Phone', required: true, hint: ['手机号码或带区号的固定电话', 'Mobile, or landline with area code'], example: '13800138000', width: 16 },
  { key: 'returnedOn', zh: '返岗日期', en: 'Date of return to work', required: true, hint: ['如 2020-02-24，不晚于今天', 'e.g. 2020-02-24, not after today'], example: '2020-02-24', width: 14 },
  {
    key: 'creditCode',
    zh: '企业统一社会信用代码',
    en: 'Enterprise credit code',
    hint: ['企业用户可不填（登记到本企业）；工作人员代为登记时必填', 'Enterprise users may leave it empty (their own enterprise); staff registering on behalf must fill it in'],
    width: 22,
  },
];

type Row = { name: string; idNumber: string; phone: string; returnedOn: string; creditCode: string };
const OWN = '@own';

export function employmentImportSpec(deps: Deps, ports: EmploymentPorts): ImportSpec<Row, EmploymentRegistrationsTable> {
  const { database, clock, pii } = deps;
  let today = '';
  let ownCreditCode: string | null = null;
  /** Credit code (or @own) → enterprise id, filled by existing(). */
  const enterpriseOf = new Map<string, string>();
  const enterpriseKey = (r: Row) => r.creditCode || OWN;
  return {
    columns: EMPLOYMENT_COLUMNS,
    keyColumn: 'idNumber',
    duplicateMessage: 'import.duplicate_id',
    maxRows: 5000,
    async prepare(ctx: Ctx) {
      today = todayIn(await ports.timeZoneOf(ctx.zoneId), clock.now());
      if (ctx.actor.enterpriseId) {
        ownCreditCode = (await ports.enterpriseRefs(ctx.zoneId, [ctx.actor.enterpriseId])).get(ctx.actor.enterpriseId)?.creditCode ?? null;
        enterpriseOf.set(OWN, ctx.actor.enterpriseId);
      }
    },
    parse(r, ctx) {
      const name = r.cell('name');
      if (!name) r.fail('name', 'v.required');
      else if (name.length > 50) r.fail('name', 'v.too_long', { max: 50 });
      const idNumber = r.cell('idNumber').replace(/\s/g, '').toUpperCase();
      if (!idNumber) r.fail('idNumber', 'v.required');
      else if (!isValidResidentId(idNumber)) r.fail('idNumber', 'v.resident_id');
      const phone = r.cell('phone').replace(/\s/g, '');
      if (!phone) r.fail('phone', 'v.required');
      else if (!PHONE_RE.test(phone)) r.fail('phone', 'v.phone');
      const returnedOn = r.has('returnedOn') ? parseSheetDate(r.cell('returnedOn')) : null;
      if (!r.has('returnedOn')) r.fail('returnedOn', 'v.required');
      else if (!returnedOn) r.fail('returnedOn', 'import.bad_date');
      else if (returnedOn > today) r.fail('returnedOn', 'import.future_date');
      let creditCode = r.cell('creditCode').toUpperCase();
      if (ctx.actor.enterpriseId) {
        // An enterprise user's rows are the own enterprise's: the column may repeat its code, no other.
        if (creditCode && creditCode !== ownCreditCode) r.fail('creditCode', 'import.other_enterprise');
        creditCode = '';
      } else if (!creditCode) {
        r.fail('creditCode', 'import.enterprise_required');
      }
      if (!idNumber) return undefined;
      return { name, idNumber, phone, returnedOn: returnedOn ?? '', creditCode };
    },
    keyOf: (v) => `${enterpriseKey(v)}|${v.idNumber}`,
    async existing(ctx, keys) {
      const codes = [...new Set(keys.map((k) => k.split('|')[0]!).filter((c) => c !== OWN))];
      for (const [code, id] of await ports.idsByCreditCode(ctx.zoneId, codes)) enterpriseOf.set(code, id);
      const byIdx = new Map<string, string>(); // blind index → key
      for (const key of keys) {
        const [code, idNumber] = key.split('|') as [string, string];
        const enterpriseId = enterpriseOf.get(code);
        if (enterpriseId) byIdx.set(`${enterpriseId}|${pii.blindIndex(idNumber)}`, key);
      }
      const rows = await makeEmploymentRepo(database.db, database.dialect).byIdNumbers(ctx.zoneId, [...new Set(enterpriseOf.values())], [...new Set([...byIdx.keys()].map((k) => k.split('|')[1]!))]);
      const out = new Map<string, EmploymentRegistrationsTable>();
      for (const row of rows) {
        const key = byIdx.get(`${row.enterprise_id}|${row.id_number_idx}`);
        if (key) out.set(key, row);
      }
      return out;
    },
    crossCheck(_ctx, planned, _existing, fail) {
      for (const p of planned) if (p.value.creditCode && !enterpriseOf.has(p.value.creditCode)) fail(p.row, 'creditCode', 'import.unknown_enterprise', { value: p.value.creditCode });
    },
    async commit(trx, ctx, planned, existing) {
      const repo = makeEmploymentRepo(trx, database.dialect);
      const now = clock.now();
      const inserts: EmploymentRegistrationsTable[] = [];
      const audits: AuditEntry[] = [];
      const shown = (v: Row) => ({ name: v.name, idNumber: maskIdNumber(v.idNumber), phone: maskPhone(v.phone), returnedOn: v.returnedOn });
      for (const { key, value } of planned) {
        const old = existing.get(key);
        const phone = pii.protect(value.phone);
        if (old) {
          await repo.update(ctx.zoneId, old.id, { name: value.name, phone_enc: phone.enc!, phone_idx: phone.idx!, returned_on: value.returnedOn, updated_at: now });
          audits.push({ action: 'employment_registration.import_update', entityType: 'employment_registration', entityId: old.id, before: { name: old.name, returnedOn: old.returned_on }, after: shown(value) });
          continue;
        }
        const id = pii.protect(value.idNumber);
        const row: EmploymentRegistrationsTable = {
          id: newId(),
          zone_id: ctx.zoneId,
          enterprise_id: enterpriseOf.get(value.creditCode || OWN)!,
          name: value.name,
          id_number_enc: id.enc!,
          id_number_idx: id.idx!,
          phone_enc: phone.enc!,
          phone_idx: phone.idx!,
          returned_on: value.returnedOn,
          registered_on: today,
          created_by: ctx.actor.userId,
          created_at: now,
          updated_at: now,
        };
        inserts.push(row);
        audits.push({ action: 'employment_registration.import_create', entityType: 'employment_registration', entityId: row.id, after: { enterpriseId: row.enterprise_id, ...shown(value) } });
      }
      await repo.insert(inserts);
      await recordAuditMany(trx, clock, ctx, audits);
    },
  };
}
