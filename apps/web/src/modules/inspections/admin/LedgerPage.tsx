// 巡查台账: the rectification ledger — every problem put into the ledger (and, on request, those
// fixed on the spot) with the standard columns (编号, 园区, 部位, 检查项, 问题描述, 严重程度, 发现日期,
// 处置方式, 责任方, 整改措施, 整改期限, 状态, 回访, 销号日期, 整改天数, 巡查员); overdue deadlines red;
// filters in the URL; Excel export and a printable view of exactly what is filtered.
import { PrinterOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Popconfirm, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { FINDING_STATUSES, SEVERITIES, type FindingDisposition, type FindingStatus, type InspectionPlace, type Severity } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { ParkSelect } from '../../../components/pickers';
import { useApiError } from '../../../components/useApiError';
import { formatNumber } from '../../../lib/format';
import { toApiQuery, useUrlList } from '../../../lib/url-filters';
import { BASE, useFindings, useItemOptions, useRoundOptions, useRunFollowUps, type Finding } from './api';
import { DueDate, FindingStatusTag, PlaceTag, SeverityTag } from './display';
import { LEDGER_SPEC, ledgerQuery, type LedgerFilters } from './ledger';

type FormShape = { q?: string; parkId?: string; status?: FindingStatus; severity?: Severity; itemKey?: string; roundId?: string; overdue?: boolean; all?: boolean };

export default function LedgerPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const url = useUrlList(LEDGER_SPEC, { sort: 'foundOn:desc' });
  const filters = url.filters as LedgerFilters;
  const apiQuery = { ...ledgerQuery(filters), ...toApiQuery({}, url.list) };
  const query = useFindings(apiQuery);
  const items = useItemOptions();
  const rounds = useRoundOptions();

  const DISPOSITION: TableColumnsType<Finding>[number] = { title: t('inspectionsAdmin.ledger.disposition'), dataIndex: 'disposition', render: (v: FindingDisposition) => <span style={{ whiteSpace: 'nowrap' }}>{t(`inspectionsAdmin.dispositions.${v}`)}</span> };
  const columns: TableColumnsType<Finding> = [
    {
      title: t('inspectionsAdmin.ledger.number'),
      dataIndex: 'number',
      fixed: 'left',
      ...sortable(url, 'number'),
      render: (v: string, f) => (
        <Link to={`/inspections/ledger/${f.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={`finding-link-${v}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('inspectionsAdmin.common.status'),
      dataIndex: 'status',
      render: (v: FindingStatus, f) => (
        <span data-testid={`finding-status-${f.number}`} data-status={v}>
          <FindingStatusTag status={v} overdue={f.overdue} />
        </span>
      ),
    },
    { title: t('inspectionsAdmin.ledger.deadline'), dataIndex: 'deadline', ...sortable(url, 'deadline'), render: (v: string | null, f) => <DueDate date={v} past={f.overdue} testId={`finding-deadline-${f.number}`} /> },
    { title: t('inspectionsAdmin.common.park'), dataIndex: 'parkName', render: (v: string) => <Ellipsis width={140} text={v} /> },
    {
      title: t('inspectionsAdmin.common.place'),
      key: 'place',
      render: (_v, f) => (
        <div style={{ maxWidth: 180 }}>
          <PlaceTag place={f.place as InspectionPlace} />
          <Typography.Text style={{ display: 'block', fontSize: 12 }}>
            <Ellipsis width={170} text={f.enterpriseName ?? f.placeLabel} />
          </Typography.Text>
        </div>
      ),
    },
    { title: t('inspectionsAdmin.common.item'), dataIndex: 'itemTitle', render: (v: string) => <Ellipsis width={160} text={v} /> },
    { title: t('inspectionsAdmin.ledger.description'), dataIndex: 'description', render: (v: string) => <Ellipsis width={200} text={v} /> },
    { title: t('inspectionsAdmin.common.severity'), dataIndex: 'severity', render: (v: Severity) => <SeverityTag severity={v} /> },
    {
      title: t('inspectionsAdmin.ledger.foundOn'),
      dataIndex: 'foundOn',
      ...sortable(url, 'foundOn'),
      render: (v: string, f) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {f.inspector?.name ?? '-'}
          </Typography.Text>
        </div>
      ),
    },
    ...(filters.all ? [DISPOSITION] : []),
    {
      title: t('inspectionsAdmin.ledger.responsibleAndMeasure'),
      key: 'measure',
      render: (_v, f) =>
        f.responsibleParty || f.measure ? (
          <div style={{ maxWidth: 200 }}>
            <Ellipsis width={200} text={f.responsibleParty ?? '-'} />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              <Ellipsis width={200} text={f.measure ?? '-'} />
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      title: t('inspectionsAdmin.ledger.followUps'),
      dataIndex: 'followUps',
      align: 'right',
      render: (v: number, f) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(v)}
          {f.lastFollowUpOn ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('inspectionsAdmin.ledger.lastFollowUp', { date: f.lastFollowUpOn })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('inspectionsAdmin.ledger.closedOn'),
      dataIndex: 'closedOn',
      ...sortable(url, 'closedOn'),
      render: (v: string | null, f) =>
        v ? (
          <div style={{ whiteSpace: 'nowrap' }}>
            {v}
            {f.daysToClose !== null ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('inspectionsAdmin.ledger.daysN', { count: f.daysToClose })}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
  ];

  const printSearch = location.search;
  return (
    <ListPage
      title={t('inspectionsAdmin.ledger.title')}
      extra={
        <>
          {can('inspections.manage') ? <RunFollowUps /> : null}
          <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/inspections/ledger/print${printSearch}`)} data-testid="ledger-print">
            {t('inspectionsAdmin.ledger.print')}
          </Button>
          <ExportButton path={`${BASE}/findings/export.xlsx`} query={{ ...ledgerQuery(filters), ...(url.list.sort ? { sort: url.list.sort } : {}) }} testId="ledger-export" />
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('inspectionsAdmin.ledger.sub')}</Typography.Paragraph>
          <FilterBar<FormShape>
            values={filters as FormShape}
            onSearch={(v) => url.setFilters({ ...v, overdue: v.overdue || undefined, all: v.all || undefined })}
            onReset={url.reset}
            searchPlaceholder={t('inspectionsAdmin.ledger.search')}
          >
            <Form.Item name="parkId" style={{ minWidth: 150 }}>
              <ParkSelect testId="filter-park" placeholder={t('inspectionsAdmin.common.park')} popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="status" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('inspectionsAdmin.common.status')} options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`inspectionsAdmin.findingStatus.${s}`) }))} data-testid="filter-status" popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="severity" style={{ minWidth: 110 }}>
              <Select allowClear placeholder={t('inspectionsAdmin.common.severity')} options={SEVERITIES.map((s) => ({ value: s, label: t(`inspectionsAdmin.severities.${s}`) }))} data-testid="filter-severity" />
            </Form.Item>
            <Form.Item name="itemKey" style={{ minWidth: 170 }}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={items.loading} placeholder={t('inspectionsAdmin.common.item')} options={items.options} data-testid="filter-item" popupMatchSelectWidth={false} />
            </Form.Item>
            <Form.Item name="roundId" style={{ minWidth: 170 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={rounds.isPending}
                placeholder={t('inspectionsAdmin.common.round')}
                options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.roundDate})` }))}
                data-testid="filter-round"
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item name="overdue" valuePropName="checked">
              <Checkbox data-testid="filter-overdue">{t('inspectionsAdmin.ledger.overdueOnly')}</Checkbox>
            </Form.Item>
            <Form.Item name="all" valuePropName="checked">
              <Checkbox data-testid="filter-all">{t('inspectionsAdmin.ledger.includeFixed')}</Checkbox>
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="ledger-table" empty={{ title: t('inspectionsAdmin.ledger.empty'), description: t('inspectionsAdmin.ledger.emptyDesc') }} />
    </ListPage>
  );
}

/** 立即生成回访: runs the daily follow-up job now (it is idempotent: a second run the same day adds nothing). */
function RunFollowUps() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const run = useRunFollowUps();
  return (
    <Popconfirm
      title={t('inspectionsAdmin.ledger.runFollowUpsConfirm')}
      description={t('inspectionsAdmin.ledger.runFollowUpsHint')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'followups-run-confirm' }}
      onConfirm={() =>
        run.mutateAsync(undefined).then(
          (r) => void message.success(t('inspectionsAdmin.ledger.runFollowUpsDone', { created: r.created, escalated: r.escalated })),
          (e: unknown) => showError(e),
        )
      }
    >
      <Button icon={<SyncOutlined />} loading={run.isPending} data-testid="followups-run">
        {t('inspectionsAdmin.ledger.runFollowUps')}
      </Button>
    </Popconfirm>
  );
}
