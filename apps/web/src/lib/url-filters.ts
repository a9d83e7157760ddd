// Filters, paging and sorting of a list live in the URL (UX.md: a list can be shared and
// reloaded). Pure parse/write functions plus a hook over react-router's search params.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type FieldType = 'string' | 'number' | 'boolean' | 'strings';
export type FilterSpec = Record<string, FieldType>;
type ValueOf<T extends FieldType> = T extends 'number' ? number : T extends 'boolean' ? boolean : T extends 'strings' ? string[] : string;
export type FilterValues<S extends FilterSpec> = { [K in keyof S]?: ValueOf<S[K]> };

export type ListState = { page: number; pageSize: number; sort: string | undefined };
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
const RESERVED = new Set(['page', 'pageSize', 'sort']);

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Reads the filters of `spec` from search params; bad values are dropped, not guessed. */
export function parseFilters<S extends FilterSpec>(params: URLSearchParams, spec: S): FilterValues<S> {
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(spec)) {
    if (type === 'strings') {
      const all = params.getAll(key).filter((v) => v !== '');
      if (all.length) out[key] = all;
      continue;
    }
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    if (type === 'number') {
      const n = Number(raw);
      if (Number.isFinite(n)) out[key] = n;
    } else if (type === 'boolean') {
      if (raw === 'true' || raw === '1') out[key] = true;
      else if (raw === 'false' || raw === '0') out[key] = false;
    } else {
      out[key] = raw;
    }
  }
  return out as FilterValues<S>;
}

/** Page, page size and sort from search params, with defaults for what is missing or wrong. */
export function parseListState(params: URLSearchParams, defaults: { pageSize?: number; sort?: string } = {}): ListState {
  const page = Number(params.get('page'));
  const size = Number(params.get('pageSize'));
  const sort = params.get('sort');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: Number.isInteger(size) && size >= 1 && size <= 200 ? size : (defaults.pageSize ?? DEFAULT_PAGE_SIZE),
    sort: sort && /^\w+:(asc|desc)$/.test(sort) ? sort : defaults.sort,
  };
}

/** Search params holding the given filters and list state; empty values and defaults are left out. */
export function writeSearch<S extends FilterSpec>(
  spec: S,
  filters: FilterValues<S>,
  list: Partial<ListState>,
  defaults: { pageSize?: number; sort?: string } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(spec)) {
    const v = (filters as Record<string, unknown>)[key];
    if (isEmpty(v)) continue;
    if (Array.isArray(v)) for (const item of v) params.append(key, String(item));
    else params.set(key, String(v));
  }
  if (list.page && list.page > 1) params.set('page', String(list.page));
  if (list.pageSize && list.pageSize !== (defaults.pageSize ?? DEFAULT_PAGE_SIZE)) params.set('pageSize', String(list.pageSize));
  if (list.sort && list.sort !== defaults.sort) params.set('sort', list.sort);
  return params;
}

/** The API query of a list: filters without empty values, plus page, pageSize and sort. */
export function toApiQuery<S extends FilterSpec>(filters: FilterValues<S>, list?: ListState): Record<string, string | number | boolean | string[]> {
  const q: Record<string, string | number | boolean | string[]> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (!isEmpty(v) && !RESERVED.has(k)) q[k] = v as string | number | boolean | string[];
  }
  if (list) {
    q.page = list.page;
    q.pageSize = list.pageSize;
    if (list.sort) q.sort = list.sort;
  }
  return q;
}

/** Whether any filter is set (to tell "no records yet" from "nothing matches"). */
export function hasFilters<S extends FilterSpec>(filters: FilterValues<S>): boolean {
  return Object.values(filters).some((v) => !isEmpty(v));
}

/** `name:asc` → antd's `ascend` for the column `name`. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (!sort) return null;
  const [f, dir] = sort.split(':');
  if (f !== field) return null;
  return dir === 'asc' ? 'ascend' : 'descend';
}

/** antd's sorter → `field:asc|desc`, or undefined when the sort was cleared. */
export function sortFromSorter(sorter: unknown): string | undefined {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as { field?: unknown; columnKey?: unknown; order?: string | null } | undefined;
  if (!s?.order) return undefined;
  const field = typeof s.columnKey === 'string' ? s.columnKey : Array.isArray(s.field) ? s.field.join('.') : String(s.field);
  return `${field}:${s.order === 'ascend' ? 'asc' : 'desc'}`;
}

export type UrlList<S extends FilterSpec> = {
  filters: FilterValues<S>;
  list: ListState;
  /** New filters start again at page 1. */
  setFilters: (f: FilterValues<S>) => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined) => void;
  reset: () => void;
  /** Query for the list endpoint. */
  apiQuery: Record<string, string | number | boolean | string[]>;
  /** Query for the export endpoint: the same filters and sort, no paging. */
  exportQuery: Record<string, string | number | boolean | string[]>;
  filtered: boolean;
};

export function useUrlList<S extends FilterSpec>(spec: S, defaults: { pageSize?: number; sort?: string } = {}): UrlList<S> {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const { pageSize: defPageSize, sort: defSort } = defaults;
  // The spec is a constant of the page; its key list stands in for identity.
  const specKey = JSON.stringify(spec);
  const state = useMemo(() => {
    const p = new URLSearchParams(key);
    const s = JSON.parse(specKey) as S;
    const d = { pageSize: defPageSize, sort: defSort };
    return { filters: parseFilters(p, s), list: parseListState(p, d) };
  }, [key, specKey, defPageSize, defSort]);

  const write = useCallback(
    (filters: FilterValues<S>, list: Partial<ListState>) => {
      setParams(writeSearch(JSON.parse(specKey) as S, filters, list, { pageSize: defPageSize, sort: defSort }));
    },
    [setParams, specKey, defPageSize, defSort],
  );

  return useMemo(() => {
    const { filters, list } = state;
    const exportQuery = toApiQuery(filters);
    if (list.sort) exportQuery.sort = list.sort;
    return {
      filters,
      list,
      setFilters: (f) => write(f, { ...list, page: 1 }),
      setPage: (page, pageSize) => write(filters, { ...list, page: pageSize !== list.pageSize ? 1 : page, pageSize }),
      setSort: (sort) => write(filters, { ...list, page: 1, sort }),
      reset: () => write({}, { pageSize: list.pageSize }),
      apiQuery: toApiQuery(filters, list),
      exportQuery,
      filtered: hasFilters(filters),
    };
  }, [state, write]);
}
