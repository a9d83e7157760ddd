// Lists: `?page=&pageSize=&sort=field:asc|desc` → `{items,total,page,pageSize}` (ARCHITECTURE §6).
export type SortDir = 'asc' | 'desc';

/** Maps the contract's `field:dir` onto a column; the schema has already checked the field. */
export function parseSort<C extends string>(sort: string | undefined, columns: Record<string, C>, fallback: [C, SortDir]): [C, SortDir] {
  if (!sort) return fallback;
  const [field, dir] = sort.split(':') as [string, SortDir];
  const column = columns[field];
  return column ? [column, dir] : fallback;
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}
