// Rules of the inspections module, pure: checklist items that make sense, how a number answer
// passes, what a failed item needs before submission, task transitions, who may act on a task.
import type { ChecklistItem, FindingDraft, TaskStatus } from '@shuangsheng/contracts';
import type { Actor } from '../../platform/context.js';
import type { FieldIssue } from '../../platform/errors.js';

/** Problems of a checklist (paths like `items.3.threshold`): duplicate keys, number items without a sane standard. */
export function checklistIssues(items: readonly ChecklistItem[], path = 'items'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) issues.push({ path: `${path}.${i}.key`, key: 'v.duplicate_item_keys' });
    seen.add(item.key);
    if (item.kind === 'number') {
      const { threshold, comparator, min, max } = item;
      const ok = threshold != null && comparator != null && (min == null || min <= threshold) && (max == null || threshold <= max) && (min == null || max == null || min <= max);
      if (!ok) issues.push({ path: `${path}.${i}.threshold`, key: 'v.number_item_needs' });
    }
  });
  return issues;
}

/** A number item's result: pass when the value meets the threshold in the item's direction. */
export function numberResult(item: ChecklistItem, value: number): 'pass' | 'fail' {
  if (item.threshold == null || item.comparator == null) return 'pass';
  return (item.comparator === 'gte' ? value >= item.threshold : value <= item.threshold) ? 'pass' : 'fail';
}

/** Whether a number lies in the item's allowed range (a sane entry). */
export const inRange = (item: ChecklistItem, value: number) => (item.min == null || value >= item.min) && (item.max == null || value <= item.max);

/**
 * What a failed item's disposition lacks for submission: fixed on the spot needs an after-photo;
 * into the ledger needs the responsible party, the measure and a deadline not before `foundOn`.
 */
export function findingDraftIssues(draft: FindingDraft | null | undefined, foundOn: string, path: string): FieldIssue[] {
  if (!draft) return [{ path, key: 'v.finding_required' }];
  if (draft.disposition === 'fixed_on_spot') return draft.afterPhotoFileIds.length === 0 ? [{ path: `${path}.afterPhotoFileIds`, key: 'v.after_photo_required' }] : [];
  if (!draft.responsibleParty || !draft.measure || !draft.deadline) return [{ path, key: 'v.ledger_fields_required' }];
  if (draft.deadline < foundOn) return [{ path: `${path}.deadline`, key: 'v.deadline_before_found' }];
  return [];
}

/** Tasks take answers until submitted; submission locks them. */
export const TASK_EDITABLE: readonly TaskStatus[] = ['pending', 'in_progress'];
/** A task not submitted after its day was missed. */
export const isMissed = (status: TaskStatus, dueDate: string, today: string) => status !== 'submitted' && dueDate < today;

/** Inspectors change only their own tasks; the zone admin (inspections.manage) any of the zone; jobs always. */
export function mayWorkOnTask(actor: Actor, inspectorId: string | null): boolean {
  if (actor.userId === null) return true;
  if (actor.permissions.has('inspections.manage')) return true;
  return actor.permissions.has('inspections.inspect') && inspectorId === actor.userId;
}
