// 诉求台账: every demand of the zone (an enterprise user: only their own) — keyword, status,
// category, handling department, park, overdue, escalated, mine; overdue due times in red; the
// ledger's columns and its Excel export of what is filtered; 提出诉求 for enterprise users and
// commissioners.
import { useState, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Grid, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DEMAND_CATEGORIES, DEMAND_STATUSES, type Demand, type DemandCategory, type DemandStatus } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { actionsColumn } from '../../../components/RowActions';
import { EnterpriseSelect, ParkSelect } from '../../../components/pickers';
import { formatDateTime } from '../../../lib/format';
import { useUrlList, type UrlList } from '../../../lib/url-filters';
import { BASE, useDemands } from './api';
import { CategoryTag, DemandStatusTag, DepartmentInput, DueCell, PhoneCards } from './display';
import { DemandDialog } from './forms';

const SPEC = {
  q: 'string',
  status: 'string',
  category: 'string',
  department: 'string',
  enterpriseId: 'string',
  parkId: 'string',
  overdue: 'boolean',
  escalated: 'boolean',
  mine: 'boolean',
} as const;
type FormShape = { q?: string; status?: DemandStatus; category?: DemandCategory; department?: string; enterpriseId?: string; parkId?: string; overdue?: boolean; escalated?: boolean; mine?: boolean };

/** Unticked boxes leave the URL (overdue=false would read as "not overdue"). */
function cleanFilters(v: FormShape): FormShape {
  const out: FormShape = { ...v };
  for (const k of ['overdue', 'escalated', 'mine'] as const) if (!out[k]) delete out[k];
  return out;
}

export default function DemandsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const own = isEnterpriseOnly(me);
  const staff = can('resumption.read');
  const mayRaise = can('resumption.file') || can('resumption.commission');
  const url = useUrlList(SPEC, { sort: 'createdAt:desc' });
  const query = useDemands(url.apiQuery);
  const [raising, setRaising] = useState(false);
  const phone = own && !screens.md;

  const raise = (testId: string) =>
    mayRaise ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid={testId}>
        {t('resumptionOps.demands.raise')}
      </Button>
    ) : null;
  const raiseButton = raise('demand-raise');

  const columns: TableColumnsType<Demand> = [
    {
      title: t('resumptionOps.demands.number'),
      dataIndex: 'number',
      ...sortable(url, 'number'),
      fixed: 'left',
      render: (v: string, d) => (
        <Link to={`/resumption/demands/${d.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={`demand-link-${v}`}>
          {v}
        </Link>
      ),
    },
    ...(own
      ? []
      : [
          {
            title: t('resumptionOps.common.enterprise'),
            dataIndex: 'enterpriseName',
            render: (v: string, d: Demand) => (
              <div style={{ maxWidth: 190 }}>
                <Ellipsis width={190} text={v} />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {d.parkName ?? t('resumptionOps.common.noPark')}
                </Typography.Text>
              </div>
            ),
          },
        ]),
    {
      title: t('resumptionOps.demands.titleField'),
      dataIndex: 'title',
      render: (v: string, d) => (
        <div style={{ maxWidth: 260 }}>
          <CategoryTag category={d.category} /> <Ellipsis width={200} text={v} title={d.description} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('resumptionOps.common.departmentShort')}
            {t('common.colon')}
            {d.department ?? t('resumptionOps.demands.noDepartment')}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('resumptionOps.common.status'), dataIndex: 'status', render: (s: DemandStatus, d) => <span data-testid={`demand-status-${d.number}`} data-status={s}><DemandStatusTag status={s} /></span> },
    {
      title: t('resumptionOps.demands.raised'),
      dataIndex: 'createdAt',
      ...sortable(url, 'createdAt'),
      render: (v: number, d) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(v)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} title={d.raisedBy}>
            {t(`resumptionOps.demandSources.${d.source}`)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('resumptionOps.demands.dueAt'), dataIndex: 'dueAt', ...sortable(url, 'dueAt'), render: (v: number, d) => <DueCell dueAt={v} overdue={d.overdue} escalatedAt={d.escalatedAt} stacked /> },
    {
      title: t('resumptionOps.demands.resolution'),
      dataIndex: 'resolution',
      render: (v: string | null, d) =>
        v ? (
          <div style={{ maxWidth: 180 }}>
            <Ellipsis width={180} text={v} />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(d.resolvedAt)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    actionsColumn(t, (d) => (
      <Typography.Link onClick={() => void navigate(`/resumption/demands/${d.id}`)} data-testid={`demand-view-${d.number}`}>
        {t('common.view')}
      </Typography.Link>
    )),
  ];

  const filters = (
    <FilterBar<FormShape> values={url.filters as FormShape} onSearch={(v) => url.setFilters(cleanFilters(v))} onReset={url.reset} searchPlaceholder={own ? t('resumptionOps.demands.searchOwn') : t('resumptionOps.demands.search')}>
      <Form.Item name="status" style={{ minWidth: 120 }}>
        <Select allowClear placeholder={t('resumptionOps.common.status')} options={DEMAND_STATUSES.map((s) => ({ value: s, label: t(`resumptionOps.demandStatus.${s}`) }))} data-testid="filter-status" popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="category" style={{ minWidth: 120 }}>
        <Select allowClear placeholder={t('resumptionOps.common.category')} options={DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`resumptionOps.categories.${c}`) }))} data-testid="filter-category" popupMatchSelectWidth={false} />
      </Form.Item>
      {own ? null : (
        <>
          <Form.Item name="department" style={{ minWidth: 140 }}>
            <DepartmentInput testId="filter-department" placeholder={t('resumptionOps.common.department')} />
          </Form.Item>
          <Form.Item name="enterpriseId" style={{ minWidth: 180 }}>
            <EnterpriseSelect testId="filter-enterprise" placeholder={t('resumptionOps.common.enterprise')} popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="parkId" style={{ minWidth: 130 }}>
            <ParkSelect testId="filter-park" placeholder={t('resumptionOps.common.park')} />
          </Form.Item>
        </>
      )}
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox data-testid="filter-overdue">{t('resumptionOps.demands.overdueOnly')}</Checkbox>
      </Form.Item>
      {own ? null : (
        <>
          <Form.Item name="escalated" valuePropName="checked">
            <Checkbox data-testid="filter-escalated">{t('resumptionOps.demands.escalatedOnly')}</Checkbox>
          </Form.Item>
          {can('resumption.commission') ? (
            <Form.Item name="mine" valuePropName="checked">
              <Checkbox data-testid="filter-mine">{t('resumptionOps.demands.mineOnly')}</Checkbox>
            </Form.Item>
          ) : null}
        </>
      )}
    </FilterBar>
  );

  const empty = { title: own ? t('resumptionOps.demands.emptyOwn') : t('resumptionOps.demands.empty'), description: t('resumptionOps.demands.emptyDesc'), action: raise('demand-raise-empty') ?? undefined };

  return (
    <ListPage
      title={t('resumptionOps.demands.title')}
      extra={
        <>
          {staff ? <ExportButton path={`${BASE}/demands/export.xlsx`} query={url.exportQuery} testId="demands-export" /> : null}
          {raiseButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{own ? t('resumptionOps.demands.subOwn') : t('resumptionOps.demands.sub')}</Typography.Paragraph>
          {filters}
        </>
      }
    >
      {phone ? <PhoneList url={url} query={query} empty={empty} /> : <ListTable query={query} url={url} columns={columns} rowKey="id" testId="demands-table" empty={empty} />}
      {raising ? <DemandDialog onClose={() => setRaising(false)} onSaved={(d) => void navigate(`/resumption/demands/${d.id}`)} /> : null}
    </ListPage>
  );
}

/** On a phone the enterprise's demands read as cards: status, category, title, number, due. */
function PhoneList({ url, query, empty }: { url: UrlList<typeof SPEC>; query: ReturnType<typeof useDemands>; empty: { title: string; description: string; action?: ReactNode } }) {
  const { t } = useTranslation();
  return (
    <PhoneCards
      url={url}
      query={query}
      empty={empty}
      testId="demands-list"
      render={(d: Demand) => (
        <Link key={d.id} to={`/resumption/demands/${d.id}`} style={{ display: 'block', color: 'inherit' }} data-testid={`demand-row-${d.number}`}>
          <Space size={6} wrap style={{ marginBottom: 4 }}>
            <span data-testid={`demand-status-${d.number}`} data-status={d.status}>
              <DemandStatusTag status={d.status} />
            </span>
            <CategoryTag category={d.category} />
          </Space>
          <div style={{ fontWeight: 500 }} data-testid={`demand-link-${d.number}`}>
            {d.title}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {d.number}
          </Typography.Text>
          <div style={{ fontSize: 12, marginTop: 2 }}>
            {t('resumptionOps.demands.dueAt')}
            {t('common.colon')}
            <DueCell dueAt={d.dueAt} overdue={d.overdue} />
          </div>
        </Link>
      )}
    />
  );
}
