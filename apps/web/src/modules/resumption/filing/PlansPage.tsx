// /resumption/plans — the review queue of resumption plans (复工申请): tabs by status (待审核
// first, with its count), 我负责的 (enterprises I am commissioner of) and 已超时; keyword and park
// filters in the URL; hours left red when late, orange under 4 h; Excel export of what is
// filtered. Enterprise users see their own plans.
import { Badge, Button, Card, Flex, Form, Radio, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Plan } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListTable, PageHeader, sortable } from '../../../components/ListPage';
import { actionsColumn } from '../../../components/RowActions';
import { ParkSelect } from '../../../components/pickers';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { PLANS, usePlanCount, usePlans } from './api';
import { HoursLeft, PlanStatusTag } from './components/display';
import { QUEUE_TABS, tabOf, tabStatus, type QueueTab } from './helpers';

const SPEC = { tab: 'string', q: 'string', parkId: 'string', mine: 'boolean', overdue: 'boolean' } as const;
type FormShape = { q?: string; parkId?: string };

export default function PlansPage() {
  const me = useSession();
  return isEnterpriseOnly(me) ? <OwnPlans /> : <Queue />;
}

function Queue() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC);
  const tab = tabOf(url.filters.tab, 'submitted');
  const { q, parkId, mine, overdue } = url.filters;
  const base = { q, parkId, mine: mine || undefined };
  const filter = { ...base, status: overdue ? 'submitted' : tabStatus(tab), overdue: overdue || undefined };
  const query = usePlans({ ...filter, page: url.list.page, pageSize: url.list.pageSize, ...(url.list.sort ? { sort: url.list.sort } : {}) });
  const waiting = usePlanCount({ ...base, status: 'submitted' });
  const late = usePlanCount({ ...base, status: 'submitted', overdue: true });
  const mineCount = usePlanCount({ status: 'submitted', mine: true }, can('resumption.commission'));

  const setTab = (next: QueueTab) => url.setFilters({ ...url.filters, tab: next === 'submitted' ? undefined : next, overdue: undefined });

  const columns: TableColumnsType<Plan> = [
    {
      title: t('resumptionFiling.plan.number'),
      dataIndex: 'number',
      ...sortable(url, 'number'),
      fixed: 'left',
      render: (v: string | null, p) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/resumption/plans/${p.id}`} style={{ fontFamily: 'monospace' }} data-testid={`plan-link-${v ?? p.id}`}>
            {v ?? t('resumptionFiling.plan.draftNoNumber')}
          </Link>
        </div>
      ),
    },
    {
      title: t('resumptionFiling.plan.enterprise'),
      dataIndex: 'enterpriseName',
      ...sortable(url, 'enterpriseName'),
      render: (v: string, p) => (
        <div style={{ maxWidth: 240 }}>
          <Ellipsis width={240} text={v} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontFamily: 'monospace' }}>
            {p.creditCode}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('resumptionFiling.plan.park'), dataIndex: 'parkName', render: (v: string | null) => <Ellipsis width={140} text={v ?? '-'} /> },
    { title: t('resumptionFiling.plan.tier'), dataIndex: 'tier', render: (v: Plan['tier']) => <span style={{ whiteSpace: 'nowrap' }}>{t(`tiers.${v}`)}</span> },
    { title: t('resumptionFiling.plan.submittedAt'), dataIndex: 'submittedAt', ...sortable(url, 'submittedAt'), render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    {
      title: t('resumptionFiling.plan.hoursLeft'),
      dataIndex: 'hoursLeft',
      ...sortable(url, 'slaDueAt'),
      render: (v: number | null, p) => (p.status === 'submitted' ? <HoursLeft hours={v} testId={`plan-hours-${p.number ?? p.id}`} /> : <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>),
    },
    { title: t('resumptionFiling.plan.status'), dataIndex: 'status', render: (v: Plan['status'], p) => <PlanStatusTag status={v} testId={`plan-status-${p.number ?? p.id}`} /> },
    { title: t('resumptionFiling.plan.commissioner'), dataIndex: 'commissioner', render: (v: Plan['commissioner']) => <Ellipsis width={140} text={v?.name ?? '-'} /> },
    actionsColumn(t, (p) => (
      <Button type="link" size="small" onClick={() => void navigate(`/resumption/plans/${p.id}`)} data-testid={`plan-view-${p.number ?? p.id}`}>
        {p.status === 'submitted' && can('resumption.review') ? t('resumptionFiling.plans.review') : t('common.view')}
      </Button>
    )),
  ];

  const tabLabel = (k: QueueTab) => (
    <span data-testid={`plans-tab-${k}`}>
      {t(`resumptionFiling.plans.tabs.${k}`)}
      {k === 'submitted' && waiting.data !== undefined ? <Badge count={waiting.data} overflowCount={9999} showZero color={waiting.data ? '#1d4ed8' : '#bfbfbf'} style={{ marginInlineStart: 6 }} /> : null}
    </span>
  );

  return (
    <div>
      <PageHeader title={t('resumptionFiling.plans.title')} sub={t('resumptionFiling.plans.sub')} extra={can('resumption.read') ? <ExportButton path={`${PLANS}/export.xlsx`} query={{ ...filter, ...(url.list.sort ? { sort: url.list.sort } : {}) }} /> : null} />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs activeKey={overdue ? 'submitted' : tab} onChange={(k) => setTab(k as QueueTab)} items={QUEUE_TABS.map((k) => ({ key: k, label: tabLabel(k) }))} data-testid="plans-tabs" />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Radio.Group
            size="small"
            value={overdue ? 'overdue' : ''}
            onChange={(e) => url.setFilters({ ...url.filters, overdue: e.target.value === 'overdue' || undefined, tab: e.target.value === 'overdue' ? undefined : url.filters.tab })}
            data-testid="plans-due"
          >
            <Radio.Button value="">{t('resumptionFiling.plans.dueAll')}</Radio.Button>
            <Radio.Button value="overdue" data-testid="plans-overdue">
              <span style={{ color: late.data ? '#cf1322' : undefined }}>
                {t('resumptionFiling.plans.overdue')} {late.data !== undefined ? formatNumber(late.data) : ''}
              </span>
            </Radio.Button>
          </Radio.Group>
          <Radio.Group size="small" value={mine ? 'mine' : ''} onChange={(e) => url.setFilters({ ...url.filters, mine: e.target.value === 'mine' || undefined })} data-testid="plans-who">
            <Radio.Button value="">{t('resumptionFiling.plans.whoAll')}</Radio.Button>
            <Radio.Button value="mine" data-testid="plans-mine">
              {t('resumptionFiling.plans.mine')} {mineCount.data !== undefined ? formatNumber(mineCount.data) : ''}
            </Radio.Button>
          </Radio.Group>
        </Flex>
        <FilterBar<FormShape>
          values={{ q, parkId }}
          onSearch={(v) => url.setFilters({ ...url.filters, ...v })}
          onReset={() => url.setFilters({ tab: url.filters.tab })}
          searchPlaceholder={t('resumptionFiling.plans.searchPlaceholder')}
        >
          <Form.Item name="parkId" style={{ minWidth: 160 }}>
            <ParkSelect placeholder={t('resumptionFiling.plan.park')} testId="filter-park" popupMatchSelectWidth={false} />
          </Form.Item>
        </FilterBar>
        <ListTable
          query={query}
          url={url}
          columns={columns}
          rowKey="id"
          testId="plans-table"
          empty={{ title: tab === 'submitted' ? t('resumptionFiling.plans.emptyWaiting') : t('resumptionFiling.plans.empty'), description: t('resumptionFiling.plans.emptyDesc') }}
        />
      </Card>
    </div>
  );
}

/** An enterprise user's own plans (one open at a time; refused ones stay for the record). */
function OwnPlans() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const url = useUrlList({ q: 'string' } as const, { sort: 'updatedAt:desc' });
  const query = usePlans(url.apiQuery);
  const columns: TableColumnsType<Plan> = [
    {
      title: t('resumptionFiling.plan.number'),
      dataIndex: 'number',
      render: (v: string | null, p) => (
        <Link to={`/resumption/plans/${p.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={`plan-link-${v ?? p.id}`}>
          {v ?? t('resumptionFiling.plan.draftNoNumber')}
        </Link>
      ),
    },
    { title: t('resumptionFiling.plan.status'), dataIndex: 'status', render: (v: Plan['status']) => <PlanStatusTag status={v} /> },
    { title: t('resumptionFiling.plan.submittedAt'), dataIndex: 'submittedAt', render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('resumptionFiling.plan.hoursLeft'), dataIndex: 'hoursLeft', render: (v: number | null, p) => (p.status === 'submitted' ? <HoursLeft hours={v} /> : '-') },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    actionsColumn(t, (p) => (
      <Button type="link" size="small" onClick={() => void navigate(`/resumption/plans/${p.id}`)}>
        {t('common.view')}
      </Button>
    )),
  ];
  const file = (
    <Button type="primary" onClick={() => void navigate('/resumption/my')} data-testid="list-create">
      {t('resumptionFiling.my.title')}
    </Button>
  );
  return (
    <div>
      <PageHeader title={t('resumptionFiling.plans.ownTitle')} extra={file} />
      <Card styles={{ body: { padding: 16 } }}>
        <ListTable query={query} url={url} columns={columns} rowKey="id" testId="plans-table" empty={{ title: t('resumptionFiling.plans.ownEmpty'), action: file }} />
      </Card>
    </div>
  );
}
