// Check-character validators for the identifiers our users type. Pure, shared by server, web and h5.

/** GB 32100-2015 unified social credit code (统一社会信用代码) charset: no I, O, S, V, Z. */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a credit code computed from its first 17, or null if they hold a bad char. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARSET[check]!;
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** GB 11714 organisation code check character (position 9 of the entity identifier). */
export function orgCodeCheckChar(first8: string): string | null {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  if (first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i]!;
    const v = /[0-9]/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * weights[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a resident ID number (GB 11643 mod 11-2) from its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

/** GB 11643-1999 resident ID number: 17 digits, a birth date that exists, and the mod-11 check. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return false;
  }
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

export const MOBILE_RE = /^1[3-9]\d{9}$/;
/** A mainland mobile, or a landline with area code and optional extension (0813-1234567-8). */
export const PHONE_RE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Ordinary (川C12345) and new-energy (川CD12345 / 川C12345D) plates. */
export function isValidPlate(plate: string): boolean {
  const p = plate.toUpperCase();
  if (!PROVINCES.includes(p[0] ?? '#')) return false;
  const rest = p.slice(1);
  return /^[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$/.test(rest) ||
    /^[A-HJ-NP-Z](?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(rest);
}

/**
 * A province-level unit as the statistics count it: the short name (四川, 重庆, 广西, 香港), whether
 * it was typed in full (四川省, 重庆市, 广西壮族自治区, 香港特别行政区) or short.
 */
export function shortProvince(name: string): string {
  const n = name.trim();
  const m = /^(内蒙古|广西|西藏|宁夏|新疆|香港|澳门|黑龙江|[\u4e00-\u9fff]{2})/.exec(n);
  if (m && /(?:省|市|自治区|特别行政区)$/.test(n)) return m[1]!;
  return n;
}
