// The item editor's form values and the API body they become (ServiceItemInput), both ways.
import type { ApplicantType, FieldType, FileType, ServiceCategory, ServiceItem } from '@shuangsheng/contracts';
import type { ServiceItemBody } from './api';

export type MaterialValues = {
  key: string;
  name: string;
  required: boolean;
  fileTypes: FileType[];
  templateFileId: string | null;
  /** Shown beside the download link; not sent. */
  templateFileName: string | null;
  note?: string;
};

export type FieldValues = {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
  help?: string;
};

export type ItemValues = {
  code: string;
  name: string;
  department: string;
  category?: ServiceCategory;
  applicantTypes: ApplicantType[];
  legalDays: number | null;
  promisedDays: number | null;
  onlineEnabled: boolean;
  fullyElectronic: boolean;
  agencyEligible: boolean;
  issuesLicence: boolean;
  licenceName?: string;
  materials: MaterialValues[];
  fields: FieldValues[];
  guide: string;
};

export const DEFAULT_FILE_TYPES: FileType[] = ['pdf', 'jpeg', 'png'];

/** The next free key `m1`, `m2`, … (or `f1`, …) after the largest one in use. */
export function nextKey(prefix: string, used: readonly (string | undefined)[]): string {
  const re = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const k of used) {
    const m = k ? re.exec(k) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (used.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newMaterial(used: readonly (string | undefined)[]): MaterialValues {
  return { key: nextKey('m', used), name: '', required: true, fileTypes: [...DEFAULT_FILE_TYPES], templateFileId: null, templateFileName: null, note: '' };
}

export function newField(used: readonly (string | undefined)[]): FieldValues {
  return { key: nextKey('f', used), label: '', type: 'text', required: false, options: [], help: '' };
}

export const EMPTY_ITEM: ItemValues = {
  code: '',
  name: '',
  department: '',
  applicantTypes: ['enterprise'],
  legalDays: null,
  promisedDays: null,
  onlineEnabled: true,
  fullyElectronic: false,
  agencyEligible: false,
  issuesLicence: false,
  licenceName: '',
  materials: [],
  fields: [],
  guide: '',
};

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function toValues(item: ServiceItem): ItemValues {
  return {
    code: item.code,
    name: item.name,
    department: item.department,
    category: item.category,
    applicantTypes: item.applicantTypes,
    legalDays: item.legalDays,
    promisedDays: item.promisedDays,
    onlineEnabled: item.onlineEnabled,
    fullyElectronic: item.fullyElectronic,
    agencyEligible: item.agencyEligible,
    issuesLicence: item.licenceName !== null,
    licenceName: item.licenceName ?? '',
    materials: item.materials.map((m) => ({
      key: m.key,
      name: m.name,
      required: m.required,
      fileTypes: m.fileTypes,
      templateFileId: m.templateFileId,
      templateFileName: m.templateFileName,
      note: m.note ?? '',
    })),
    fields: item.fields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, options: f.options ?? [], help: f.help ?? '' })),
    guide: item.guide,
  };
}

export function toInput(v: ItemValues): ServiceItemBody {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    department: v.department.trim(),
    category: v.category!,
    applicantTypes: v.applicantTypes,
    legalDays: v.legalDays ?? 0,
    promisedDays: v.promisedDays ?? 0,
    onlineEnabled: !!v.onlineEnabled,
    fullyElectronic: !!v.fullyElectronic,
    agencyEligible: !!v.agencyEligible,
    licenceName: v.issuesLicence ? blank(v.licenceName) : null,
    materials: (v.materials ?? []).map((m) => ({
      key: m.key,
      name: m.name.trim(),
      required: !!m.required,
      fileTypes: m.fileTypes,
      templateFileId: m.templateFileId ?? null,
      note: blank(m.note),
    })),
    fields: (v.fields ?? []).map((f) => {
      const field: ServiceItemBody['fields'] extends (infer F)[] | undefined ? F : never = {
        key: f.key.trim(),
        label: f.label.trim(),
        type: f.type,
        required: !!f.required,
        help: blank(f.help),
      };
      if (f.type === 'select') field.options = (f.options ?? []).map((o) => o.trim()).filter(Boolean);
      return field;
    }),
    guide: v.guide ?? '',
  };
}

/**
 * The server names the deepest path it refused (`fields.0.options.3`); the form shows errors on
 * the fields it has, so each path is cut back to the nearest registered one (`fields.0.options`).
 */
export function nearestFields<I extends { path: string }>(issues: readonly I[], registered: ReadonlySet<string>): I[] {
  return issues.map((issue) => {
    const parts = issue.path.split('.');
    while (parts.length > 1 && !registered.has(parts.join('.'))) parts.pop();
    return { ...issue, path: parts.join('.') };
  });
}
