// /checkpoints/risk — risk zoning (分区分级分类): the grid units as a tree with each unit's risk
// level (its own, or — dashed — the one it inherits from the nearest unit above), its control class
// and measures, since when, and how many checkpoints it holds. Counts per level on top (click to
// filter). 设定等级 (zone managers) opens a dialog with the class's standard measures filled in;
// 历史 shows every change with who, when and why. 导出 Excel: the units the page shows, each with
// the level it shows (inherited ones name their unit).
import { useMemo, useState } from 'react';
import { HistoryOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Drawer, Form, Grid, Input, Radio, Row, Select, Space, Table, Timeline, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTROL_CLASSES, RISK_LEVELS, type ControlClass, type RiskLevel } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { Ellipsis, FilterBar, ListPage } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useLang } from '../../../i18n';
import { formatDateTime, formatNumber, zoneDateOf } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, useRiskHistory, useRiskRows, useSetRisk, type RiskRow } from './api';
import { ControlClassTag, RiskLevelTag } from './display';
import { countLevels, defaultMeasures, flattenTree, isDefaultMeasures, riskTree, RISK_COLOR, suggestedClass, type RiskNode } from './helpers';

const SPEC = { q: 'string', risk: 'string' } as const;
type Node = RiskNode<RiskRow>;
type FormShape = { q?: string; risk?: RiskLevel | 'none' };
const LEVEL_FILTERS = [...RISK_LEVELS].reverse();

export default function RiskPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = useRiskRows();
  const [setting, setSetting] = useState<Node | null>(null);
  const [history, setHistory] = useState<RiskRow | null>(null);
  const manage = can('checkpoints.manage');
  const tree = useMemo(() => riskTree(query.data ?? []), [query.data]);
  const counts = useMemo(() => countLevels(tree), [tree]);
  const q = url.filters.q?.trim().toLowerCase();
  const level = url.filters.risk as RiskLevel | 'none' | undefined;
  const filtering = !!q || !!level;
  const shown = useMemo(() => {
    if (!filtering) return tree;
    return flattenTree(tree).filter(
      (n) => (!q || n.row.gridUnitName.toLowerCase().includes(q) || n.row.gridUnitCode.toLowerCase().includes(q)) && (!level || (n.effective?.level ?? 'none') === level),
    );
  }, [tree, filtering, q, level]);
  // The export filters as the page does: by the level a unit shows, inherited included (未定级: none).
  const exportQuery = { ...(url.filters.q?.trim() ? { q: url.filters.q.trim() } : {}), ...(level ? { shown: level } : {}) };

  const columns: TableColumnsType<Node> = [
    {
      title: t('checkpointsOps.risk.unit'),
      key: 'unit',
      render: (_v, n) => (
        <span data-testid={`risk-unit-${n.row.gridUnitName}`}>
          <Typography.Text strong>{n.row.gridUnitName}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
            {n.row.gridUnitCode} · {t(`gridLevels.${n.row.level}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('checkpointsOps.fields.risk'),
      key: 'level',
      render: (_v, n) =>
        n.effective ? (
          <span data-testid={`risk-level-${n.row.gridUnitName}`} data-level={n.effective.level} data-inherited={n.inherited ? 'true' : 'false'}>
            <RiskLevelTag level={n.effective.level} inherited={n.inherited} />
          </span>
        ) : (
          <Typography.Text type="secondary" data-testid={`risk-level-${n.row.gridUnitName}`} data-level="none">
            {t('checkpointsOps.risk.none')}
          </Typography.Text>
        ),
    },
    { title: t('checkpointsOps.risk.controlClass'), key: 'class', render: (_v, n) => (n.effective ? <ControlClassTag cls={n.effective.controlClass} /> : '-') },
    {
      title: t('checkpointsOps.risk.measures'),
      key: 'measures',
      render: (_v, n) =>
        n.effective ? (
          <Typography.Text type={n.inherited ? 'secondary' : undefined}>
            <Ellipsis text={n.effective.measures} width={300} />
          </Typography.Text>
        ) : (
          '-'
        ),
    },
    {
      title: t('checkpointsOps.risk.since'),
      key: 'since',
      render: (_v, n) => (n.row.risk ? <span style={{ whiteSpace: 'nowrap' }}>{n.row.risk.since}</span> : n.inherited ? <Typography.Text type="secondary">{t('checkpointsOps.risk.inherited')}</Typography.Text> : '-'),
    },
    { title: t('checkpointsOps.risk.checkpoints'), key: 'checkpoints', align: 'right', render: (_v, n) => formatNumber(n.row.checkpoints) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, n) => (
        <Space size={0}>
          {manage ? (
            <Button type="link" size="small" icon={<SettingOutlined />} onClick={() => setSetting(n)} data-testid={`risk-set-${n.row.gridUnitName}`}>
              {t('checkpointsOps.risk.set')}
            </Button>
          ) : null}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(n.row)} data-testid={`risk-history-${n.row.gridUnitName}`}>
            {t('checkpointsOps.risk.history')}
          </Button>
        </Space>
      ),
    },
  ];

  const body = query.isPending ? (
    <PageSkeleton />
  ) : query.isError ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  ) : !tree.length ? (
    <EmptyState title={t('checkpointsOps.risk.empty')} description={t('checkpointsOps.risk.emptyDesc')} />
  ) : (
    <Table<Node>
      size="middle"
      rowKey="key"
      columns={columns}
      dataSource={shown}
      data-testid="risk-table"
      pagination={false}
      scroll={{ x: 'max-content' }}
      sticky={{ offsetHeader: 56 }}
      expandable={filtering ? undefined : { defaultExpandAllRows: true }}
      locale={{ emptyText: <EmptyState title={t('common.noMatch')} /> }}
    />
  );

  return (
    <ListPage
      title={t('checkpointsOps.risk.title')}
      extra={<ExportButton path={`${BASE}/risk/export.xlsx`} query={exportQuery} />}
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('checkpointsOps.risk.sub')}</Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[...LEVEL_FILTERS, 'none' as const].map((l) => (
              <Col xs={12} md={6} key={l}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => url.setFilters({ ...url.filters, risk: level === l ? undefined : l })}
                  style={{ borderColor: level === l ? '#1677ff' : undefined, borderTop: `3px solid ${l === 'none' ? '#d9d9d9' : RISK_COLOR_HEX[l]}` }}
                  data-testid={`risk-count-${l}`}
                >
                  <Typography.Text type="secondary">{l === 'none' ? t('checkpointsOps.risk.none') : t(`checkpointsOps.risks.${l}`)}</Typography.Text>
                  <div style={{ fontSize: 22, fontWeight: 600 }} data-testid={`risk-count-${l}-value`}>
                    {formatNumber(counts[l])}
                  </div>
                </Card>
              </Col>
            ))}
          </Row>
          <FilterBar<FormShape> url={url} searchPlaceholder={t('checkpointsOps.risk.search')}>
            <Form.Item name="risk" style={{ minWidth: 140 }}>
              <Select
                allowClear
                placeholder={t('checkpointsOps.fields.risk')}
                options={[...LEVEL_FILTERS.map((l) => ({ value: l, label: t(`checkpointsOps.risks.${l}`) })), { value: 'none', label: t('checkpointsOps.risk.none') }]}
                data-testid="filter-risk"
              />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      {body}
      {setting ? <SetLevelDialog node={setting} onClose={() => setSetting(null)} /> : null}
      <HistoryDrawer row={history} onClose={() => setHistory(null)} />
    </ListPage>
  );
}

const RISK_COLOR_HEX: Record<RiskLevel, string> = { low: '#52c41a', medium: '#fa8c16', high: '#f5222d' };

type Values = { level: RiskLevel; controlClass: ControlClass; measures: string; since: Dayjs; reason: string };

/** 设定风险等级: level, control class (its standard measures filled in, editable), since, reason. */
function SetLevelDialog({ node, onClose }: { node: Node; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = useSetRisk();
  const own = node.row.risk;
  const start: RiskLevel = own?.level ?? node.effective?.level ?? 'low';
  const startClass = own?.controlClass ?? suggestedClass(start);
  const { form, dialog } = useFormDialog<Values>({
    creating: false,
    onClose,
    save: (v) =>
      set.mutateAsync({
        gridUnitId: node.row.gridUnitId,
        body: { level: v.level, controlClass: v.controlClass, measures: v.measures.trim(), since: v.since.format('YYYY-MM-DD'), reason: v.reason.trim() },
      }),
  });
  const onValues = (changed: Partial<Values>) => {
    // A new level suggests its usual class; a new class brings its standard measures unless they were reworded.
    if (changed.level && !form.isFieldTouched('controlClass')) {
      const cls = suggestedClass(changed.level);
      form.setFieldValue('controlClass', cls);
      if (isDefaultMeasures(form.getFieldValue('measures') as string)) form.setFieldValue('measures', defaultMeasures(cls, lang));
    }
    if (changed.controlClass && isDefaultMeasures(form.getFieldValue('measures') as string)) form.setFieldValue('measures', defaultMeasures(changed.controlClass, lang));
  };
  const cls = (Form.useWatch('controlClass', form) as ControlClass | undefined) ?? startClass;
  return (
    <FormDialog {...dialog} title={t('checkpointsOps.risk.setTitle', { name: node.row.gridUnitName })} width={640}>
      {node.inherited && node.effective ? (
        <Typography.Paragraph type="secondary">{t('checkpointsOps.risk.inheritsNow', { name: node.effective.gridUnitName, level: t(`checkpointsOps.risks.${node.effective.level}`) })}</Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={onValues}
        data-testid="risk-form"
        initialValues={{ level: start, controlClass: startClass, measures: own?.measures ?? defaultMeasures(startClass, lang), since: dayjs(zoneDateOf(Date.now())) }}
      >
        <Form.Item name="level" label={t('checkpointsOps.fields.risk')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="risk-form-level">
            {RISK_LEVELS.map((l) => (
              <Radio.Button key={l} value={l}>
                <span data-testid={`risk-form-level-${l}`}>
                  <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginInlineEnd: 6, background: RISK_COLOR_HEX[l], verticalAlign: 'middle' }} />
                  {t(`checkpointsOps.risks.${l}`)}
                </span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="controlClass" label={t('checkpointsOps.risk.controlClass')} rules={[{ required: true }]} extra={t('checkpointsOps.risk.classHint')}>
          <Select
            options={CONTROL_CLASSES.map((c) => ({ value: c, label: t(`checkpointsOps.classes.${c}`) }))}
            data-testid="risk-form-class"
            labelRender={() => <ControlClassTag cls={cls} />}
          />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('checkpointsOps.risk.measures')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.risk.measures') }) },
            { min: 2, message: t('checkpointsOps.common.min2') },
          ]}
          extra={
            <Typography.Link onClick={() => form.setFieldValue('measures', defaultMeasures(cls, lang))} data-testid="risk-form-default-measures">
              {t('checkpointsOps.risk.useDefault')}
            </Typography.Link>
          }
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="risk-form-measures" />
        </Form.Item>
        <Form.Item name="since" label={t('checkpointsOps.risk.since')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('checkpointsOps.risk.since') }) }]}>
          <DatePicker allowClear={false} style={{ width: 200 }} data-testid="risk-form-since" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('checkpointsOps.risk.reason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.risk.reason') }) },
            { min: 2, message: t('checkpointsOps.common.min2') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('checkpointsOps.risk.reasonPlaceholder')} data-testid="risk-form-reason" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Every level a unit has had, the latest first. */
function HistoryDrawer({ row, onClose }: { row: RiskRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useRiskHistory(row?.gridUnitId ?? null);
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.at - a.at);
  return (
    <Drawer open={!!row} onClose={onClose} title={row ? t('checkpointsOps.risk.historyTitle', { name: row.gridUnitName }) : ''} size={screens.md ? 520 : '100%'} destroyOnHidden data-testid="risk-history-drawer">
      {query.isPending ? (
        <PageSkeleton rows={4} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !items.length ? (
        <EmptyState title={t('checkpointsOps.risk.noHistory')} />
      ) : (
        <Timeline
          data-testid="risk-history"
          items={items.map((e) => ({
            key: e.id,
            color: RISK_COLOR[e.level],
            content: (
              <div data-testid="risk-history-entry" data-level={e.level}>
                <Space size={6} wrap>
                  <RiskLevelTag level={e.level} />
                  <ControlClassTag cls={e.controlClass} />
                  <Typography.Text type="secondary">{t('checkpointsOps.risk.sinceDate', { date: e.since })}</Typography.Text>
                </Space>
                <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{e.measures}</div>
                <div style={{ marginTop: 4 }}>
                  <Typography.Text type="secondary">{t('checkpointsOps.risk.reason')}{t('common.colon')}</Typography.Text>
                  {e.reason}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {e.actorName}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
