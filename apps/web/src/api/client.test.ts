import { describe, expect, it } from 'vitest';
import { ApiError, buildQuery, filenameFromDisposition, newJobId } from './client';

describe('API client helpers', () => {
  it('reads RFC 5987 file names first', () => {
    expect(filenameFromDisposition(`attachment; filename="_____-20200224.xlsx"; filename*=UTF-8''${encodeURIComponent('企业导入模板.xlsx')}`)).toBe('企业导入模板.xlsx');
    expect(filenameFromDisposition('attachment; filename="parks-20200224.xlsx"')).toBe('parks-20200224.xlsx');
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('builds query strings without empty values', () => {
    expect(buildQuery({ q: '', page: 1, a: undefined, b: null, flag: false, ids: ['x', 'y'] })).toBe('?page=1&flag=false&ids=x&ids=y');
    expect(buildQuery({})).toBe('');
  });

  it('exposes validation issues', () => {
    const e = new ApiError(400, 'validation', 'bad', [{ path: 'name', message: 'required' }, { nope: 1 }]);
    expect(e.fieldIssues).toEqual([{ path: 'name', message: 'required' }]);
    expect(new ApiError(409, 'conflict.in_use', 'x').fieldIssues).toEqual([]);
  });

  it('makes UUIDs for job ids', () => {
    expect(newJobId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
