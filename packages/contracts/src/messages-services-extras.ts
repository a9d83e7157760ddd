// Messages of appointments, consultations, agency cases and employment registration (merged into
// the catalogues in messages.ts).
export const extrasZh: Record<string, string> = {
  'v.range_too_long': '一次最多 92 天',
  'rule.slot_past': '该时段已过，不能预约',
  'rule.slot_closed': '该时段已关闭预约',
  'rule.capacity_below_booked': '名额不能少于已预约人数（{booked}）',
  'rule.booking_too_early': '预约时段当天才能签到或标记未到',
  'rule.agency_agent': '帮办员须为本区的审批人员',
  'conflict.slot_full': '该时段已约满（{booked}/{capacity}）',
  'conflict.already_booked': '您已预约该时段',
  'conflict.slot_exists': '{date} {halfDay} {window} 已有预约时段',
  'state.slot': '时段当前为“{status}”，不能{action}',
  'state.booking': '预约当前为“{status}”，不能{action}',
  'state.consultation': '咨询当前为“{status}”，不能{action}',
  'import.bad_date': '应为日期，如 2020-02-24',
  'import.future_date': '返岗日期不能晚于今天',
  'import.enterprise_required': '请填写企业统一社会信用代码',
  'import.other_enterprise': '企业用户只能为本企业登记',
  'import.duplicate_id': '与第 {row} 行的身份证号码重复',
};
export const extrasEn: Record<string, string> = {
  'v.range_too_long': 'at most 92 days at a time',
  'rule.slot_past': 'This time slot has passed and cannot be booked',
  'rule.slot_closed': 'This time slot is closed for booking',
  'rule.capacity_below_booked': 'The capacity cannot be less than the bookings made ({booked})',
  'rule.booking_too_early': 'Check-in and no-show can be recorded only on the day of the slot',
  'rule.agency_agent': 'The agent must be an approval officer of this zone',
  'conflict.slot_full': 'This time slot is fully booked ({booked}/{capacity})',
  'conflict.already_booked': 'You have already booked this time slot',
  'conflict.slot_exists': 'There is already a slot at {window} on {date} {halfDay}',
  'state.slot': 'The slot is "{status}": "{action}" is not possible',
  'state.booking': 'The booking is "{status}": "{action}" is not possible',
  'state.consultation': 'The consultation is "{status}": "{action}" is not possible',
  'import.bad_date': 'must be a date such as 2020-02-24',
  'import.future_date': 'the return date cannot be after today',
  'import.enterprise_required': "fill in the enterprise's unified social credit code",
  'import.other_enterprise': 'enterprise users register only for their own enterprise',
  'import.duplicate_id': 'same ID number as row {row}',
};
export const extrasEntities: Record<string, [string, string]> = {
  appointment_slot: ['预约时段', 'Appointment slot'],
  appointment: ['预约', 'Appointment'],
  consultation: ['咨询', 'Consultation'],
  agency_case: ['帮办代办项目', 'Agency case'],
  employment_registration: ['就业登记', 'Employment registration'],
};
export const extrasFields: Record<string, [string, string]> = {
  slotId: ['预约时段', 'Time slot'],
  agentId: ['帮办员', 'Agent'],
  applicationIds: ['关联办件', 'Linked applications'],
  capacity: ['名额', 'Capacity'],
};
