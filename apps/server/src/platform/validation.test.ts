// The wording of validation issues in both languages, from real zod issues, and the request
// validator's refusal of control characters.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { CreditCode, EnterpriseInput, Name, PageQuery, type Lang } from '@shuangsheng/contracts';
import { describeIssue, SchemaValidationError, validatorCompiler } from './validation.js';

/** The issues zod reports for `data` against `schema`. */
function issues(schema: z.ZodType, data: unknown): $ZodIssue[] {
  const r = schema.safeParse(data, { reportInput: true });
  if (r.success) throw new Error(`expected ${JSON.stringify(data)} to fail`);
  return r.error.issues as $ZodIssue[];
}
const say = (schema: z.ZodType, data: unknown, lang: Lang = 'zh-CN') => issues(schema, data).map((i) => describeIssue(i, lang));

describe('describeIssue', () => {
  const table: [string, z.ZodType, unknown, { path: string; zh: string; en: string }][] = [
    ['missing field', z.object({ name: z.string() }), {}, { path: 'name', zh: '必填', en: 'is required' }],
    ['text expected', z.object({ name: z.string() }), { name: 1 }, { path: 'name', zh: '类型应为文本', en: 'must be text' }],
    ['number expected', z.object({ n: z.number() }), { n: 'x' }, { path: 'n', zh: '类型应为数字', en: 'must be a number' }],
    ['yes/no expected', z.object({ b: z.boolean() }), { b: 'y' }, { path: 'b', zh: '类型应为是/否', en: 'must be true or false' }],
    ['list expected', z.object({ a: z.array(z.string()) }), { a: 'x' }, { path: 'a', zh: '类型应为列表', en: 'must be a list' }],
    ['object expected', z.object({}), [], { path: '', zh: '类型应为对象', en: 'must be an object' }],
    ['whole number expected', z.object({ n: z.number().int() }), { n: 1.5 }, { path: 'n', zh: '类型应为整数', en: 'must be a whole number' }],
    ['empty required text', z.object({ name: Name }), { name: '   ' }, { path: 'name', zh: '必填', en: 'is required' }],
    ['text too short', z.object({ r: z.string().min(4) }), { r: 'ab' }, { path: 'r', zh: '至少 4 个字符', en: 'must be at least 4 characters' }],
    ['text too long', z.object({ name: Name }), { name: 'x'.repeat(101) }, { path: 'name', zh: '不能超过 100 个字符', en: 'must be at most 100 characters' }],
    ['number too big', z.object({ n: z.number().max(200) }), { n: 201 }, { path: 'n', zh: '不能大于 200', en: 'must be at most 200' }],
    ['number too small', z.object({ n: z.number().min(1) }), { n: 0 }, { path: 'n', zh: '不能小于 1', en: 'must be at least 1' }],
    ['too many items', z.object({ a: z.array(z.number()).max(2) }), { a: [1, 2, 3] }, { path: 'a', zh: '最多 2 项', en: 'must have at most 2 items' }],
    ['too few items', z.object({ a: z.array(z.number()).min(1) }), { a: [] }, { path: 'a', zh: '至少 1 项', en: 'must have at least 1 items' }],
    ['not one of', z.object({ k: z.enum(['a', 'b']) }), { k: 'c' }, { path: 'k', zh: '应为以下之一：a, b', en: 'must be one of: a, b' }],
    ['unknown keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, { path: '', zh: '不认识的字段：b, c', en: 'unknown field(s): b, c' }],
    ['uuid', z.object({ id: z.uuid() }), { id: '123' }, { path: 'id', zh: '应为有效的编号（UUID）', en: 'must be a valid id (UUID)' }],
    ['date', z.object({ d: z.iso.date() }), { d: '2020-13-01' }, { path: 'd', zh: '应为日期，格式 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' }],
    ['other format', z.object({ e: z.email() }), { e: 'nope' }, { path: 'e', zh: '格式不正确', en: 'has the wrong format' }],
    ['multiple of', z.object({ n: z.number().multipleOf(5) }), { n: 7 }, { path: 'n', zh: '应为整数', en: 'must be a whole number' }],
    ['catalogue key as message', z.object({ creditCode: CreditCode }), { creditCode: '91110000100003495X' }, {
      path: 'creditCode', zh: '统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）', en: 'is not a valid unified social credit code (18 characters, check character per GB 32100-2015)',
    }],
    ['control characters', z.object({ name: Name }), { name: 'a\u0000b' }, { path: 'name', zh: '不能包含控制字符（如空字符）', en: 'must not contain control characters (such as NUL)' }],
    ['nested path', z.object({ a: z.array(z.object({ id: z.uuid() })) }), { a: [{ id: 'x' }] }, { path: 'a.0.id', zh: '应为有效的编号（UUID）', en: 'must be a valid id (UUID)' }],
    ['anything else', z.object({ v: z.string().refine(() => false, { message: 'not in the catalogue' }) }), { v: 'x' }, { path: 'v', zh: '取值无效', en: 'is not a valid value' }],
  ];

  it.each(table)('%s', (_label, schema, data, expected) => {
    expect(say(schema, data, 'zh-CN')[0]).toEqual({ path: expected.path, message: expected.zh });
    expect(say(schema, data, 'en-US')[0]).toEqual({ path: expected.path, message: expected.en });
  });

  it('describes each failing field of a real contract once', () => {
    const got = say(EnterpriseInput, { creditCode: 'bad', name: '', employees: -1, industry: 'Z', extra: true });
    expect(got).toHaveLength(5);
    expect(got).toEqual(
      expect.arrayContaining([
        { path: '', message: '不认识的字段：extra' },
        { path: 'creditCode', message: '统一社会信用代码无效（18 位，校验位按 GB 32100-2015 计算）' },
        { path: 'name', message: '必填' },
        { path: 'industry', message: expect.stringMatching(/^应为以下之一：A, B, C, D/) },
        { path: 'employees', message: '不能小于 0' },
      ]),
    );
  });
});

describe('validatorCompiler', () => {
  const validate = (schema: z.ZodType, httpPart: string) =>
    validatorCompiler({ schema: schema as unknown as $ZodType, httpPart, method: 'POST', url: '/x' }) as (data: unknown) => { value?: unknown; error?: unknown };

  it('hands back the parsed value (defaults, trimming, coercion)', () => {
    expect(validate(z.strictObject({ ...PageQuery }), 'querystring')({ q: '  园区 ', page: '2' })).toEqual({ value: { q: '园区', page: 2, pageSize: 20 } });
  });

  it('refuses control characters anywhere in a part, naming the path, before the schema is asked', () => {
    const body = validate(z.object({ a: z.array(z.object({ note: z.string() })) }), 'body');
    const result = body({ a: [{ note: 'ok' }, { note: 'bad\u0000' }] });
    expect(result.error).toBeInstanceOf(SchemaValidationError);
    const err = result.error as SchemaValidationError;
    expect(err.part).toBe('body');
    expect(err.zodIssues.map((i) => describeIssue(i, 'en-US'))).toEqual([{ path: 'a.1.note', message: 'must not contain control characters (such as NUL)' }]);
    // Even where the schema would accept any string at all.
    expect(validate(z.any(), 'querystring')({ q: '\u001b[31m' }).error).toBeInstanceOf(SchemaValidationError);
  });

  it('lets tabs and line breaks through', () => {
    expect(validate(z.object({ t: z.string() }), 'body')({ t: 'a\tb\r\nc' })).toEqual({ value: { t: 'a\tb\r\nc' } });
  });

  it('reports schema issues as a SchemaValidationError of the part', () => {
    const result = validate(z.strictObject({ id: z.uuid() }), 'params')({ id: 'x' });
    expect((result.error as SchemaValidationError).part).toBe('params');
    expect((result.error as SchemaValidationError).zodIssues).toHaveLength(1);
  });
});
