// Object rules of employment registration (就业登记), pure: labour and approval officers see the
// whole zone, an enterprise user only the own enterprise's workers; dates as people type them.
import type { Actor } from '../../platform/context.js';

/** The enterprise ids an actor is limited to, or null for the whole zone. */
export function visibleRegistrationEnterprises(actor: Actor): string[] | null {
  if (actor.userId === null || actor.permissions.has('services.employment.read')) return null;
  return actor.enterpriseId ? [actor.enterpriseId] : [];
}

/** `5103**********1234`: the first four and last four characters. */
export function maskResidentId(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as typed in a sheet: 2020-02-24, 2020/2/24, 2020.2.24, 2020年2月24日, or an Excel day
 * number; 'YYYY-MM-DD', or null when it is none of these or no such day exists.
 */
export function parseSheetDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (parts) {
    [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  } else if (/^\d{5}$/.test(s)) {
    const date = new Date(EXCEL_EPOCH + Number(s) * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
