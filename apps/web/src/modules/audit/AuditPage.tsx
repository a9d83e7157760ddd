// 审计日志: who did what to which record, when, from where; each row expands to the fields'
// values before and after. Filters: actor, action, entity type, period, keyword.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entityName, fieldLabel, type AuditEntry, type ListResult } from '@shuangsheng/contracts';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, ListPage, ListTable, sortable } from '../../components/ListPage';
import { UserSelect } from '../../components/pickers';
import { useLang } from '../../i18n';
import { formatDateTime, zoneDateOf, zoneDayEnd, zoneDayStart } from '../../lib/format';
import { toApiQuery, useUrlList } from '../../lib/url-filters';
import { actionLabel, enterpriseFieldLabel, formatFieldValue } from '../enterprises/history';

const SPEC = { q: 'string', actorId: 'string', action: 'string', entityType: 'string', entityId: 'string', from: 'string', to: 'string' } as const;

type FormValues = { q?: string; actorId?: string; action?: string; entityType?: string; entityId?: string; period?: [Dayjs, Dayjs] | null };

/** One row per field in before ∪ after, changed ones highlighted. */
export function diffRows(before: unknown, after: unknown): { key: string; before: unknown; after: unknown; changed: boolean }[] {
  const rec = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
  const b = rec(before);
  const a = rec(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((key) => ({ key, before: b[key], after: a[key], changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]) }));
}

function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = diffRows(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // Raw JSON, as recorded; money in fen gets its reading beside it.
  const show = (key: string, v: unknown) =>
    v === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <>
        <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v)}</code>
        {key.endsWith('Fen') && typeof v === 'number' ? <Typography.Text type="secondary"> ≈ {formatFieldValue(key, v, t, lang)}</Typography.Text> : null}
      </>
    );
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      data-testid="audit-diff"
      dataSource={rows}
      style={{ maxWidth: 960 }}
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      onRow={(r) => ({ style: r.changed && entry.before ? { background: '#fffbe6' } : undefined })}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'key',
          width: 220,
          render: (k: string) => {
            // The field in words where it has a name, and as recorded.
            const label = (entry.entityType === 'enterprise' ? enterpriseFieldLabel(k, t) : undefined) ?? fieldLabel(lang, k);
            return label === k ? (
              <code>{k}</code>
            ) : (
              <>
                {label} <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{k}</Typography.Text>
              </>
            );
          },
        },
        { title: t('audit.before'), key: 'before', render: (_v, r) => show(r.key, r.before) },
        { title: t('audit.after'), key: 'after', render: (_v, r) => show(r.key, r.after) },
      ]}
    />
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const url = useUrlList(SPEC, { sort: 'at:desc' });
  const { from, to, ...rest } = url.filters;
  // Dates in the URL (readable), epoch ms for the API; `to` is the end of that day (exclusive).
  const filters = { ...rest, from: from ? zoneDayStart(from) : undefined, to: to ? zoneDayEnd(to) : undefined };
  const apiQuery = { ...toApiQuery(filters, url.list) };
  const query = useQuery({
    queryKey: ['audit', 'list', apiQuery],
    queryFn: ({ signal }) => api.get<ListResult<AuditEntry>>('/api/audit', apiQuery, { signal }),
    placeholderData: keepPreviousData,
  });
  // The actions and entity types that occur in the log, for the filters.
  const actions = useQuery({ queryKey: ['audit', 'actions'], queryFn: ({ signal }) => api.get<string[]>('/api/audit/actions', undefined, { signal }), staleTime: 60_000 });
  const entityTypes = useQuery({
    queryKey: ['audit', 'entity-types'],
    queryFn: ({ signal }) => api.get<string[]>('/api/audit/entity-types', undefined, { signal }),
    staleTime: 60_000,
  });
  const exists = (k: string) => i18n.exists(k);

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', ...sortable(url, 'at'), render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('profile.system') },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <span title={v}>{actionLabel(v, t, exists)}</span> },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_v, e) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {entityName(lang, e.entityType)}
          {e.entityId && e.entityType === 'enterprise' && e.action !== 'enterprise.delete' ? (
            <Link to={`/enterprises/${e.entityId}`} style={{ fontFamily: 'monospace', marginInlineStart: 6 }} title={e.entityId}>
              …{e.entityId.slice(-8)}
            </Link>
          ) : e.entityId ? (
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', marginInlineStart: 6 }} copyable={{ text: e.entityId }}>
              …{e.entityId.slice(-8)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '-'}</span> },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (v: string | null) =>
        v ? (
          <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }} copyable={{ text: v }}>
            …{v.slice(-12)}
          </Typography.Text>
        ) : (
          '-'
        ),
    },
  ];

  const formValues: FormValues = {
    q: url.filters.q,
    actorId: url.filters.actorId,
    action: url.filters.action,
    entityType: url.filters.entityType,
    entityId: url.filters.entityId,
    period: from && to ? [dayjs(from), dayjs(to)] : null,
  };
  const { sort: _sort, ...exportQuery } = toApiQuery(filters);

  return (
    <ListPage
      title={t('audit.title')}
      extra={<ExportButton path="/api/audit/export.xlsx" query={exportQuery} />}
      filters={
        <FilterBar<FormValues>
          values={formValues}
          onSearch={(v) =>
            url.setFilters({
              q: v.q,
              actorId: v.actorId,
              action: v.action,
              entityType: v.entityType,
              entityId: v.entityId,
              from: v.period ? v.period[0].format('YYYY-MM-DD') : undefined,
              to: v.period ? v.period[1].format('YYYY-MM-DD') : undefined,
            })
          }
          onReset={url.reset}
          searchPlaceholder={t('audit.searchPlaceholder')}
        >
          <Form.Item name="actorId" style={{ minWidth: 200 }}>
            <UserSelect placeholder={t('audit.actor')} testId="filter-actor" />
          </Form.Item>
          <Form.Item name="action" style={{ minWidth: 180 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.action')}
              loading={actions.isPending}
              options={(actions.data ?? []).map((a) => ({ value: a, label: actionLabel(a, t, exists) }))}
              popupMatchSelectWidth={false}
              data-testid="filter-action"
            />
          </Form.Item>
          <Form.Item name="entityType" style={{ minWidth: 140 }}>
            <Select
              allowClear
              placeholder={t('audit.entityType')}
              loading={entityTypes.isPending}
              options={(entityTypes.data ?? []).map((e) => ({ value: e, label: entityName(lang, e) }))}
              popupMatchSelectWidth={false}
              data-testid="filter-entity-type"
            />
          </Form.Item>
          <Form.Item name="entityId" hidden>
            <input />
          </Form.Item>
          <Form.Item name="period">
            <DatePicker.RangePicker allowClear data-testid="filter-period" disabledDate={(d) => d.isAfter(dayjs(zoneDateOf(Date.now())).endOf('day'))} />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="audit-table"
        empty={{ title: t('audit.empty') }}
        expandable={{ expandedRowRender: (e) => <Diff entry={e} />, rowExpandable: (e) => e.before !== null || e.after !== null }}
      />
    </ListPage>
  );
}
