// Selects over the zone's records: users and enterprises searched on the server as you type,
// parks and buildings (small lists), and the grid as a tree.
import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, TreeSelect, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Enterprise, type ListResult, type Role, type User } from '@shuangsheng/contracts';
import { api } from '../api/client';
import { useAllParks, useGridTree, useParkBuildings, type GridNode } from '../modules/org/api';

export type Option = { value: string; label: string };

function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

type RemoteProps = Omit<SelectProps<string | string[]>, 'options' | 'onSearch' | 'showSearch' | 'filterOption'> & {
  /** Labels for values already chosen, which the first page of results may not hold. */
  initialOptions?: Option[];
  testId?: string;
};

type RemoteInternal = RemoteProps & {
  kind: string;
  fetch: (q: string, signal: AbortSignal) => Promise<Option[]>;
  /** Label of one chosen value that no search result holds (a value from the URL). */
  resolve: (id: string, signal: AbortSignal) => Promise<Option>;
};

function RemoteSelect({ kind, fetch, resolve, initialOptions = [], testId, ...rest }: RemoteInternal) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { data, isFetching } = useQuery({
    queryKey: [kind, 'options', q],
    queryFn: ({ signal }) => fetch(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const chosen = rest.value === undefined || rest.value === null ? [] : Array.isArray(rest.value) ? rest.value : [rest.value];
  const known = new Set([...(data ?? []), ...initialOptions].map((o) => o.value));
  const missing = data ? chosen.filter((v) => !known.has(v)) : [];
  const { data: resolved } = useQuery({
    queryKey: [kind, 'labels', missing],
    queryFn: ({ signal }) => Promise.all(missing.map((id) => resolve(id, signal).catch(() => ({ value: id, label: id })))),
    enabled: missing.length > 0,
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const seen = new Set<string>();
    const all: Option[] = [];
    for (const o of [...(data ?? []), ...initialOptions, ...(resolved ?? [])]) {
      if (seen.has(o.value)) continue;
      seen.add(o.value);
      all.push(o);
    }
    return all;
  }, [data, initialOptions, resolved]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={options}
      placeholder={t('common.searchToSelect')}
      allowClear
      data-testid={testId}
      {...rest}
    />
  );
}

export function userLabel(u: Pick<User, 'displayName' | 'username'>): string {
  return `${u.displayName} (${u.username})`;
}

/** Staff and enterprise users of the zone. `staffOnly` leaves enterprise users out. */
export function UserSelect(props: RemoteProps & { staffOnly?: boolean }) {
  const { staffOnly, ...rest } = props;
  return (
    <RemoteSelect
      kind="users"
      fetch={(q, signal) =>
        api.get<ListResult<User>>('/api/users', { q, pageSize: 20, status: 'active', sort: 'displayName:asc' }, { signal }).then((r) =>
          r.items.filter((u) => !staffOnly || !u.roles.includes('enterprise_user')).map((u) => ({ value: u.id, label: userLabel(u) })),
        )
      }
      resolve={(id, signal) => api.get<User>(`/api/users/${id}`, undefined, { signal }).then((u) => ({ value: u.id, label: userLabel(u) }))}
      {...rest}
    />
  );
}

export function enterpriseLabel(e: Pick<Enterprise, 'name' | 'creditCode'>): string {
  return `${e.name} · ${e.creditCode}`;
}

export function EnterpriseSelect(props: RemoteProps) {
  return (
    <RemoteSelect
      kind="enterprises"
      fetch={(q, signal) =>
        api
          .get<ListResult<Enterprise>>('/api/enterprises', { q, pageSize: 20, sort: 'name:asc' }, { signal })
          .then((r) => r.items.map((e) => ({ value: e.id, label: enterpriseLabel(e) })))
      }
      resolve={(id, signal) => api.get<Enterprise>(`/api/enterprises/${id}`, undefined, { signal }).then((e) => ({ value: e.id, label: enterpriseLabel(e) }))}
      {...props}
    />
  );
}

export function ParkSelect(props: Omit<SelectProps<string>, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const { data, isPending } = useAllParks();
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={isPending}
      allowClear
      placeholder={t('common.select')}
      options={(data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      data-testid={testId}
      {...rest}
    />
  );
}

export function BuildingSelect({ parkId, ...rest }: Omit<SelectProps<string>, 'options'> & { parkId: string | null | undefined }) {
  const { t } = useTranslation();
  const { data, isFetching } = useParkBuildings(parkId);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      loading={isFetching}
      allowClear
      disabled={!parkId}
      placeholder={parkId ? t('common.select') : t('enterprises.selectParkFirst')}
      options={(data ?? []).map((b) => ({ value: b.id, label: b.name }))}
      {...rest}
    />
  );
}

type TreeOption = { value: string; title: string; children: TreeOption[] };
function toTree(nodes: GridNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: `${n.name} · ${n.code}`, children: toTree(n.children) }));
}

export function GridTreeSelect(props: { value?: string | null; onChange?: (v: string | null) => void; testId?: string; placeholder?: string }) {
  const { t } = useTranslation();
  const { data, isPending } = useGridTree();
  const tree = useMemo(() => toTree(data ?? []), [data]);
  return (
    <TreeSelect
      treeData={tree}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.((v as string | undefined) ?? null)}
      loading={isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      treeDefaultExpandAll={false}
      placeholder={props.placeholder ?? t('common.select')}
      data-testid={props.testId}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}

export function RoleSelect(props: Omit<SelectProps<Role[] | Role>, 'options'> & { exclude?: Role[]; disabledRoles?: Role[] }) {
  const { t } = useTranslation();
  const { exclude = [], disabledRoles = [], ...rest } = props;
  return (
    <Select
      allowClear
      placeholder={t('common.select')}
      options={ROLES.filter((r) => !exclude.includes(r)).map((r) => ({ value: r, label: t(`roles.${r}`), disabled: disabledRoles.includes(r) }))}
      showSearch={{ optionFilterProp: 'label' }}
      {...rest}
    />
  );
}
