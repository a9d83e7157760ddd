// Pure rules of the inspector's pages: which items a place asks, how a number passes as it is
// typed, a place's progress, what is missing before submission (and where a server field path
// points), the task's colour, dates of the switcher, and the bell texts of inspection notices.
import type { ChecklistItem, FindingDraft, InspectionPlace, Task } from '@shuangsheng/contracts';
import { INSPECTION_PLACES } from '@shuangsheng/contracts';
import type { Tone } from '../../../components/StatusTag';

type Answerish = { itemKey: string; result: 'pass' | 'fail' | 'na'; value: number | null; photoFileIds: readonly string[]; finding: FindingDraft | null };
type Placeish = { id: string; place: InspectionPlace; label: string; answers: readonly Answerish[] };

/** `2020-02-26` plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

/** The items of the task's checklist version asked at a kind of place, in the template's order. */
export function itemsFor(items: readonly ChecklistItem[], place: InspectionPlace): ChecklistItem[] {
  return items.filter((i) => i.place === place);
}

/** Kinds of place the checklist asks anything about, in walking order. */
export function placeKindsOf(items: readonly ChecklistItem[]): InspectionPlace[] {
  const order: InspectionPlace[] = ['entrance', 'building', 'enterprise', 'inner'];
  return order.filter((p) => INSPECTION_PLACES.includes(p) && items.some((i) => i.place === p));
}

/** The same rule as the server's: pass when the value meets the threshold in the item's direction. */
export function numberResult(item: Pick<ChecklistItem, 'threshold' | 'comparator'>, value: number): 'pass' | 'fail' {
  if (item.threshold == null || item.comparator == null) return 'pass';
  return (item.comparator === 'gte' ? value >= item.threshold : value <= item.threshold) ? 'pass' : 'fail';
}

/** Whether an entry lies within the item's sane range (the server refuses others). */
export function inRange(item: Pick<ChecklistItem, 'min' | 'max'>, value: number): boolean {
  return (item.min == null || value >= item.min) && (item.max == null || value <= item.max);
}

/** `≥ 2.5 m²` — the standard of a number item. */
export function standardText(item: Pick<ChecklistItem, 'threshold' | 'comparator' | 'unit'>): string {
  if (item.threshold == null || item.comparator == null) return '';
  return `${item.comparator === 'gte' ? '≥' : '≤'} ${item.threshold}${item.unit ? ` ${item.unit}` : ''}`;
}

/** `0 – 100 m²` — the range an entry may take, if bounded. */
export function rangeText(item: Pick<ChecklistItem, 'min' | 'max' | 'unit'>): string {
  if (item.min == null && item.max == null) return '';
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min != null && item.max != null) return `${item.min} – ${item.max}${unit}`;
  return item.min != null ? `≥ ${item.min}${unit}` : `≤ ${item.max}${unit}`;
}

/**
 * Items answered of those expected: the places walked, plus one place of each kind the checklist
 * asks about and nobody has opened yet (so a half-walked park never reads as complete).
 */
export function taskProgress(places: readonly Pick<Placeish, 'place' | 'answers'>[], items: readonly ChecklistItem[]): { answered: number; expected: number } {
  const asked = (kind: InspectionPlace) => itemsFor(items, kind);
  let answered = 0;
  let expected = 0;
  for (const p of places) {
    const keys = new Set(asked(p.place).map((i) => i.key));
    answered += p.answers.filter((a) => keys.has(a.itemKey)).length;
    expected += keys.size;
  }
  for (const kind of placeKindsOf(items)) if (!places.some((p) => p.place === kind)) expected += asked(kind).length;
  return { answered, expected };
}

export type PlaceProgress = { answered: number; total: number; failed: number; done: boolean };
export function placeProgress(place: Pick<Placeish, 'place' | 'answers'>, items: readonly ChecklistItem[]): PlaceProgress {
  const asked = new Set(itemsFor(items, place.place).map((i) => i.key));
  const answers = place.answers.filter((a) => asked.has(a.itemKey));
  return { answered: answers.length, total: asked.size, failed: answers.filter((a) => a.result === 'fail').length, done: asked.size > 0 && answers.length >= asked.size };
}

/** What a failed item's disposition still lacks (the server's rule, to show it before submitting). */
export type DraftLack = 'disposition' | 'description' | 'afterPhoto' | 'ledgerFields' | 'deadlineBeforeFound';
export function draftLacks(draft: FindingDraft | null | undefined, foundOn: string): DraftLack[] {
  if (!draft) return ['disposition'];
  const lacks: DraftLack[] = [];
  if (draft.description.trim().length < 2) lacks.push('description');
  if (draft.disposition === 'fixed_on_spot') {
    if (!draft.afterPhotoFileIds.length) lacks.push('afterPhoto');
  } else if (!draft.responsibleParty?.trim() || !draft.measure?.trim() || !draft.deadline) lacks.push('ledgerFields');
  else if (draft.deadline < foundOn) lacks.push('deadlineBeforeFound');
  return lacks;
}

export type Missing =
  | { kind: 'noPlaces' }
  | { kind: 'unanswered'; placeId: string; placeLabel: string; count: number }
  | { kind: 'photo'; placeId: string; placeLabel: string; itemKey: string; itemTitle: string }
  | { kind: 'draft'; placeId: string; placeLabel: string; itemKey: string; itemTitle: string; lacks: DraftLack[] };

/**
 * What keeps the task from being submitted (`blocking`) and what is merely not done yet: nothing
 * answered yet, failed items without a complete disposition, photo-required items without a photo
 * (blocking); items of a place not answered (a reminder).
 */
export function missingForSubmission(task: { dueDate: string; places: readonly Placeish[] }, items: readonly ChecklistItem[]): { blocking: Missing[]; reminders: Missing[] } {
  const blocking: Missing[] = [];
  const reminders: Missing[] = [];
  // The server takes no submission without a single answer.
  if (!task.places.some((p) => p.answers.length)) blocking.push({ kind: 'noPlaces' });
  const byKey = new Map(items.map((i) => [i.key, i]));
  for (const p of task.places) {
    const asked = itemsFor(items, p.place);
    const answered = new Map(p.answers.map((a) => [a.itemKey, a]));
    const open = asked.filter((i) => !answered.has(i.key)).length;
    if (open) reminders.push({ kind: 'unanswered', placeId: p.id, placeLabel: p.label, count: open });
    for (const a of p.answers) {
      const item = byKey.get(a.itemKey);
      if (!item) continue;
      if (item.photoRequired && a.result !== 'na' && !a.photoFileIds.length) blocking.push({ kind: 'photo', placeId: p.id, placeLabel: p.label, itemKey: item.key, itemTitle: item.title });
      if (a.result === 'fail') {
        const lacks = draftLacks(a.finding, task.dueDate);
        if (lacks.length) blocking.push({ kind: 'draft', placeId: p.id, placeLabel: p.label, itemKey: item.key, itemTitle: item.title, lacks });
      }
    }
  }
  return { blocking, reminders };
}

/** Where a server field path of a refused submission points: `answers.<placeId>.<itemKey>.finding.deadline`. */
export function issueTarget(path: string): { placeId: string; itemKey: string | null; field: string | null } | null {
  const parts = path.split('.');
  if (parts[0] !== 'answers' || !parts[1]) return null;
  return { placeId: parts[1], itemKey: parts[2] ?? null, field: parts.length > 3 ? parts.slice(3).join('.') : null };
}

/** The colour of a task: submitted green, missed red, in progress blue, pending orange. */
export function taskTone(task: Pick<Task, 'status' | 'missed'>): Tone {
  if (task.status === 'submitted') return 'done';
  if (task.missed) return 'abnormal';
  return task.status === 'in_progress' ? 'progress' : 'waiting';
}

/** A default description of a failed item, to edit: `办公区人均面积：实测 1.8 m²（标准 ≥ 2.5 m²）`. */
export function defaultDescription(item: ChecklistItem, value: number | null, words: { measured: string; standard: string; notMet: string }): string {
  if (item.kind === 'number' && value != null) return `${item.title}：${words.measured} ${value}${item.unit ? ` ${item.unit}` : ''}（${words.standard} ${standardText(item)}）`;
  return `${item.title}：${words.notMet}`;
}

// ---- the bell: notices of the inspections module
export const INSPECTION_NOTICE_WORDS = {
  'inspection.task_assigned': 'taskAssigned',
  'inspection.follow_up_due': 'followUpDue',
  'inspection.follow_up_missed': 'followUpMissed',
  'inspection.deadline_passed': 'deadlinePassed',
  'inspection.finding_closed': 'findingClosed',
} as const;
export type InspectionNoticeWord = (typeof INSPECTION_NOTICE_WORDS)[keyof typeof INSPECTION_NOTICE_WORDS];

export function inspectionNoticeWord(kind: string): InspectionNoticeWord | null {
  return (INSPECTION_NOTICE_WORDS as Record<string, InspectionNoticeWord>)[kind] ?? null;
}

/** Tasks open on the phone page; findings in the ledger. */
export function inspectionNoticePath(n: { kind: string; entityType: string; entityId: string }): string | null {
  if (!inspectionNoticeWord(n.kind) && !n.entityType.startsWith('inspection_')) return null;
  if (n.entityType === 'inspection_task') return `/inspections/tasks/${encodeURIComponent(n.entityId)}`;
  if (n.entityType === 'inspection_finding') return `/inspections/ledger/${encodeURIComponent(n.entityId)}`;
  if (n.entityType === 'inspection_round') return `/inspections/rounds/${encodeURIComponent(n.entityId)}`;
  return n.kind === 'inspection.task_assigned' || n.kind === 'inspection.follow_up_due' ? '/inspections/tasks' : '/inspections/ledger';
}

export type InspectionNoticeParams = { parkName: string; roundName: string; dueDate: string; date: string; number: string; itemTitle: string; count: string };
/** Every value the texts use, so a missing one reads as nothing rather than `{{x}}`. */
export function inspectionNoticeParams(params: Record<string, unknown>): InspectionNoticeParams {
  const p: InspectionNoticeParams = { parkName: '', roundName: '', dueDate: '', date: '', number: '', itemTitle: '', count: '' };
  for (const k of Object.keys(p) as (keyof InspectionNoticeParams)[]) {
    const v = params[k];
    if (typeof v === 'string') p[k] = v;
    else if (typeof v === 'number') p[k] = String(v);
  }
  return p;
}
