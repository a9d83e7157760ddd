// Small displays of the ops pages: status tags in the UX colours, the due time of a demand (red
// when overdue), hours left of a plan, the commissioner and department pickers.
import { useState, type CSSProperties, type ReactNode } from 'react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Pagination, Select, Tag, Tooltip, Typography, type AutoCompleteProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DemandCategory, DemandStatus, EnterpriseResumptionStatus, ListResult, PlanStatus, ProjectStatus, SupplyRequestStatus, User } from '@shuangsheng/contracts';
import { api } from '../../../api/client';
import { StatusTag } from '../../../components/StatusTag';
import { userLabel } from '../../../components/pickers';
import { formatDateTime, formatNumber } from '../../../lib/format';
import type { FilterSpec, UrlList } from '../../../lib/url-filters';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { DEMAND_TONE, ENTERPRISE_TONE, PLAN_TONE, PROJECT_TONE, SUPPLY_TONE } from './helpers';

export function DemandStatusTag({ status }: { status: DemandStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={DEMAND_TONE[status]}>{t(`resumptionOps.demandStatus.${status}`)}</StatusTag>;
}

export function EnterpriseStatusTag({ status }: { status: EnterpriseResumptionStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={ENTERPRISE_TONE[status]}>{t(`resumptionOps.enterpriseStatus.${status}`)}</StatusTag>;
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={PLAN_TONE[status]}>{t(`resumptionOps.planStatus.${status}`)}</StatusTag>;
}

export function SupplyStatusTag({ status }: { status: SupplyRequestStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={SUPPLY_TONE[status]}>{t(`resumptionOps.supplyStatus.${status}`)}</StatusTag>;
}

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={PROJECT_TONE[status]}>{t(`resumptionOps.projectStatus.${status}`)}</StatusTag>;
}

const CATEGORY_COLORS: Record<DemandCategory, string> = {
  labour: 'geekblue',
  supplies: 'cyan',
  funding: 'gold',
  logistics: 'purple',
  materials: 'orange',
  policy: 'blue',
  approval: 'magenta',
  other: 'default',
};

export function CategoryTag({ category }: { category: DemandCategory }) {
  const { t } = useTranslation();
  return (
    <Tag color={CATEGORY_COLORS[category]} style={{ marginInlineEnd: 0 }}>
      {t(`resumptionOps.categories.${category}`)}
    </Tag>
  );
}

/** The due time; red with 已超期 when overdue, an 已督办 tag once escalated (tags under it when `stacked`). */
export function DueCell({ dueAt, overdue, escalatedAt, stacked }: { dueAt: number; overdue: boolean; escalatedAt?: number | null; stacked?: boolean }) {
  const { t } = useTranslation();
  const gap = stacked ? { marginInlineEnd: 4, marginTop: 2 } : { marginInlineStart: 6, marginInlineEnd: 0 };
  const tags =
    overdue || escalatedAt ? (
      <>
        {overdue ? (
          <Tag color="red" style={gap}>
            {t('resumptionOps.common.overdue')}
          </Tag>
        ) : null}
        {escalatedAt ? (
          <Tooltip title={t('resumptionOps.common.escalatedAt', { time: formatDateTime(escalatedAt) })}>
            <Tag color="volcano" style={gap}>
              {t('resumptionOps.common.escalated')}
            </Tag>
          </Tooltip>
        ) : null}
      </>
    ) : null;
  return (
    <span style={{ whiteSpace: 'nowrap', display: stacked ? 'inline-block' : undefined }}>
      <Typography.Text type={overdue ? 'danger' : undefined} data-overdue={overdue ? 'true' : 'false'}>
        {formatDateTime(dueAt)}
      </Typography.Text>
      {stacked && tags ? <div>{tags}</div> : tags}
    </span>
  );
}

/** A plan's SLA: hours left, orange under 4 h, red when late. */
export function HoursLeft({ hours }: { hours: number | null }) {
  const { t } = useTranslation();
  if (hours === null) return <Typography.Text type="secondary">-</Typography.Text>;
  if (hours < 0) return <Tag color="red">{t('resumptionOps.common.hoursLate', { hours: Math.abs(hours).toFixed(1) })}</Tag>;
  return <Tag color={hours < 4 ? 'orange' : 'default'}>{t('resumptionOps.common.hoursLeft', { hours: hours.toFixed(1) })}</Tag>;
}

/** Commissioners of the zone (users holding the commissioner role), searched as you type. */
export function CommissionerSelect({ value, onChange, testId, placeholder, style }: { value?: string; onChange?: (v: string | undefined) => void; testId?: string; placeholder?: string; style?: CSSProperties }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, isFetching } = useQuery<{ value: string; label: string }[]>({
    queryKey: ['users', 'commissioners', search],
    queryFn: ({ signal }) =>
      api
        .get<ListResult<User>>('/api/users', { q: search.trim() || undefined, role: 'commissioner', status: 'active', pageSize: 50, sort: 'displayName:asc' }, { signal })
        .then((r) => r.items.map((u) => ({ value: u.id, label: userLabel(u) }))),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return (
    <Select
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      options={data ?? []}
      allowClear
      placeholder={placeholder ?? t('resumptionOps.common.pickCommissioner')}
      data-testid={testId}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}

/** The handling department (牵头部门): free text with the usual departments offered. */
export function DepartmentInput(props: Omit<AutoCompleteProps, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const options = t('resumptionOps.common.departments')
    .split('|')
    .map((d) => ({ value: d }));
  return (
    <AutoComplete
      allowClear
      options={options}
      filterOption={(input, option) => String(option?.value ?? '').includes(input)}
      placeholder={t('resumptionOps.common.departmentPlaceholder')}
      data-testid={testId}
      maxLength={100}
      {...rest}
    />
  );
}

type Range = [Dayjs | null, Dayjs | null] | null | undefined;

/** A from–to date filter (two URL params through the services' toRange/fromRange). */
export function DateRangeFilter({ value, onChange, testId }: { value?: Range; onChange?: (v: Range) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <DatePicker.RangePicker
      value={value ?? null}
      onChange={(v) => onChange?.(v as Range)}
      allowEmpty={[true, true]}
      placeholder={[t('resumptionOps.common.dateFrom'), t('resumptionOps.common.dateTo')]}
      data-testid={testId}
      style={{ width: 260 }}
    />
  );
}

/** A list as cards on a phone (one column, large tap targets), with the list's states and paging. */
export function PhoneCards<T, S extends FilterSpec>({
  url,
  query,
  empty,
  render,
  testId,
}: {
  url: UrlList<S>;
  query: UseQueryResult<{ items: T[]; total: number; page: number; pageSize: number }>;
  empty: { title: string; description?: string; action?: ReactNode };
  render: (row: T) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageSkeleton />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data!;
  if (data.total === 0) return url.filtered ? <EmptyState title={t('common.noMatch')} /> : <EmptyState {...empty} />;
  return (
    <div data-testid={testId}>
      {data.items.map((row, i) => (
        <div key={i} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
          {render(row)}
        </div>
      ))}
      <div style={{ display: 'flex', justifyContent: 'flex-end', paddingTop: 12 }}>
        <Pagination
          size="small"
          current={url.list.page}
          pageSize={url.list.pageSize}
          total={data.total}
          onChange={(p, size) => url.setPage(p, size)}
          showTotal={(n) => <span data-testid="list-total">{t('common.total', { total: formatNumber(n) })}</span>}
          hideOnSinglePage={false}
        />
      </div>
    </div>
  );
}
