// 帮办代办: key construction projects under free agency service, with the stage each is in;
// search, filters (stage, agent, park), sort, paging, Excel export; 新建 for agency writers.
// Enterprise users see their own enterprise's projects, read-only.
import { useState } from 'react';
import { Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { AGENCY_STAGES, type AgencyCase } from '@shuangsheng/contracts';
import { useCan } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { CreateButton, FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { actionsColumn } from '../../../../components/RowActions';
import { ParkSelect } from '../../../../components/pickers';
import { useLang } from '../../../../i18n';
import { formatFen } from '../../../../lib/format';
import { useUrlList } from '../../../../lib/url-filters';
import { agencyCases } from '../api';
import { AgentSelect, CurrentStageTag } from '../display';
import { CaseDialog } from './AgencyCasePage';

const SPEC = { q: 'string', stage: 'string', agentId: 'string', parkId: 'string' } as const;

export default function AgencyCasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const staff = can('services.agency.read');
  const writable = can('services.agency.write');
  const url = useUrlList(SPEC, { sort: 'createdAt:desc' });
  const query = agencyCases.useList(url.apiQuery);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<AgencyCase> = [
    {
      title: t('extras.agency.projectName'),
      dataIndex: 'projectName',
      ...sortable(url, 'projectName'),
      fixed: 'left',
      render: (v: string, c) => (
        <div style={{ minWidth: 200, maxWidth: 280 }}>
          <Link to={`/services/agency/${c.id}`} data-testid={`agency-link-${c.id}`}>
            {v}
          </Link>
          <div>
            <Tag color="green" style={{ marginTop: 4 }}>
              {t('extras.agency.free')}
            </Tag>
          </div>
        </div>
      ),
    },
    { title: t('extras.agency.enterprise'), dataIndex: 'enterpriseName', render: (v: string | null) => <div style={{ maxWidth: 220 }}>{v ?? '-'}</div> },
    { title: t('extras.agency.investment'), dataIndex: 'investmentFen', ...sortable(url, 'investmentFen'), align: 'right', render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatFen(v, lang)}</span> },
    { title: t('extras.agency.park'), dataIndex: 'parkName', render: (v: string | null) => v ?? '-' },
    { title: t('extras.agency.agent'), dataIndex: 'agentName', render: (v: string | null) => v ?? '-' },
    {
      title: t('extras.agency.currentStage'),
      dataIndex: 'currentStage',
      render: (v: AgencyCase['currentStage'], c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <CurrentStageTag stage={v} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.stages.filter((s) => s.status === 'done').length}/{c.stages.length}
          </Typography.Text>
        </span>
      ),
    },
    actionsColumn(t, (c) => (
      <Typography.Link onClick={() => void navigate(`/services/agency/${c.id}`)} data-testid={`agency-view-${c.id}`}>
        {t('common.view')}
      </Typography.Link>
    )),
  ];
  const createButton = writable ? <CreateButton onClick={() => setCreating(true)} label={t('extras.agency.create')} /> : null;
  return (
    <ListPage
      title={t('extras.agency.title')}
      extra={
        <>
          {staff ? <ExportButton path="/api/agency-cases/export.xlsx" query={url.exportQuery} /> : null}
          {createButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('extras.agency.sub')}</Typography.Paragraph>
          <FilterBar url={url} searchPlaceholder={t('extras.agency.search')}>
          <Form.Item name="stage" style={{ minWidth: 130 }}>
            <Select
              allowClear
              placeholder={t('extras.agency.stageFilter')}
              options={[...AGENCY_STAGES.map((s) => ({ value: s, label: t(`extras.stages.${s}`) })), { value: 'completed', label: t('extras.agency.completed') }]}
              data-testid="filter-stage"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          {staff ? (
            <>
              <Form.Item name="agentId" style={{ minWidth: 140 }}>
                <AgentSelect placeholder={t('extras.agency.agent')} testId="filter-agent" />
              </Form.Item>
              <Form.Item name="parkId" style={{ minWidth: 140 }}>
                <ParkSelect placeholder={t('extras.agency.park')} testId="filter-park" />
              </Form.Item>
            </>
          ) : null}
        </FilterBar>
        </>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="agency-table"
        empty={writable ? { title: t('extras.agency.empty'), description: t('extras.agency.emptyDesc'), action: createButton } : { title: staff ? t('extras.agency.empty') : t('extras.agency.emptyReadOnly') }}
      />
      {creating ? <CaseDialog agencyCase={null} onClose={() => setCreating(false)} onSaved={(c) => void navigate(`/services/agency/${c.id}`)} /> : null}
    </ListPage>
  );
}
