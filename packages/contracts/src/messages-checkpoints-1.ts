// Messages of the checkpoints module's checkpoints, risk zoning, passes and settings (H1; merged
// into the catalogues in messages.ts).
export const checkpoints1Zh: Record<string, string> = {
  'v.floor_zero': '楼层不能为 0（地上从 1 层起，地下用负数）',
  'v.floor_in_building': '该楼宇共 {floors} 层，楼层应在 1–{floors} 之间（地下用负数）',
  'v.valid_until_past': '有效期不能早于今天',
};
export const checkpoints1En: Record<string, string> = {
  'v.floor_zero': 'there is no floor 0 (floors above ground start at 1, basements are negative)',
  'v.floor_in_building': 'the building has {floors} floors: choose 1–{floors} (basements are negative)',
  'v.valid_until_past': 'must not be before today',
};
export const checkpoints1Entities: Record<string, [string, string]> = {
  pass_floor_colour: ['楼层颜色', 'Floor colour'],
};
export const checkpoints1Fields: Record<string, [string, string]> = {
  location: ['位置', 'Location'],
  since: ['起始日期', 'Since'],
  phone: ['手机号码', 'Phone'],
};
