// Messages the API returns, in both languages. Keys are the stable error codes (`auth.locked`) and
// the validation keys used in schemas (`v.credit_code`). `{name}` placeholders are filled in.

import { applicationEntities, applicationFields, applicationsEn, applicationsZh } from './messages-services.js';
import { extrasEn, extrasEntities, extrasFields, extrasZh } from './messages-services-extras.js';
import { resumptionEn, resumptionEntities, resumptionFields, resumptionZh } from './messages-resumption.js';
import { inspectionsEn, inspectionsEntities, inspectionsFields, inspectionsZh } from './messages-inspections.js';
import { checkpointsEn, checkpointsEntities, checkpointsFields, checkpointsZh } from './messages-checkpoints.js';
import { checkpoints3En, checkpoints3Entities, checkpoints3Fields, checkpoints3Zh } from './messages-checkpoints-3.js';
import { checkpoints1En, checkpoints1Entities, checkpoints1Fields, checkpoints1Zh } from './messages-checkpoints-1.js';
import { checkpoints2En, checkpoints2Entities, checkpoints2Fields, checkpoints2Zh } from './messages-checkpoints-2.js';

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

type Catalogue = Record<string, string>;

const zhCN: Catalogue = {
  // validation, per field
  'v.required': '必填',
  'v.type': '类型应为{expected}',
  'v.too_long': '不能超过 {max} 个字符',
  'v.too_short': '至少 {min} 个字符',
  'v.too_big': '不能大于 {max}',
  'v.too_small': '不能小于 {min}',
  'v.array_too_long': '最多 {max} 项',
  'v.array_too_short': '至少 {min} 项',
  'v.enum': '应为以下之一：{values}',
  'v.unknown_keys': '不认识的字段：{keys}',
  'v.format': '格式不正确',
  'v.uuid': '应为有效的编号（UUID）',
  'v.date': '应为日期，格式 YYYY-MM-DD',
  'v.integer': '应为整数',
  'v.invalid': '取值无效',
  'v.control_chars': '不能包含控制字符（如空字符）',
  'v.credit_code': '统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）',
  'v.phone': '电话号码格式不正确',
  'v.zone_code': '高新区代码应为大写字母开头的 2–32 位字母、数字',
  'v.grid_code': '网格编码只能包含字母、数字、下划线和短横线',
  'v.username': '用户名为 3–64 位字母、数字、点、下划线或短横线',
  'v.password_weak': '密码至少 10 位，且须同时包含字母和数字',
  'v.sort': '排序参数应为“字段:asc|desc”',
  'v.item_code': '事项编码为 2–40 位字母、数字、点、下划线或短横线',
  'v.key': '标识只能以字母开头，含字母、数字和下划线',
  'v.select_needs_options': '下拉选择须至少有一个选项',
  'v.duplicate_keys': '标识不能重复',
  'v.promised_over_legal': '承诺时限不能超过法定时限',
  'v.sheet_separators': '不能包含“|”“；”或换行（Excel 表格用它们分隔各项）',
  'v.option_separators': '选项不能包含“|”“；”、逗号、顿号或换行（Excel 表格用它们分隔选项）',
  'v.calendar_date': '日期应在 2000-01-01 至 2100-12-31 之间',
  'type.string': '文本',
  'type.number': '数字',
  'type.boolean': '是/否',
  'type.array': '列表',
  'type.object': '对象',
  'type.int': '整数',
  // errors
  'validation': '请求参数有误：{fields}',
  'bad_json': '请求体不是有效的 JSON',
  'bad_upload': '上传内容不完整或格式不正确',
  'bad_request': '请求无效：{detail}',
  'payload_too_large': '上传内容过大（上限 {limit}）',
  'unsupported_media_type': '不支持的文件类型：{detail}',
  'not_found': '未找到{entity}',
  'route_not_found': '接口不存在',
  'unauthenticated': '请先登录',
  'forbidden': '没有权限执行此操作',
  'cross_origin': '请求来源不被允许',
  'too_many_requests': '请求过于频繁，请 {seconds} 秒后再试',
  'auth.bad_credentials': '用户名或密码错误',
  'auth.locked': '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员',
  'auth.disabled': '账号已停用，请联系管理员',
  'auth.wrong_password': '当前密码不正确',
  'db.unavailable': '数据库暂时不可用，请稍后重试',
  'conflict.duplicate': '{field}“{value}”已存在',
  'conflict.assignment_exists': '{value}已负责该对象',
  'conflict.primary_taken': '该对象刚刚有了另一位主责人，请刷新后重试',
  'conflict.in_use': '{entity}仍被引用（{detail}），不能删除',
  'rule.cross_zone_reference': '{field}指向的记录不存在或不属于本高新区',
  'rule.building_not_in_park': '楼宇不属于所选园区',
  'rule.grid_depth': '网格最多四级（高新区 > 街道 > 社区/村 > 组/小区）',
  'rule.grid_root_exists': '本高新区已有根网格',
  'rule.grid_root_fixed': '高新区这一级网格随高新区建立，不能删除',
  'rule.building_has_enterprises': '楼宇内还有企业，不能移到其他园区',
  'rule.team_cycle': '上级队伍不能是自身或其下级',
  'rule.leading_self': '龙头企业不能是企业自身',
  'rule.enterprise_role_needs_enterprise': '企业用户必须关联企业',
  'rule.enterprise_role_alone': '企业用户不能同时担任工作人员角色',
  'rule.assignment_user': '该用户不能承担此项责任（须为本区工作人员）',
  'rule.last_admin': '不能停用或降级本区最后一位管理员',
  'rule.self_disable': '不能停用自己的账号',
  'import.not_xlsx': '文件不是有效的 Excel（.xlsx）文件',
  'import.no_rows': '表格中没有数据行',
  'import.too_many_rows': '一次最多导入 {max} 行',
  'import.missing_column': '缺少必需的列：{column}',
  'import.duplicate_in_file': '与第 {row} 行的统一社会信用代码重复',
  'import.duplicate_row': '与第 {row} 行重复',
  'import.unknown_parent': '上级网格编码“{value}”在本区和本文件中都不存在',
  'import.unknown_user': '用户名“{value}”不存在',
  'import.unknown_target': '责任对象“{value}”不存在',
  'import.unknown_enterprise': '统一社会信用代码“{value}”对应的企业不存在',
  'import.bad_roles': '角色“{value}”无法识别',
  'import.bad_line': '第 {line} 行写法不对，请按填写说明的格式填写',
  'import.grid_move': '导入不能更改已有网格的上级，请在网格页面调整',
  'import.platform_admin': '导入不能创建或授予平台管理员',
  'import.bad_status': '状态应为“启用”或“停用”',
  'import.bad_kind': '责任类型应为：驻企特派员、园区巡查员、网格员',
  'import.two_primaries': '同一责任对象在本文件中有多个主责人（另见第 {row} 行）',
  'import.unknown_park': '园区“{value}”不存在',
  'import.unknown_building': '楼宇“{value}”不存在或不属于该园区',
  'import.unknown_grid': '网格编码“{value}”不存在',
  'import.unknown_leading': '龙头企业统一社会信用代码“{value}”在本区和本文件中都不存在',
  'import.bad_number': '应为不小于 0 的数字',
  'import.bad_bool': '应为“是”或“否”',
  'internal': '服务器内部错误，请稍后再试（请求编号 {requestId}）',
  ...applicationsZh,
  ...extrasZh,
  ...resumptionZh,
  ...inspectionsZh,
  ...checkpointsZh,
  ...checkpoints1Zh,
  ...checkpoints2Zh,
  ...checkpoints3Zh,
};

const enUS: Catalogue = {
  'v.required': 'is required',
  'v.type': 'must be {expected}',
  'v.too_long': 'must be at most {max} characters',
  'v.too_short': 'must be at least {min} characters',
  'v.too_big': 'must be at most {max}',
  'v.too_small': 'must be at least {min}',
  'v.array_too_long': 'must have at most {max} items',
  'v.array_too_short': 'must have at least {min} items',
  'v.enum': 'must be one of: {values}',
  'v.unknown_keys': 'unknown field(s): {keys}',
  'v.format': 'has the wrong format',
  'v.uuid': 'must be a valid id (UUID)',
  'v.date': 'must be a date as YYYY-MM-DD',
  'v.integer': 'must be a whole number',
  'v.invalid': 'is not a valid value',
  'v.control_chars': 'must not contain control characters (such as NUL)',
  'v.credit_code': 'is not a valid unified social credit code (18 characters, check character per GB 32100-2015)',
  'v.phone': 'is not a valid phone number',
  'v.zone_code': 'must be 2–32 capital letters or digits, starting with a letter',
  'v.grid_code': 'may contain only letters, digits, underscores and hyphens',
  'v.username': 'must be 3–64 letters, digits, dots, underscores or hyphens',
  'v.password_weak': 'must be at least 10 characters with both letters and digits',
  'v.sort': 'must look like "field:asc|desc"',
  'v.item_code': 'must be 2–40 letters, digits, dots, underscores or hyphens',
  'v.key': 'must start with a letter and hold only letters, digits and underscores',
  'v.select_needs_options': 'a select needs at least one option',
  'v.duplicate_keys': 'keys must be unique',
  'v.promised_over_legal': 'the promised limit cannot exceed the legal limit',
  'v.sheet_separators': 'must not contain "|", "；" or line breaks (they separate entries in the Excel sheet)',
  'v.option_separators': 'an option must not contain "|", "；", commas, "、" or line breaks (they separate options in the Excel sheet)',
  'v.calendar_date': 'must be a date from 2000-01-01 to 2100-12-31',
  'type.string': 'text',
  'type.number': 'a number',
  'type.boolean': 'true or false',
  'type.array': 'a list',
  'type.object': 'an object',
  'type.int': 'a whole number',
  'validation': 'Invalid request: {fields}',
  'bad_json': 'The request body is not valid JSON',
  'bad_upload': 'The upload is incomplete or malformed',
  'bad_request': 'Bad request: {detail}',
  'payload_too_large': 'The upload is too large (limit {limit})',
  'unsupported_media_type': 'Unsupported file type: {detail}',
  'not_found': '{entity} not found',
  'route_not_found': 'No such endpoint',
  'unauthenticated': 'Please sign in',
  'forbidden': 'You do not have permission to do this',
  'cross_origin': 'Cross-origin request refused',
  'too_many_requests': 'Too many requests, try again in {seconds} s',
  'auth.bad_credentials': 'Wrong username or password',
  'auth.locked': 'Too many failed sign-ins: the account is locked; try again in {minutes} min or ask an administrator',
  'auth.disabled': 'The account is disabled; ask an administrator',
  'auth.wrong_password': 'The current password is wrong',
  'db.unavailable': 'The database is unavailable; please retry shortly',
  'conflict.duplicate': '{field} "{value}" already exists',
  'conflict.assignment_exists': '{value} is already responsible for this target',
  'conflict.primary_taken': 'This target has just been given another primary; reload and try again',
  'conflict.in_use': '{entity} is still referenced ({detail}) and cannot be deleted',
  'rule.cross_zone_reference': '{field} refers to a record that does not exist in this zone',
  'rule.building_not_in_park': 'The building is not in the chosen park',
  'rule.grid_depth': 'Grid units have at most four levels (zone > street > community > group)',
  'rule.grid_root_exists': 'This zone already has a root grid unit',
  'rule.grid_root_fixed': 'The zone-level grid unit comes with the zone and cannot be deleted',
  'rule.building_has_enterprises': 'The building still houses enterprises and cannot move to another park',
  'rule.team_cycle': 'A team cannot be its own parent or descendant',
  'rule.leading_self': 'An enterprise cannot be its own leading enterprise',
  'rule.enterprise_role_needs_enterprise': 'An enterprise user must be linked to an enterprise',
  'rule.enterprise_role_alone': 'An enterprise user cannot also hold a staff role',
  'rule.assignment_user': 'This user cannot hold the responsibility (must be zone staff)',
  'rule.last_admin': 'Cannot disable or demote the last administrator of the zone',
  'rule.self_disable': 'You cannot disable your own account',
  'import.not_xlsx': 'The file is not a valid Excel (.xlsx) workbook',
  'import.no_rows': 'The sheet has no data rows',
  'import.too_many_rows': 'At most {max} rows per import',
  'import.missing_column': 'Missing required column: {column}',
  'import.duplicate_in_file': 'Same credit code as row {row}',
  'import.duplicate_row': 'Same as row {row}',
  'import.unknown_parent': 'Parent grid code "{value}" is neither in this zone nor in this file',
  'import.unknown_user': 'No user "{value}"',
  'import.unknown_target': 'No such target "{value}"',
  'import.unknown_enterprise': 'No enterprise with credit code "{value}"',
  'import.bad_roles': 'Unknown role "{value}"',
  'import.bad_line': 'Line {line} does not follow the format in the instructions sheet',
  'import.grid_move': 'An import cannot move an existing grid unit to another parent; do it on the grid page',
  'import.platform_admin': 'An import cannot create or grant platform admins',
  'import.bad_status': 'Status must be active/启用 or disabled/停用',
  'import.bad_kind': 'Kind must be enterprise_commissioner, park_inspector or grid_official',
  'import.two_primaries': 'More than one primary for the same target in this file (see row {row})',
  'import.unknown_park': 'No park named "{value}"',
  'import.unknown_building': 'No building "{value}" in that park',
  'import.unknown_grid': 'No grid unit with code "{value}"',
  'import.unknown_leading': 'Leading enterprise "{value}" is neither in this zone nor in this file',
  'import.bad_number': 'must be a number ≥ 0',
  'import.bad_bool': 'must be 是/否 or yes/no',
  'internal': 'Internal server error, please retry (request id {requestId})',
  ...applicationsEn,
  ...extrasEn,
  ...resumptionEn,
  ...inspectionsEn,
  ...checkpointsEn,
  ...checkpoints1En,
  ...checkpoints2En,
  ...checkpoints3En,
};

/** Field names used in messages (the API's field paths stay in `details`). */
export const FIELD_LABELS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  code: ['编码', 'Code'],
  username: ['用户名', 'Username'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  userId: ['责任人', 'Responsible person'],
  parkId: ['所属园区', 'Park'],
  buildingId: ['楼宇', 'Building'],
  gridUnitId: ['网格', 'Grid unit'],
  leadingEnterpriseId: ['龙头企业', 'Leading enterprise'],
  enterpriseId: ['所属企业', 'Enterprise'],
  targetId: ['责任对象', 'Target'],
  parentId: ['上级', 'Parent'],
  leaderId: ['负责人', 'Leader'],
  memberIds: ['成员', 'Members'],
  ...applicationFields,
  ...extrasFields,
  ...resumptionFields,
  ...inspectionsFields,
  ...checkpointsFields,
  ...checkpoints1Fields,
  ...checkpoints2Fields,
  ...checkpoints3Fields,
};

/** The word of a `[zh, en]` label pair (the contracts' vocabularies) in a language. */
export function labelIn(lang: Lang, pair: readonly [string, string]): string {
  return pair[lang === 'en-US' ? 1 : 0];
}

export function fieldLabel(lang: Lang, field: string): string {
  const names = FIELD_LABELS[field];
  return names ? names[lang === 'zh-CN' ? 0 : 1] : field;
}

/** Entity names used in messages. */
export const ENTITY_NAMES: Record<string, [string, string]> = {
  zone: ['高新区', 'Zone'],
  park: ['园区', 'Park'],
  building: ['楼宇', 'Building'],
  grid_unit: ['网格', 'Grid unit'],
  user: ['用户', 'User'],
  team: ['队伍', 'Team'],
  assignment: ['责任分工', 'Assignment'],
  enterprise: ['企业', 'Enterprise'],
  audit: ['审计记录', 'Audit record'],
  file: ['文件', 'File'],
  service_item: ['事项', 'Service item'],
  calendar_day: ['日历', 'Calendar day'],
  ...applicationEntities,
  ...extrasEntities,
  ...resumptionEntities,
  ...inspectionsEntities,
  ...checkpointsEntities,
  ...checkpoints1Entities,
  ...checkpoints2Entities,
  ...checkpoints3Entities,
};

const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

export function hasMessage(key: string): boolean {
  return key in zhCN;
}

export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[lang][key] ?? CATALOGUES['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

export function entityName(lang: Lang, entity: string): string {
  const names = ENTITY_NAMES[entity];
  return names ? names[lang === 'zh-CN' ? 0 : 1] : entity;
}

/** Picks zh-CN or en-US from an Accept-Language header or a stored preference. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
