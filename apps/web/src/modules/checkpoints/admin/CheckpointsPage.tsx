// /checkpoints — the zone's checkpoints (卡口): kind, grid unit, status, the risk level that applies
// (its unit's or the nearest above), today's person-times, vehicles and open abnormal cases;
// keyword search and filters in the URL, Excel export of what is filtered, 新建卡口 for managers.
import { useMemo, useState } from 'react';
import { Form, Select, Space, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CHECKPOINT_KINDS, CHECKPOINT_STATUSES, RISK_LEVELS, type CheckpointKind, type CheckpointStatus, type RiskLevel } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { GridTreeSelect } from '../../../components/pickers';
import { useGridTree } from '../../org/api';
import { actionsColumn } from '../../../components/RowActions';
import { formatNumber } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, checkpointPosterPath, useCheckpoints, type Checkpoint } from './api';
import { CheckpointRisk, CheckpointStatusTag, KindTag, PdfButton } from './display';
import { CheckpointDialog } from './forms';
import { gridPaths } from './helpers';

const SPEC = { q: 'string', kind: 'string', status: 'string', risk: 'string', gridUnitId: 'string' } as const;
type FormShape = { q?: string; kind?: CheckpointKind; status?: CheckpointStatus; risk?: RiskLevel; gridUnitId?: string };

export default function CheckpointsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC);
  const query = useCheckpoints(url.apiQuery);
  const [creating, setCreating] = useState(false);
  const manage = can('checkpoints.manage');
  const grid = useGridTree();
  const paths = useMemo(() => gridPaths(grid.data ?? []), [grid.data]);

  const columns: TableColumnsType<Checkpoint> = [
    {
      title: t('checkpointsOps.fields.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortable<Checkpoint>(url, 'name'),
      render: (v: string, r) => (
        <div style={{ minWidth: 140 }}>
          <Link to={`/checkpoints/${r.id}`} data-testid={`checkpoint-link-${v}`}>
            <strong>{v}</strong>
          </Link>
          <div style={{ marginTop: 2 }}>
            <KindTag kind={r.kind} />
          </div>
        </div>
      ),
    },
    {
      title: t('checkpointsOps.fields.gridUnit'),
      key: 'grid',
      render: (_v, r) => {
        const path = r.gridUnitId ? paths.get(r.gridUnitId) : undefined;
        return (
          <div style={{ minWidth: 140 }}>
            <Tooltip title={path && path.length > 1 ? path.join(' / ') : undefined}>
              <span>{path ? path.slice(-2).join(' · ') : (r.gridUnitName ?? '-')}</span>
            </Tooltip>
            {r.location ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Ellipsis text={r.location} width={200} />
                </Typography.Text>
              </div>
            ) : null}
          </div>
        );
      },
    },
    { title: t('checkpointsOps.fields.status'), dataIndex: 'status', ...sortable<Checkpoint>(url, 'status'), render: (v: CheckpointStatus) => <CheckpointStatusTag status={v} /> },
    { title: t('checkpointsOps.fields.risk'), key: 'risk', render: (_v, r) => <CheckpointRisk risk={r.risk} testId={`checkpoint-risk-${r.name}`} /> },
    {
      title: t('checkpointsOps.list.today'),
      children: [
        {
          title: t('checkpointsOps.list.persons'),
          key: 'persons',
          align: 'right',
          render: (_v, r) => <span data-testid={`checkpoint-persons-${r.name}`}>{formatNumber(r.today.persons)}</span>,
        },
        { title: t('checkpointsOps.list.vehicles'), key: 'vehicles', align: 'right', render: (_v, r) => formatNumber(r.today.vehicles) },
      ],
    },
    {
      title: t('checkpointsOps.list.openCases'),
      key: 'cases',
      align: 'right',
      render: (_v, r) =>
        r.today.openCases > 0 ? (
          <Typography.Text type="danger" strong data-testid={`checkpoint-cases-${r.name}`}>
            {formatNumber(r.today.openCases)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    actionsColumn(t, (r) => (
      <Space size={0}>
        <Typography.Link onClick={() => void navigate(`/checkpoints/${r.id}`)} style={{ padding: '0 7px' }} data-testid={`checkpoint-view-${r.name}`}>
          {t('common.view')}
        </Typography.Link>
        <PdfButton type="link" size="small" path={checkpointPosterPath(r.id)} fallbackName={`${r.name}.pdf`} testId={`checkpoint-poster-${r.name}`}>
          {t('checkpointsOps.list.poster')}
        </PdfButton>
      </Space>
    )),
  ];

  const createButton = manage ? <CreateButton label={t('checkpointsOps.list.create')} onClick={() => setCreating(true)} /> : null;

  return (
    <ListPage
      title={t('checkpointsOps.list.title')}
      extra={
        <>
          <ExportButton path={`${BASE}/export.xlsx`} query={url.exportQuery} />
          {createButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('checkpointsOps.list.sub')}</Typography.Paragraph>
          <FilterBar<FormShape> url={url} searchPlaceholder={t('checkpointsOps.list.search')}>
            <Form.Item name="kind" style={{ minWidth: 150 }}>
              <Select allowClear placeholder={t('checkpointsOps.fields.kind')} options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`checkpointsOps.kinds.${k}`) }))} data-testid="filter-kind" />
            </Form.Item>
            <Form.Item name="status" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('checkpointsOps.fields.status')} options={CHECKPOINT_STATUSES.map((s) => ({ value: s, label: t(`checkpointsOps.status.${s}`) }))} data-testid="filter-status" />
            </Form.Item>
            <Form.Item name="risk" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('checkpointsOps.fields.risk')} options={RISK_LEVELS.map((s) => ({ value: s, label: t(`checkpointsOps.risks.${s}`) }))} data-testid="filter-risk" />
            </Form.Item>
            <Form.Item name="gridUnitId" style={{ minWidth: 200 }}>
              <GridTreeSelect testId="filter-grid" placeholder={t('checkpointsOps.fields.gridUnit')} />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="checkpoints-table"
        empty={{ title: t('checkpointsOps.list.empty'), description: t('checkpointsOps.list.emptyDesc'), action: createButton }}
      />
      {creating ? <CheckpointDialog onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/checkpoints/${c.id}`)} /> : null}
    </ListPage>
  );
}
