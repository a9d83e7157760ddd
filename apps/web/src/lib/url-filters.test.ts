import { describe, expect, it } from 'vitest';
import { hasFilters, parseFilters, parseListState, sortFromSorter, sortOrderOf, toApiQuery, writeSearch } from './url-filters';

const spec = { q: 'string', parkId: 'string', aboveScale: 'boolean', from: 'number', roles: 'strings' } as const;

describe('URL filters', () => {
  it('parses typed values and drops bad ones', () => {
    const p = new URLSearchParams('q=%E7%94%B5%E5%AD%90&aboveScale=true&from=abc&roles=a&roles=b&unknown=1');
    expect(parseFilters(p, spec)).toEqual({ q: '电子', aboveScale: true, roles: ['a', 'b'] });
    expect(parseFilters(new URLSearchParams('aboveScale=0&from=1700000000000'), spec)).toEqual({ aboveScale: false, from: 1700000000000 });
    expect(parseFilters(new URLSearchParams('aboveScale=maybe&q='), spec)).toEqual({});
  });

  it('writes only what is set and leaves defaults out', () => {
    const s = writeSearch(spec, { q: 'x', parkId: '', aboveScale: false, roles: [] }, { page: 1, pageSize: 20, sort: 'name:asc' }, { sort: 'name:asc' });
    expect(s.toString()).toBe('q=x&aboveScale=false');
    const s2 = writeSearch(spec, { roles: ['a', 'b'] }, { page: 3, pageSize: 50, sort: 'createdAt:desc' });
    expect(s2.toString()).toBe('roles=a&roles=b&page=3&pageSize=50&sort=createdAt%3Adesc');
  });

  it('round-trips through the URL', () => {
    const filters = { q: '板仓', parkId: 'p1', aboveScale: true, from: 5, roles: ['x'] };
    const list = { page: 2, pageSize: 50, sort: 'name:desc' };
    const params = writeSearch(spec, filters, list);
    expect(parseFilters(params, spec)).toEqual(filters);
    expect(parseListState(params)).toEqual(list);
  });

  it('defaults paging and rejects bad sorts', () => {
    expect(parseListState(new URLSearchParams('page=-1&pageSize=9999&sort=drop table'))).toEqual({ page: 1, pageSize: 20, sort: undefined });
    expect(parseListState(new URLSearchParams(''), { pageSize: 10, sort: 'at:desc' })).toEqual({ page: 1, pageSize: 10, sort: 'at:desc' });
  });

  it('builds the API query without empty filters', () => {
    expect(toApiQuery({ q: '', parkId: 'p', aboveScale: false }, { page: 1, pageSize: 20, sort: undefined })).toEqual({ parkId: 'p', aboveScale: false, page: 1, pageSize: 20 });
    expect(hasFilters({ q: '' })).toBe(false);
    expect(hasFilters({ aboveScale: false })).toBe(true);
  });

  it('maps sorts between the URL and antd', () => {
    expect(sortOrderOf('name:asc', 'name')).toBe('ascend');
    expect(sortOrderOf('name:desc', 'name')).toBe('descend');
    expect(sortOrderOf('name:desc', 'createdAt')).toBeNull();
    expect(sortFromSorter({ columnKey: 'outputLastYearFen', order: 'descend' })).toBe('outputLastYearFen:desc');
    expect(sortFromSorter({ field: 'name', order: 'ascend' })).toBe('name:asc');
    expect(sortFromSorter({ field: 'name', order: undefined })).toBeUndefined();
  });
});
