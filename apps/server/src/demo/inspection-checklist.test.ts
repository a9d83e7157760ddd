// The demo's standard specification is a checklist the server accepts as it is, covering the four
// kinds of place, with the items the seed names.
import { describe, expect, it } from 'vitest';
import { ChecklistItems, INSPECTION_PLACES } from '@shuangsheng/contracts';
import { checklistIssues, numberResult } from '../modules/inspections/inspections.policy.js';
import { STANDARD_CHECKLIST } from './inspection-checklist.js';

describe('the standard specification (工作规范)', () => {
  it('parses as a checklist, has no issues, and covers entrances, buildings, enterprises and inner areas', () => {
    expect(ChecklistItems.parse(STANDARD_CHECKLIST)).toEqual(STANDARD_CHECKLIST);
    expect(checklistIssues(STANDARD_CHECKLIST)).toEqual([]);
    expect(new Set(STANDARD_CHECKLIST.map((i) => i.place))).toEqual(new Set(INSPECTION_PLACES));
    for (const key of ['entrance_temperature', 'vehicle_registration', 'distancing_marks', 'publicity', 'office_area']) expect(STANDARD_CHECKLIST.map((i) => i.key)).toContain(key);
  });

  it('office area per person passes at 2.5 m² and fails below; the lift load passes at 4 and fails at 5', () => {
    const item = (key: string) => STANDARD_CHECKLIST.find((i) => i.key === key)!;
    expect([numberResult(item('office_area'), 2.5), numberResult(item('office_area'), 1.8)]).toEqual(['pass', 'fail']);
    expect([numberResult(item('elevator_load'), 4), numberResult(item('elevator_load'), 5)]).toEqual(['pass', 'fail']);
  });
});
