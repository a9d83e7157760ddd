// One round (巡查批次): its coverage — parks, buildings and enterprises inspected of those in scope,
// as "n / d" with the rate — refreshed every 15 s while inspectors submit; the task of each park
// with its inspector and status (missed ones red); the findings it raised; 结束批次 / 重新开启.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useRowAction } from '../../../components/RowActions';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { DetailHeader } from '../../services/components/DetailHeader';
import { useRound, useRoundAction, useRoundTasks, type Round, type Task } from './api';
import { CoverageFigure, RoundStatusTag, TaskStatusTag } from './display';

export default function RoundPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const query = useRound(id);
  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <div>
      <DetailHeader
        back={{ to: '/inspections/rounds', label: t('inspectionsAdmin.rounds.title') }}
        crumb={r.name}
        title={r.name}
        titleTestId="round-title"
        meta={
          <>
            <span data-testid="round-status" data-status={r.status}>
              <RoundStatusTag status={r.status} />
            </span>
            <Typography.Text type="secondary">
              {t('inspectionsAdmin.rounds.date')}
              {t('common.colon')}
              {r.roundDate}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('inspectionsAdmin.common.template')}
              {t('common.colon')}
              <Link to={`/inspections/templates/${r.templateId}?version=${r.templateVersion}`}>
                {r.templateName} · {t('inspectionsAdmin.common.version', { version: r.templateVersion })}
              </Link>
            </Typography.Text>
          </>
        }
        actions={<RoundActions round={r} />}
      />
      <Coverage round={r} updatedAt={query.dataUpdatedAt} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      <Tasks round={r} />
    </div>
  );
}

function RoundActions({ round }: { round: Round }) {
  const { t } = useTranslation();
  const can = useCan();
  const act = useRoundAction();
  const run = useRowAction();
  if (!can('inspections.manage')) return null;
  const action = round.status === 'open' ? 'close' : 'reopen';
  const pending = round.tasks.total - round.tasks.submitted;
  return (
    <Space wrap>
      <Link to={`/inspections/ledger?roundId=${round.id}`}>
        <Button>{t('inspectionsAdmin.round.findings')}</Button>
      </Link>
      <Popconfirm
        title={t(`inspectionsAdmin.round.${action}Confirm`, { name: round.name })}
        description={action === 'close' && pending > 0 ? t('inspectionsAdmin.round.closePending', { count: pending }) : t(`inspectionsAdmin.round.${action}Hint`)}
        okText={t(`inspectionsAdmin.round.${action}`)}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': `round-${action}-confirm` }}
        onConfirm={() => run(act.mutateAsync({ id: round.id, action }), t(`inspectionsAdmin.round.${action}Done`))}
      >
        <Button type={action === 'close' ? 'primary' : 'default'} loading={act.isPending} data-testid={`round-${action}`}>
          {t(`inspectionsAdmin.round.${action}`)}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function Coverage({ round, updatedAt, fetching, onRefresh }: { round: Round; updatedAt: number; fetching: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const c = round.coverage;
  return (
    <Card
      title={t('inspectionsAdmin.round.coverage')}
      style={{ marginBottom: 16 }}
      data-testid="round-coverage"
      extra={
        <Space size={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {round.status === 'open' ? t('inspectionsAdmin.round.live', { time: formatDateTime(updatedAt) }) : t('inspectionsAdmin.round.asOf', { time: formatDateTime(updatedAt) })}
          </Typography.Text>
          <Button size="small" icon={<ReloadOutlined spin={fetching} />} onClick={onRefresh} aria-label={t('inspectionsAdmin.round.refresh')} data-testid="round-refresh" />
        </Space>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} sm={12} lg={6}>
          <CoverageFigure ratio={c.parks} label={t('inspectionsAdmin.round.parksCovered')} testId="round-coverage-parks" color="#1d4ed8" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CoverageFigure ratio={c.buildings} label={t('inspectionsAdmin.round.buildingsCovered')} testId="round-coverage-buildings" color="#13a8a8" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CoverageFigure ratio={c.enterprises} label={t('inspectionsAdmin.round.enterprisesCovered')} testId="round-coverage-enterprises" color="#722ed1" />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <CoverageFigure
            ratio={{ numerator: round.tasks.submitted, denominator: round.tasks.total, value: round.tasks.total ? round.tasks.submitted / round.tasks.total : null }}
            label={t('inspectionsAdmin.round.tasksSubmitted')}
            testId="round-tasks-submitted"
            color="#389e0d"
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('inspectionsAdmin.round.coverageDef')}
      </Typography.Paragraph>
    </Card>
  );
}

function Tasks({ round }: { round: Round }) {
  const { t } = useTranslation();
  const query = useRoundTasks(round.id);
  const columns: TableColumnsType<Task> = [
    { title: t('inspectionsAdmin.common.park'), dataIndex: 'parkName', fixed: 'left', render: (v: string) => <strong>{v}</strong> },
    {
      title: t('inspectionsAdmin.common.inspector'),
      dataIndex: 'inspector',
      render: (v: Task['inspector']) => v?.name ?? <Typography.Text type="warning">{t('inspectionsAdmin.common.noInspector')}</Typography.Text>,
    },
    {
      title: t('inspectionsAdmin.common.status'),
      dataIndex: 'status',
      render: (v: Task['status'], task) => (
        <span data-testid={`round-task-status-${task.parkName}`} data-status={v} data-missed={task.missed ? 'true' : 'false'}>
          <TaskStatusTag status={v} missed={task.missed} />
        </span>
      ),
    },
    { title: t('inspectionsAdmin.round.answered'), dataIndex: 'answered', align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: t('inspectionsAdmin.round.failed'),
      dataIndex: 'failed',
      align: 'right',
      render: (v: number) => (v ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{formatNumber(v)}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    { title: t('inspectionsAdmin.round.startedAt'), dataIndex: 'startedAt', render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('inspectionsAdmin.round.submittedAt'), dataIndex: 'submittedAt', render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    {
      title: t('inspectionsAdmin.round.policiesExplained'),
      dataIndex: 'policiesExplained',
      render: (v: string | null, task) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 240 }} data-testid={`round-task-policies-${task.parkName}`}>
            {v}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, task) => (
        <Link to={`/inspections/tasks/${task.id}`} data-testid={`round-task-view-${task.parkName}`}>
          {t('inspectionsAdmin.round.viewRecord')}
        </Link>
      ),
    },
  ];
  return (
    <Card title={t('inspectionsAdmin.round.tasks', { count: round.tasks.total })} styles={{ body: { padding: 0 } }}>
      {query.isError && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Task>
          size="middle"
          rowKey="id"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="round-tasks"
        />
      )}
    </Card>
  );
}
