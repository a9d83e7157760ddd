// 防护物资: the zone's stock by item (stock, allocated, still requested; add an item, stock in),
// the enterprises' requests (allocate a quantity, never above what remains or the stock; refuse
// with a reason) and the ledger of movements with the balance after each (Excel export). An
// enterprise user sees their own requests and asks for more.
import { useState, type ReactNode } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Grid, Input, InputNumber, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SUPPLY_MOVEMENT_KINDS, SUPPLY_REQUEST_STATUSES, type SupplyItem, type SupplyRequest, type SupplyRequestStatus } from '@shuangsheng/contracts';
import { isEnterpriseOnly, useCan, useSession } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, groupedNumber, useFormDialog } from '../../../components/FormDialog';
import { Ellipsis, FilterBar, PageHeader, ListTable } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { EnterpriseSelect } from '../../../components/pickers';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useUrlList, type FilterSpec, type UrlList } from '../../../lib/url-filters';
import { fromRange, toRange, type Range } from '../../services/applications/components/filters';
import {
  BASE,
  useCreateSupplyItem,
  useRequestSupplies,
  useStockIn,
  useSupplyItems,
  useSupplyLedger,
  useSupplyRequestAction,
  useSupplyRequests,
  useUpdateSupplyItem,
  type Movement,
} from './api';
import { DateRangeFilter, PhoneCards, SupplyStatusTag } from './display';

const TABS = ['stock', 'requests', 'ledger'] as const;
type Tab = (typeof TABS)[number];

/** A tab's list in the URL: its filters beside `tab`, which 重置 keeps. */
function tabbed<S extends FilterSpec>(url: UrlList<S>, tab: Tab): UrlList<S> {
  const { tab: _tab, ...rest } = url.filters as Record<string, unknown>;
  const filtered = Object.values(rest).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
  return { ...url, filtered, reset: () => url.setFilters({ tab } as never), setFilters: (f) => url.setFilters({ ...f, tab } as never) };
}

export default function SuppliesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const own = isEnterpriseOnly(me);
  const staff = can('resumption.read');
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = staff ? [...TABS] : ['requests'];
  const tab = tabs.find((x) => x === params.get('tab')) ?? tabs[0]!;
  const [requesting, setRequesting] = useState(false);
  const mayRequest = can('resumption.file') || can('resumption.supplies.manage');

  const requestButtonAs = (testId: string) =>
    mayRequest ? (
      <Button type={own ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid={testId}>
        {t('resumptionOps.supplies.requestNew')}
      </Button>
    ) : null;
  const requestButton = requestButtonAs('supply-request-new');
  const emptyRequestButton = requestButtonAs('supply-request-new-empty');

  return (
    <div>
      <PageHeader title={t('resumptionOps.supplies.title')} sub={own ? t('resumptionOps.supplies.subOwn') : t('resumptionOps.supplies.sub')} extra={requestButton} />
      <Card styles={{ body: own ? { padding: 16 } : { paddingTop: 4 } }}>
        {own ? (
          <RequestsTab own requestButton={emptyRequestButton} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams(k === 'stock' ? {} : { tab: k })}
            destroyOnHidden
            items={tabs.map((k) => ({
              key: k,
              label: <span data-testid={`supplies-tab-${k}`}>{t(`resumptionOps.supplies.tabs.${k}`)}</span>,
              children: k === 'stock' ? <StockTab /> : k === 'requests' ? <RequestsTab own={false} requestButton={emptyRequestButton} /> : <LedgerTab />,
            }))}
          />
        )}
      </Card>
      {requesting ? <RequestDialog onClose={() => setRequesting(false)} /> : null}
    </div>
  );
}

// ---- stock (库存)
function StockTab() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('resumption.supplies.manage');
  const query = useSupplyItems();
  const [editing, setEditing] = useState<SupplyItem | 'new' | null>(null);
  const [stockIn, setStockIn] = useState<SupplyItem | null>(null);
  const addAs = (testId: string) =>
    manage ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={testId}>
        {t('resumptionOps.supplies.addItem')}
      </Button>
    ) : null;
  const addButton = addAs('supply-item-new');
  if (query.isPending) return <PageSkeleton />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data;
  const qty = (n: number, unit: string) => (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatNumber(n)} <Typography.Text type="secondary">{unit}</Typography.Text>
    </span>
  );
  const columns: TableColumnsType<SupplyItem> = [
    { title: t('resumptionOps.supplies.item'), dataIndex: 'name', render: (v: string, r) => <span data-testid={`supply-item-${r.id}`}>{v}</span> },
    {
      title: t('resumptionOps.supplies.stock'),
      dataIndex: 'stock',
      align: 'right',
      render: (v: number, r) => (
        <span data-testid={`supply-stock-${r.id}`}>
          <Typography.Text strong>{qty(v, r.unit)}</Typography.Text>
          {r.requested > v ? (
            <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
              {t('resumptionOps.supplies.shortBy', { count: r.requested - v })}
            </Tag>
          ) : null}
        </span>
      ),
    },
    { title: t('resumptionOps.supplies.allocatedTotal'), dataIndex: 'allocated', align: 'right', render: (v: number, r) => qty(v, r.unit) },
    { title: t('resumptionOps.supplies.requestedOpen'), dataIndex: 'requested', align: 'right', render: (v: number, r) => qty(v, r.unit) },
    { title: t('resumptionOps.supplies.note'), dataIndex: 'note', render: (v: string | null) => (v ? <Ellipsis width={220} text={v} /> : '-') },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, r: SupplyItem) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <Button type="link" size="small" onClick={() => setStockIn(r)} data-testid={`supply-stock-in-${r.id}`}>
                  {t('resumptionOps.supplies.stockIn')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`supply-item-edit-${r.id}`}>
                  {t('common.edit')}
                </Button>
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('resumptionOps.supplies.stockSub')}</Typography.Text>
        {addButton}
      </div>
      {items.length === 0 ? (
        <EmptyState title={t('resumptionOps.supplies.noItems')} description={manage ? t('resumptionOps.supplies.noItemsDesc') : undefined} action={addAs('supply-item-new-empty')} />
      ) : (
        <Table<SupplyItem> data-testid="supply-items-table" size="middle" rowKey="id" columns={columns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      {editing ? <ItemDialog item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {stockIn ? <StockInDialog item={stockIn} onClose={() => setStockIn(null)} /> : null}
    </>
  );
}

type ItemValues = { name: string; unit: string; note?: string };
function ItemDialog({ item, onClose }: { item: SupplyItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateSupplyItem();
  const update = useUpdateSupplyItem();
  const { form, dialog } = useFormDialog<ItemValues>({
    creating: !item,
    onClose,
    save: (v) => {
      const body = { name: v.name.trim(), unit: v.unit.trim(), note: v.note?.trim() || null };
      return item ? update.mutateAsync({ id: item.id, patch: body }) : create.mutateAsync(body);
    },
  });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <FormDialog {...dialog} title={item ? t('resumptionOps.supplies.editItem') : t('resumptionOps.supplies.addItem')}>
      <Form form={form} layout="vertical" initialValues={item ? { name: item.name, unit: item.unit, note: item.note ?? '' } : {}}>
        <Form.Item name="name" label={t('resumptionOps.supplies.item')} rules={required(t('resumptionOps.supplies.item'))}>
          <Input maxLength={100} placeholder={t('resumptionOps.supplies.itemPlaceholder')} data-testid="supply-item-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('resumptionOps.supplies.unit')} rules={required(t('resumptionOps.supplies.unit'))}>
          <Input maxLength={20} placeholder={t('resumptionOps.supplies.unitPlaceholder')} style={{ width: 160 }} data-testid="supply-item-unit" />
        </Form.Item>
        <Form.Item name="note" label={t('resumptionOps.supplies.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type StockInValues = { quantity: number; source: string; note?: string };
function StockInDialog({ item, onClose }: { item: SupplyItem; onClose: () => void }) {
  const { t } = useTranslation();
  const stockIn = useStockIn();
  const { form, dialog } = useFormDialog<StockInValues>({
    creating: false,
    onClose,
    save: (v) => stockIn.mutateAsync({ id: item.id, body: { quantity: v.quantity, source: v.source.trim(), note: v.note?.trim() || null } }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionOps.supplies.stockInTitle', { name: item.name })} submitText={t('resumptionOps.supplies.stockIn')}>
      <Typography.Paragraph type="secondary">{t('resumptionOps.supplies.currentStock', { count: formatNumber(item.stock), unit: item.unit })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="quantity" label={t('resumptionOps.supplies.quantity')} rules={[{ required: true, message: t('common.required', { field: t('resumptionOps.supplies.quantity') }) }]}>
          <InputNumber min={1} max={100_000_000} precision={0} suffix={item.unit} style={{ width: 220 }} {...groupedNumber} data-testid="stock-in-quantity" />
        </Form.Item>
        <Form.Item name="source" label={t('resumptionOps.supplies.source')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('resumptionOps.supplies.source') }) }]}>
          <Input maxLength={200} placeholder={t('resumptionOps.supplies.sourcePlaceholder')} data-testid="stock-in-source" />
        </Form.Item>
        <Form.Item name="note" label={t('resumptionOps.supplies.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

// ---- requests (申请)
const REQUEST_SPEC = { tab: 'string', q: 'string', status: 'string', itemId: 'string', enterpriseId: 'string' } as const;
type RequestForm = { q?: string; status?: SupplyRequestStatus; itemId?: string; enterpriseId?: string };

function useItemOptions() {
  const items = useSupplyItems();
  return (items.data ?? []).map((i) => ({ value: i.id, label: `${i.name} · ${i.unit}` }));
}

function RequestsTab({ own, requestButton }: { own: boolean; requestButton: ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const can = useCan();
  const manage = can('resumption.supplies.manage');
  const url = tabbed(useUrlList(REQUEST_SPEC), 'requests');
  const { tab: _tab, ...apiQuery } = url.apiQuery;
  const query = useSupplyRequests(apiQuery);
  const itemOptions = useItemOptions();
  const [acting, setActing] = useState<{ request: SupplyRequest; action: 'allocate' | 'refuse' } | null>(null);
  const columns: TableColumnsType<SupplyRequest> = [
    ...(own
      ? []
      : [{ title: t('resumptionOps.common.enterprise'), dataIndex: 'enterpriseName', fixed: 'left' as const, render: (v: string) => <Ellipsis width={200} text={v} /> }]),
    { title: t('resumptionOps.supplies.item'), dataIndex: 'itemName' },
    {
      title: t('resumptionOps.supplies.requestedQty'),
      dataIndex: 'quantity',
      align: 'right',
      render: (v: number, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(v)} <Typography.Text type="secondary">{r.unit}</Typography.Text>
        </span>
      ),
    },
    { title: t('resumptionOps.supplies.allocatedQty'), dataIndex: 'allocated', align: 'right', render: (v: number, r) => <span data-testid={`supply-request-allocated-${r.id}`}>{formatNumber(v)}</span> },
    { title: t('resumptionOps.supplies.reason'), dataIndex: 'reason', render: (v: string, r) => <Ellipsis width={220} text={v} title={r.refusal ? `${v}\n${t('resumptionOps.supplies.refusal')}${t('common.colon')}${r.refusal}` : v} /> },
    {
      title: t('resumptionOps.common.status'),
      dataIndex: 'status',
      render: (s: SupplyRequestStatus, r) => (
        <span data-testid={`supply-request-status-${r.id}`}>
          <SupplyStatusTag status={s} />
          {r.refusal ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <Ellipsis width={160} text={r.refusal} />
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('resumptionOps.supplies.requestedAt'), dataIndex: 'createdAt', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    ...(manage && !own
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_v: unknown, r: SupplyRequest) =>
              r.status === 'open' || r.status === 'partial' ? (
                <span style={{ whiteSpace: 'nowrap' }}>
                  <Button type="link" size="small" onClick={() => setActing({ request: r, action: 'allocate' })} data-testid={`supply-allocate-${r.id}`}>
                    {t('resumptionOps.supplies.allocate')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setActing({ request: r, action: 'refuse' })} data-testid={`supply-refuse-${r.id}`}>
                    {t('resumptionOps.supplies.refuse')}
                  </Button>
                </span>
              ) : (
                <Typography.Text type="secondary">-</Typography.Text>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <FilterBar<RequestForm> values={url.filters as RequestForm} onSearch={(v) => url.setFilters(v)} onReset={url.reset} searchPlaceholder={own ? t('resumptionOps.supplies.requestSearchOwn') : t('resumptionOps.supplies.requestSearch')}>
        <Form.Item name="status" style={{ minWidth: 120 }}>
          <Select allowClear placeholder={t('resumptionOps.common.status')} options={SUPPLY_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`resumptionOps.supplyStatus.${s}`) }))} data-testid="filter-status" popupMatchSelectWidth={false} />
        </Form.Item>
        <Form.Item name="itemId" style={{ minWidth: 140 }}>
          <Select allowClear placeholder={t('resumptionOps.supplies.item')} options={itemOptions} data-testid="filter-item" popupMatchSelectWidth={false} />
        </Form.Item>
        {own ? null : (
          <Form.Item name="enterpriseId" style={{ minWidth: 180 }}>
            <EnterpriseSelect testId="filter-enterprise" placeholder={t('resumptionOps.common.enterprise')} popupMatchSelectWidth={false} />
          </Form.Item>
        )}
      </FilterBar>
      {own && !screens.md ? (
        <PhoneCards
          url={url}
          query={query}
          testId="supply-requests-list"
          empty={{ title: t('resumptionOps.supplies.noRequestsOwn'), action: requestButton }}
          render={(r: SupplyRequest) => (
            <div data-testid={`supply-request-${r.id}`}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong>{r.itemName}</Typography.Text>
                <SupplyStatusTag status={r.status} />
              </div>
              <div>
                {t('resumptionOps.supplies.cardQty', { quantity: formatNumber(r.quantity), allocated: formatNumber(r.allocated), unit: r.unit })}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.createdAt)} · {r.reason}
              </Typography.Text>
              {r.refusal ? (
                <div>
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {t('resumptionOps.supplies.refusal')}
                    {t('common.colon')}
                    {r.refusal}
                  </Typography.Text>
                </div>
              ) : null}
            </div>
          )}
        />
      ) : (
        <ListTable
          query={query}
          url={url}
          columns={columns}
          rowKey="id"
          testId="supply-requests-table"
          empty={{ title: own ? t('resumptionOps.supplies.noRequestsOwn') : t('resumptionOps.supplies.noRequests'), action: own ? requestButton : undefined }}
        />
      )}
      {acting ? <RequestActionDialog request={acting.request} action={acting.action} onClose={() => setActing(null)} /> : null}
    </>
  );
}

type RequestValues = { enterpriseId?: string; itemId: string; quantity: number; reason: string };
function RequestDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const own = isEnterpriseOnly(me);
  const create = useRequestSupplies();
  const items = useSupplyItems();
  const { form, dialog } = useFormDialog<RequestValues>({
    creating: true,
    onClose,
    save: (v) => create.mutateAsync({ enterpriseId: own ? undefined : v.enterpriseId, itemId: v.itemId, quantity: v.quantity, reason: v.reason.trim() }),
  });
  const itemId = Form.useWatch('itemId', form);
  const unit = items.data?.find((i) => i.id === itemId)?.unit;
  return (
    <FormDialog {...dialog} title={t('resumptionOps.supplies.requestTitle')} submitText={t('resumptionOps.supplies.requestSubmit')}>
      <Form form={form} layout="vertical">
        {own ? null : (
          <Form.Item name="enterpriseId" label={t('resumptionOps.common.enterprise')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.common.enterprise') }) }]}>
            <EnterpriseSelect testId="supply-request-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="itemId" label={t('resumptionOps.supplies.item')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('resumptionOps.supplies.item') }) }]}>
          <Select loading={items.isPending} options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name} · ${i.unit}` }))} data-testid="supply-request-item" />
        </Form.Item>
        <Form.Item name="quantity" label={t('resumptionOps.supplies.quantity')} rules={[{ required: true, message: t('common.required', { field: t('resumptionOps.supplies.quantity') }) }]}>
          <InputNumber min={1} max={10_000_000} precision={0} suffix={unit} style={{ width: 220 }} {...groupedNumber} inputMode="numeric" data-testid="supply-request-quantity" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('resumptionOps.supplies.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('resumptionOps.supplies.reason') }) },
            { min: 2, message: t('resumptionOps.common.min2') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('resumptionOps.supplies.reasonPlaceholder')} data-testid="supply-request-reason" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

type ActionValues = { quantity?: number; reason?: string };
function RequestActionDialog({ request, action, onClose }: { request: SupplyRequest; action: 'allocate' | 'refuse'; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useSupplyRequestAction();
  const items = useSupplyItems();
  const stock = items.data?.find((i) => i.id === request.itemId)?.stock;
  const remaining = request.quantity - request.allocated;
  const { form, dialog } = useFormDialog<ActionValues>({
    creating: false,
    onClose,
    save: (v) => run.mutateAsync({ id: request.id, action, body: action === 'allocate' ? { quantity: v.quantity } : { reason: v.reason?.trim() } }),
  });
  const allocate = action === 'allocate';
  return (
    <FormDialog
      {...dialog}
      title={allocate ? t('resumptionOps.supplies.allocateTitle', { name: request.enterpriseName }) : t('resumptionOps.supplies.refuseTitle', { name: request.enterpriseName })}
      submitText={allocate ? t('resumptionOps.supplies.allocate') : t('resumptionOps.supplies.refuse')}
    >
      <Typography.Paragraph type="secondary" data-testid="supply-action-summary">
        {t('resumptionOps.supplies.requestSummary', { item: request.itemName, quantity: formatNumber(request.quantity), allocated: formatNumber(request.allocated), unit: request.unit })}
        {allocate && stock !== undefined ? ` ${t('resumptionOps.supplies.currentStock', { count: formatNumber(stock), unit: request.unit })}` : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={allocate ? { quantity: Math.max(1, Math.min(remaining, stock ?? remaining)) } : {}}>
        {allocate ? (
          <Form.Item
            name="quantity"
            label={t('resumptionOps.supplies.allocateQty')}
            extra={t('resumptionOps.supplies.allocateHint', { remaining: formatNumber(remaining), unit: request.unit })}
            rules={[
              { required: true, message: t('common.required', { field: t('resumptionOps.supplies.allocateQty') }) },
              { type: 'number', max: remaining, message: t('resumptionOps.supplies.overRequest', { remaining: formatNumber(remaining) }) },
              ...(stock !== undefined ? [{ type: 'number' as const, max: stock, message: t('resumptionOps.supplies.overStock', { stock: formatNumber(stock) }) }] : []),
            ]}
          >
            <InputNumber min={1} precision={0} suffix={request.unit} style={{ width: 220 }} {...groupedNumber} data-testid="supply-allocate-quantity" />
          </Form.Item>
        ) : (
          <Form.Item
            name="reason"
            label={t('resumptionOps.supplies.refusal')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('resumptionOps.supplies.refusal') }) },
              { min: 2, message: t('resumptionOps.common.min2') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="supply-refuse-reason" />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}

// ---- ledger (台账)
const LEDGER_SPEC = { tab: 'string', itemId: 'string', enterpriseId: 'string', kind: 'string', from: 'string', to: 'string' } as const;
type LedgerForm = { itemId?: string; enterpriseId?: string; kind?: string; range?: Range };

function LedgerTab() {
  const { t } = useTranslation();
  const url = tabbed(useUrlList(LEDGER_SPEC), 'ledger');
  const { tab: _tab, from, to, ...rest } = url.filters;
  const { tab: _t2, ...apiQuery } = url.apiQuery;
  const { tab: _t3, ...exportQuery } = url.exportQuery;
  const query = useSupplyLedger(apiQuery);
  const itemOptions = useItemOptions();
  const columns: TableColumnsType<Movement> = [
    { title: t('resumptionOps.supplies.at'), dataIndex: 'at', fixed: 'left', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('resumptionOps.supplies.item'), dataIndex: 'itemName' },
    { title: t('resumptionOps.supplies.kind'), dataIndex: 'kind', render: (k: Movement['kind']) => <Tag color={k === 'stock_in' ? 'green' : 'blue'}>{t(`resumptionOps.movementKinds.${k}`)}</Tag> },
    {
      title: t('resumptionOps.supplies.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (v: number, r) => (
        <Typography.Text type={v < 0 ? undefined : 'success'} style={{ whiteSpace: 'nowrap' }}>
          {v > 0 ? '+' : ''}
          {formatNumber(v)} <Typography.Text type="secondary">{r.unit}</Typography.Text>
        </Typography.Text>
      ),
    },
    { title: t('resumptionOps.supplies.balance'), dataIndex: 'balance', align: 'right', render: (v: number) => <Typography.Text strong>{formatNumber(v)}</Typography.Text> },
    { title: t('resumptionOps.supplies.counterpart'), key: 'counterpart', render: (_v, r) => <Ellipsis width={220} text={r.enterpriseName ?? r.source ?? '-'} /> },
    { title: t('resumptionOps.supplies.note'), dataIndex: 'note', render: (v: string | null) => (v ? <Ellipsis width={180} text={v} /> : '-') },
    { title: t('resumptionOps.supplies.actor'), dataIndex: 'actorName' },
  ];
  return (
    <>
      <LedgerFilters url={url} values={{ ...rest, range: toRange(from, to) }} itemOptions={itemOptions} exportButton={<ExportButton path={`${BASE}/supplies/ledger/export.xlsx`} query={exportQuery} testId="supply-ledger-export" />} />
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="supply-ledger-table" empty={{ title: t('resumptionOps.supplies.noMovements') }} />
    </>
  );
}

function LedgerFilters({ url, values, itemOptions, exportButton }: { url: UrlList<typeof LEDGER_SPEC>; values: LedgerForm; itemOptions: { value: string; label: string }[]; exportButton: ReactNode }) {
  const { t } = useTranslation();
  // The ledger has no keyword: its filter bar starts with the item.
  return (
    <Form<LedgerForm>
      layout="inline"
      key={JSON.stringify(values)}
      initialValues={values}
      onFinish={({ range, ...v }) => url.setFilters({ ...v, ...fromRange(range) })}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="filter-bar"
    >
      <Form.Item name="itemId" style={{ minWidth: 150 }}>
        <Select allowClear placeholder={t('resumptionOps.supplies.item')} options={itemOptions} data-testid="filter-item" popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="kind" style={{ minWidth: 110 }}>
        <Select allowClear placeholder={t('resumptionOps.supplies.kind')} options={SUPPLY_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`resumptionOps.movementKinds.${k}`) }))} data-testid="filter-kind" />
      </Form.Item>
      <Form.Item name="enterpriseId" style={{ minWidth: 180 }}>
        <EnterpriseSelect testId="filter-enterprise" placeholder={t('resumptionOps.common.enterprise')} popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="range">
        <DateRangeFilter testId="filter-range" />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" data-testid="list-search-submit">
            {t('common.search')}
          </Button>
          <Button onClick={url.reset} data-testid="list-reset">
            {t('common.reset')}
          </Button>
        </span>
      </Form.Item>
      <Form.Item style={{ marginInlineStart: 'auto', marginInlineEnd: 0 }}>{exportButton}</Form.Item>
    </Form>
  );
}
