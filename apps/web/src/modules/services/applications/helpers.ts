// Pure rules of the applications pages: status colours, the workbench's queues, form values to
// and from the API, what is still missing before submitting, correction points, notification keys.
import dayjs, { type Dayjs } from 'dayjs';
import {
  FINAL_STATUSES,
  type ApplicationStatus,
  type CorrectionPoint,
  type FileType,
  type FormValues,
  type ItemSnapshot,
  type Notification,
} from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';

/** UX.md colours: green done, blue in progress, orange waiting on someone, red refused, grey closed. */
export const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  draft: 'closed',
  submitted: 'waiting',
  accepted: 'progress',
  under_review: 'progress',
  correction: 'waiting',
  resubmitted: 'waiting',
  approved: 'done',
  refused: 'abnormal',
  denied: 'abnormal',
  withdrawn: 'closed',
};

export type DueState = 'none' | 'ok' | 'soon' | 'today' | 'overdue' | 'paused';
/** Tag colour of a due state: overdue red, due today orange, soon gold, paused grey. */
export const DUE_COLOR: Record<DueState, string> = { none: 'default', ok: 'default', soon: 'gold', today: 'orange', overdue: 'red', paused: 'default' };

/** Open = submitted … resubmitted: neither a draft nor final. */
export function isOpen(status: ApplicationStatus): boolean {
  return status !== 'draft' && !FINAL_STATUSES.includes(status);
}

// ---- the workbench's queue tabs
// Each tab is a set of statuses (the list API takes them comma-separated), so its list and its
// count (the sum of the queue counts by status) come from the same table.
export const QUEUE_TABS = ['open', 'submitted', 'in_review', 'resubmitted', 'correction', 'approved', 'closed', 'all'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const TAB_STATUSES: Record<Exclude<QueueTab, 'all'>, readonly ApplicationStatus[]> = {
  open: ['submitted', 'accepted', 'under_review', 'correction', 'resubmitted'],
  submitted: ['submitted'],
  in_review: ['accepted', 'under_review'],
  resubmitted: ['resubmitted'],
  correction: ['correction'],
  approved: ['approved'],
  closed: ['refused', 'denied', 'withdrawn'],
};

/** The list query of a tab: `status=accepted,under_review`; nothing for 全部. */
export function tabQuery(tab: QueueTab): { status?: string } {
  return tab === 'all' ? {} : { status: TAB_STATUSES[tab].join(',') };
}

/** The tab of a URL; the older tabs and links (`tab=accepted`, `status=under_review`) land on the one that holds them. */
export function tabOf(filters: { status?: string; tab?: string }): QueueTab {
  const key = filters.tab ?? filters.status;
  if (!key) return 'open';
  if ((QUEUE_TABS as readonly string[]).includes(key)) return key as QueueTab;
  const holder = (Object.keys(TAB_STATUSES) as Exclude<QueueTab, 'all'>[]).find((k) => k !== 'open' && (TAB_STATUSES[k] as readonly string[]).includes(key));
  return holder ?? 'open';
}

/** The count shown on a tab: the sum of its statuses' counts (none on 全部). */
export function tabCount(tab: QueueTab, byStatus: Partial<Record<string, number>>): number | null {
  if (tab === 'all') return null;
  return TAB_STATUSES[tab].reduce((n, s) => n + (byStatus[s] ?? 0), 0);
}

// ---- the workbench's "who" filter: 我经办的 (the signed-in officer) or 未分配 (nobody has taken it)
export type Who = 'mine' | 'unassigned';
export function whoOf(value: string | undefined): Who | undefined {
  return value === 'mine' || value === 'unassigned' ? value : undefined;
}
/** `assigneeId` of the list query: the officer's id, or `none`. */
export function assigneeQuery(who: Who | undefined, myId: string): { assigneeId?: string } {
  if (who === 'mine') return { assigneeId: myId };
  if (who === 'unassigned') return { assigneeId: 'none' };
  return {};
}

// ---- the item's form fields
export type ItemField = ItemSnapshot['fields'][number];
export type AntdValue = string | number | boolean | Dayjs | null | undefined;

/** API form values → the antd form's (dates become Dayjs). */
export function toFormState(fields: readonly ItemField[], values: FormValues): Record<string, AntdValue> {
  const out: Record<string, AntdValue> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null) continue;
    if (f.type === 'date') {
      const d = typeof v === 'string' ? dayjs(v, 'YYYY-MM-DD') : null;
      if (d?.isValid()) out[f.key] = d;
    } else if (f.type === 'checkbox') out[f.key] = v === true || v === 'true';
    else out[f.key] = v;
  }
  return out;
}

/** The antd form's values → API form values: dates as `YYYY-MM-DD`, blanks as null, only known keys. */
export function toApiForm(fields: readonly ItemField[], state: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = state[f.key];
    if (v === undefined || v === null || v === '') {
      out[f.key] = f.type === 'checkbox' ? false : null;
      continue;
    }
    if (f.type === 'date') out[f.key] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : String(v);
    else if (f.type === 'number') out[f.key] = typeof v === 'number' ? v : Number(v);
    else if (f.type === 'checkbox') out[f.key] = v === true;
    else out[f.key] = typeof v === 'string' ? v.trim() || null : String(v);
  }
  return out;
}

/** A value as read text (`是`/`否` for checkboxes come from the caller). */
export function fieldText(field: ItemField, value: FormValues[string] | undefined, yesNo: [string, string]): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'checkbox') return value === true ? yesNo[0] : yesNo[1];
  return String(value);
}

type Uploaded = { key: string };

/** What still blocks a submission: required materials not uploaded, required fields empty. */
export function missingRequired(item: Pick<ItemSnapshot, 'materials' | 'fields'>, materials: readonly Uploaded[], form: FormValues): { materials: string[]; fields: string[] } {
  const have = new Set(materials.map((m) => m.key));
  return {
    materials: item.materials.filter((m) => m.required && !have.has(m.key)).map((m) => m.key),
    fields: item.fields
      .filter((f) => f.required && f.type !== 'checkbox')
      .filter((f) => {
        const v = form[f.key];
        return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
      })
      .map((f) => f.key),
  };
}

// ---- correction (补正)
export type CorrectionTarget = CorrectionPoint['target'];
/** The officer's choice: `material:key` or `field:key` → its comment. */
export type CorrectionDraft = Record<string, string>;
export const pointId = (target: CorrectionTarget, key: string) => `${target}:${key}`;

export function toggleDraft(draft: CorrectionDraft, target: CorrectionTarget, key: string, on: boolean): CorrectionDraft {
  const id = pointId(target, key);
  if (on) return id in draft ? draft : { ...draft, [id]: '' };
  const next = { ...draft };
  delete next[id];
  return next;
}

/** The points to send, in the item's order (materials first, then fields). */
export function correctionPoints(item: Pick<ItemSnapshot, 'materials' | 'fields'>, draft: CorrectionDraft): CorrectionPoint[] {
  const out: CorrectionPoint[] = [];
  for (const m of item.materials) {
    const c = draft[pointId('material', m.key)];
    if (c !== undefined) out.push({ target: 'material', key: m.key, comment: c.trim() });
  }
  for (const f of item.fields) {
    const c = draft[pointId('field', f.key)];
    if (c !== undefined) out.push({ target: 'field', key: f.key, comment: c.trim() });
  }
  return out;
}

/** Keys of points whose guidance is too short (the API wants at least 2 characters). */
export function weakPoints(points: readonly CorrectionPoint[]): string[] {
  return points.filter((p) => p.comment.trim().length < 2).map((p) => pointId(p.target, p.key));
}

/** The open correction point on a material or field, while the application waits for it. */
export function pointFor(app: { status: ApplicationStatus; corrections: readonly CorrectionPoint[] }, target: CorrectionTarget, key: string): CorrectionPoint | undefined {
  if (app.status !== 'correction') return undefined;
  return app.corrections.find((p) => p.target === target && p.key === key);
}

/** In correction, only the fields the officer marked can change (none marked: none). */
export function editableFieldKeys(app: { status: ApplicationStatus; corrections: readonly CorrectionPoint[] }, fields: readonly ItemField[]): Set<string> {
  if (app.status === 'draft') return new Set(fields.map((f) => f.key));
  if (app.status !== 'correction') return new Set();
  return new Set(app.corrections.filter((p) => p.target === 'field').map((p) => p.key));
}

// ---- files
export type Preview = 'image' | 'pdf' | null;
export function previewKind(type: FileType): Preview {
  if (type === 'jpeg' || type === 'png') return 'image';
  if (type === 'pdf') return 'pdf';
  return null;
}

/** `accept` of a file input for the allowed types. */
const EXT: Record<FileType, string> = { pdf: '.pdf', jpeg: '.jpg,.jpeg', png: '.png', xlsx: '.xlsx', docx: '.docx' };
export function acceptOf(types: readonly FileType[]): string {
  return types.map((t) => EXT[t]).join(',');
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ---- 手机查询: the public progress page
/** `https://host/h5/progress?zone=GX&number=SV-…` */
export function progressUrl(origin: string, zone: string, number: string): string {
  const q = new URLSearchParams({ zone, number });
  return `${origin.replace(/\/$/, '')}/h5/progress?${q.toString()}`;
}

// ---- notifications
export type NotificationWord = 'accepted' | 'refused' | 'correction' | 'approved' | 'denied' | 'resubmitted' | 'submitted' | 'dueSoon' | 'assigned';
/** `application.due_soon` → `dueSoon`, the message key (i18next reads `_x` as a context). */
export function notificationWord(kind: Notification['kind']): NotificationWord {
  return kind.slice('application.'.length).replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) as NotificationWord;
}

/** Where a notification leads. */
export function notificationPath(n: Pick<Notification, 'entityType' | 'entityId'>): string | null {
  return n.entityType === 'application' ? `/services/applications/${encodeURIComponent(n.entityId)}` : null;
}

/** Interpolation values with the placeholders every message uses filled in. */
export function notificationParams(n: Pick<Notification, 'params'>): Record<string, string> {
  return { number: '', itemName: '', dueDate: '', ...n.params };
}
