// 我的办件: the applicant's applications — search, status, submitted dates, paging, sort —
// with status tags and due dates. Officers who open it see the zone's (and can export).
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { APPLICATION_STATUSES, type ApplicationSummary } from '@shuangsheng/contracts';
import { useCan } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { actionsColumn } from '../../../../components/RowActions';
import { formatDateTime } from '../../../../lib/format';
import { useUrlList } from '../../../../lib/url-filters';
import { APPLICATIONS, useApplications } from '../api';
import { AppStatusTag, DueTag } from '../components/display';
import { DateRange, fromRange, toRange, type Range } from '../components/filters';

const SPEC = { q: 'string', status: 'string', from: 'string', to: 'string' } as const;
type FormShape = { q?: string; status?: string; range?: Range };

export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const url = useUrlList(SPEC, { sort: 'updatedAt:desc' });
  const query = useApplications(url.apiQuery);
  const { from, to, ...rest } = url.filters;

  const columns: TableColumnsType<ApplicationSummary> = [
    {
      title: t('applications.number'),
      dataIndex: 'number',
      ...sortable(url, 'number'),
      render: (v: string | null, a) => (
        <Link to={`/services/applications/${a.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={`app-link-${v ?? a.id}`}>
          {v ?? t('applications.statuses.draft')}
        </Link>
      ),
    },
    { title: t('applications.item'), dataIndex: 'itemName', render: (v: string) => <Ellipsis width={220} text={v} /> },
    { title: t('applications.department'), dataIndex: 'department', render: (v: string) => <Ellipsis width={140} text={v} /> },
    { title: t('applications.status'), dataIndex: 'status', ...sortable(url, 'status'), render: (v: ApplicationSummary['status']) => <AppStatusTag status={v} /> },
    { title: t('applications.dueDate'), dataIndex: 'dueDate', ...sortable(url, 'dueDate'), render: (_v, a) => <DueTag dueDate={a.dueDate} dueState={a.dueState} /> },
    { title: t('applications.submittedAt'), dataIndex: 'submittedAt', ...sortable(url, 'submittedAt'), render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    { title: t('applications.updatedAt'), dataIndex: 'updatedAt', ...sortable(url, 'updatedAt'), render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
    actionsColumn(t, (a) => (
      <Button type="link" size="small" onClick={() => void navigate(`/services/applications/${a.id}`)} data-testid={`app-view-${a.number ?? a.id}`}>
        {t('common.view')}
      </Button>
    )),
  ];

  const apply = can('services.apply') ? (
    <Button type="primary" onClick={() => void navigate('/services/apply')} data-testid="list-create">
      {t('applications.goApply')}
    </Button>
  ) : null;

  return (
    <ListPage
      title={t('applications.title')}
      extra={
        <>
          {can('services.handle') ? <ExportButton path={`${APPLICATIONS}/export.xlsx`} query={url.exportQuery} /> : null}
          {apply}
        </>
      }
      filters={
        <FilterBar<FormShape>
          values={{ ...rest, range: toRange(from, to) }}
          onSearch={({ range, ...v }) => url.setFilters({ ...v, ...fromRange(range) })}
          onReset={url.reset}
          searchPlaceholder={t('applications.searchPlaceholder')}
        >
          <Form.Item name="status" style={{ minWidth: 130 }}>
            <Select
              allowClear
              placeholder={t('applications.status')}
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.statuses.${s}`) }))}
              data-testid="filter-status"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="range">
            <DateRange testId="filter-dates" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="application-table"
        empty={{ title: t('applications.empty'), description: t('applications.emptyDesc'), action: apply }}
      />
    </ListPage>
  );
}
