// 办件工作台: the approval bureau's queues — tabs (each a set of statuses) with counts, due
// filters (overdue red, today orange, soon), mine / unassigned; search and filters in the URL; paging, sort; Excel export and
// the materials of the filtered set as a zip; row selection for bulk accept (with the rows that
// failed and why); 窗口收件 for walk-ins.
import { useState } from 'react';
import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Flex, Form, Popconfirm, Radio, Select, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CHANNELS, type ApplicationStatus, type ApplicationSummary } from '@shuangsheng/contracts';
import { useSession } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { Ellipsis, FilterBar, PageHeader } from '../../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../../components/PageStates';
import { useApiError } from '../../../../components/useApiError';
import { formatDateTime, formatNumber } from '../../../../lib/format';
import { PAGE_SIZES, sortFromSorter, sortOrderOf, useUrlList } from '../../../../lib/url-filters';
import { useDepartments } from '../../api';
import { APPLICATIONS, useApplications, useBulkAccept, useQueues, type BulkAcceptResult } from '../api';
import { CounterDialog } from '../components/CounterDialog';
import { AppStatusTag, DueTag } from '../components/display';
import { DateRange, fromRange, toRange, type Range } from '../components/filters';
import { ItemSelect } from '../components/ItemSelect';
import { assigneeQuery, QUEUE_TABS, tabCount, tabOf, tabQuery, whoOf, type QueueTab, type Who } from '../helpers';

const SPEC = {
  tab: 'string',
  /** Older links named a status; it only picks the tab that holds it. */
  status: 'string',
  q: 'string',
  itemId: 'string',
  department: 'string',
  channel: 'string',
  due: 'string',
  who: 'string',
  from: 'string',
  to: 'string',
} as const;
type FormShape = { q?: string; itemId?: string; department?: string; channel?: string; range?: Range };

export default function WorkbenchPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const url = useUrlList(SPEC, { sort: 'dueDate:asc' });
  const { tab: _tab, status: _status, who: whoParam, from, to, due, ...rest } = url.filters;
  const tab = tabOf(url.filters);
  const who = whoOf(whoParam);
  const filter = (() => {
    const q: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') q[k] = v;
    Object.assign(q, tabQuery(tab), assigneeQuery(who, me.id));
    if (due) q.due = due;
    if (from) q.from = from;
    if (to) q.to = to;
    return q;
  })();
  // Filters beyond the tab (an empty tab is not "nothing matches").
  const narrowed = !!(who || due || from || to || Object.values(rest).some((v) => v !== undefined && v !== ''));
  const query = useApplications({ ...filter, page: url.list.page, pageSize: url.list.pageSize, ...(url.list.sort ? { sort: url.list.sort } : {}) });
  const exportQuery = { ...filter, ...(url.list.sort ? { sort: url.list.sort } : {}) };
  const queues = useQueues();
  const departments = useDepartments();
  const bulk = useBulkAccept();
  const [selected, setSelected] = useState<string[]>([]);
  const [failures, setFailures] = useState<(BulkAcceptResult['failed'][number] & { number: string })[]>([]);
  const [counter, setCounter] = useState(false);
  const counts = queues.data;

  const setTab = (next: QueueTab) => {
    setSelected([]);
    url.setFilters({ ...url.filters, tab: next === 'open' ? undefined : next, status: undefined });
  };
  const setWho = (next: Who | undefined) => {
    setSelected([]);
    url.setFilters({ ...url.filters, who: next });
  };

  const bulkAccept = async () => {
    const rows = query.data?.items ?? [];
    try {
      const r = await bulk.mutateAsync(selected);
      setSelected([]);
      setFailures(r.failed.map((f) => ({ ...f, number: rows.find((a) => a.id === f.id)?.number ?? f.id })));
      if (r.failed.length) {
        modal.warning({ title: t('workbench.apps.bulkFailedTitle', { count: r.failed.length }), content: t('workbench.apps.bulkAccepted', { count: r.accepted.length }) });
      } else {
        void message.success(t('workbench.apps.bulkAccepted', { count: r.accepted.length }));
      }
    } catch (e) {
      showError(e);
    }
  };

  const sorter = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(url.list.sort, key), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });
  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t('workbench.apps.numberColumn'),
      dataIndex: 'number',
      ...sorter('number'),
      fixed: 'left',
      // Numbers follow the submission order (SV-date-sequence), so the submitted time sits under
      // the number and sorting by number sorts by submission: the table fits 1280 px.
      render: (v: string | null, a) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/services/applications/${a.id}`} style={{ fontFamily: 'monospace' }} data-testid={`workbench-link-${v ?? a.id}`}>
            {v ?? '-'}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} title={t('applications.submittedAt')}>
            {formatDateTime(a.submittedAt)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('applications.item'),
      dataIndex: 'itemName',
      render: (v: string, a) => (
        <div style={{ maxWidth: 200 }}>
          <Ellipsis width={200} text={v} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            <Ellipsis width={200} text={a.department} />
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('applications.applicant'),
      key: 'applicant',
      render: (_v, a) => (
        <div style={{ maxWidth: 170 }}>
          <Ellipsis width={170} text={a.enterpriseName ?? a.applicantName} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(`applications.channels.${a.channel}`)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('workbench.apps.statusColumn'),
      dataIndex: 'status',
      ...sorter('status'),
      render: (v: ApplicationStatus, a) => (
        <div style={{ maxWidth: 130 }}>
          <AppStatusTag status={v} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }} data-testid={`workbench-assignee-${a.number ?? a.id}`}>
            <Ellipsis width={130} text={a.assigneeName ?? t('applications.unassigned')} />
          </Typography.Text>
        </div>
      ),
    },
    { title: t('applications.dueDate'), dataIndex: 'dueDate', ...sorter('dueDate'), render: (_v, a) => <DueTag dueDate={a.dueDate} dueState={a.dueState} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, a) => (
        <Button type="link" size="small" onClick={() => void navigate(`/services/applications/${a.id}`)} data-testid={`workbench-view-${a.number ?? a.id}`}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  const tabLabel = (k: QueueTab) => {
    const n = counts ? tabCount(k, counts.byStatus) : null;
    return (
      <span data-testid={`workbench-tab-${k}`}>
        {t(`workbench.apps.tabs.${k}`)}
        {n !== null ? <Badge count={n} overflowCount={9999} showZero color={n && (k === 'submitted' || k === 'resubmitted') ? '#1d4ed8' : '#bfbfbf'} style={{ marginInlineStart: 6 }} /> : null}
      </span>
    );
  };

  const dueButton = (value: 'overdue' | 'today' | 'soon', label: string, n: number | undefined, color: string) => (
    <Radio.Button value={value} data-testid={`workbench-due-${value}`}>
      <span style={{ color: n ? color : undefined }}>
        {label} {n !== undefined ? formatNumber(n) : ''}
      </span>
    </Radio.Button>
  );

  const data = query.data;
  const body = query.isPending ? (
    <PageSkeleton />
  ) : query.isError && !data ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  ) : (
    <Table<ApplicationSummary>
      data-testid="workbench-table"
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={data!.items}
      loading={query.isFetching && query.isPlaceholderData}
      scroll={{ x: 'max-content' }}
      sticky={{ offsetHeader: 56 }}
      onRow={(a) => ({ 'data-testid': `workbench-row-${a.number ?? a.id}` }) as never}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => setSelected(keys as string[]),
        getCheckboxProps: (a) => ({ disabled: a.status !== 'submitted' }),
      }}
      locale={{
        emptyText: narrowed ? (
          <EmptyState
            title={t('common.noMatch')}
            action={
              <Button onClick={() => url.setFilters({ tab: url.filters.tab })} data-testid="list-clear-filters">
                {t('common.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            title={tab === 'open' ? t('workbench.apps.empty') : t('workbench.apps.emptyTab', { tab: t(`workbench.apps.tabs.${tab}`) })}
            description={tab === 'open' ? t('workbench.apps.emptyDesc') : undefined}
          />
        ),
      }}
      pagination={{
        current: url.list.page,
        pageSize: url.list.pageSize,
        total: data!.total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => <span data-testid="list-total">{t('common.total', { total: formatNumber(total) })}</span>,
      }}
      onChange={(p, _f, s, extra) => {
        if (extra.action === 'sort') url.setSort(sortFromSorter(s));
        else if (extra.action === 'paginate') url.setPage(p.current ?? 1, p.pageSize ?? url.list.pageSize);
      }}
    />
  );

  return (
    <div>
      <PageHeader
        title={t('workbench.apps.title')}
        sub={t('workbench.apps.sub')}
        extra={
          <>
            <ExportButton path={`${APPLICATIONS}/export.xlsx`} query={exportQuery} />
            <ExportButton path={`${APPLICATIONS}/materials.zip`} query={exportQuery} label={t('workbench.apps.exportZip')} testId="workbench-zip" />
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCounter(true)} data-testid="workbench-counter">
              {t('workbench.apps.counter')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs activeKey={tab} onChange={(k) => setTab(k as QueueTab)} items={QUEUE_TABS.map((k) => ({ key: k, label: tabLabel(k) }))} data-testid="workbench-tabs" />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Radio.Group value={due ?? ''} onChange={(e) => url.setFilters({ ...url.filters, due: (e.target.value as string) || undefined })} size="small" data-testid="workbench-due">
            <Radio.Button value="" data-testid="workbench-due-all">
              {t('workbench.apps.dueAll')}
            </Radio.Button>
            {dueButton('overdue', t('workbench.apps.overdue'), counts?.overdue, '#cf1322')}
            {dueButton('today', t('workbench.apps.dueToday'), counts?.dueToday, '#d46b08')}
            {dueButton('soon', t('workbench.apps.dueSoon'), counts?.dueSoon, '#d48806')}
          </Radio.Group>
          <Radio.Group value={who ?? ''} onChange={(e) => setWho(whoOf(e.target.value as string))} size="small" data-testid="workbench-who">
            <Radio.Button value="" data-testid="workbench-who-all">
              {t('workbench.apps.whoAll')}
            </Radio.Button>
            <Radio.Button value="mine" data-testid="workbench-mine">
              {t('workbench.apps.mine')} {counts ? formatNumber(counts.mine) : ''}
            </Radio.Button>
            <Radio.Button value="unassigned" data-testid="workbench-unassigned">
              <span style={{ color: counts?.unassigned ? '#d46b08' : undefined }}>
                {t('applications.unassigned')} {counts ? formatNumber(counts.unassigned) : ''}
              </span>
            </Radio.Button>
          </Radio.Group>
        </Flex>
        <FilterBar<FormShape>
          values={{ ...rest, range: toRange(from, to) }}
          onSearch={({ range, ...v }) => url.setFilters({ ...url.filters, ...v, ...fromRange(range) })}
          onReset={() => url.setFilters({ tab: url.filters.tab })}
          searchPlaceholder={t('workbench.apps.searchPlaceholder')}
        >
          <Form.Item name="itemId" style={{ minWidth: 160 }}>
            <ItemSelect testId="filter-item" />
          </Form.Item>
          <Form.Item name="department" style={{ minWidth: 140 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('applications.department')}
              options={(departments.data ?? []).map((d) => ({ value: d, label: d }))}
              popupMatchSelectWidth={false}
              data-testid="filter-department"
            />
          </Form.Item>
          <Form.Item name="channel" style={{ minWidth: 110 }}>
            <Select allowClear placeholder={t('applications.channel')} options={CHANNELS.map((c) => ({ value: c, label: t(`applications.channels.${c}`) }))} data-testid="filter-channel" popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="range">
            <DateRange testId="filter-dates" />
          </Form.Item>
        </FilterBar>
        {selected.length ? (
          <Flex gap={12} align="center" style={{ marginBottom: 12, padding: '8px 12px', background: '#f0f5ff', borderRadius: 6 }} data-testid="bulk-bar">
            <Typography.Text>{t('workbench.apps.selected', { count: selected.length })}</Typography.Text>
            <Popconfirm title={t('workbench.apps.bulkAcceptConfirm', { count: selected.length })} onConfirm={() => bulkAccept()} okButtonProps={{ 'data-testid': 'confirm-bulk-accept' } as never}>
              <Button type="primary" size="small" loading={bulk.isPending} data-testid="bulk-accept">
                {t('workbench.apps.bulkAccept')}
              </Button>
            </Popconfirm>
            <Button size="small" type="link" onClick={() => setSelected([])}>
              {t('common.cancel')}
            </Button>
          </Flex>
        ) : null}
        {failures.length ? (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setFailures([]) }}
            style={{ marginBottom: 12 }}
            title={t('workbench.apps.bulkFailedTitle', { count: failures.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {failures.map((f) => (
                  <li key={f.id} data-testid={`bulk-failure-${f.number}`}>
                    <Typography.Text strong style={{ fontFamily: 'monospace' }}>
                      {f.number}
                    </Typography.Text>
                    {t('common.colon')}
                    {f.message}
                  </li>
                ))}
              </ul>
            }
            data-testid="bulk-failures"
          />
        ) : null}
        {body}
      </Card>
      {counter ? <CounterDialog onClose={() => setCounter(false)} /> : null}
    </div>
  );
}
