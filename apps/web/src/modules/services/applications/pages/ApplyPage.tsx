// 我要办: the items an enterprise can apply for online — search, category, paging — each with
// 办理, which opens its guide and the application form.
import { Button, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ServiceCategory, ServiceItem } from '@shuangsheng/contracts';
import { Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { actionsColumn } from '../../../../components/RowActions';
import { useUrlList } from '../../../../lib/url-filters';
import { serviceItems } from '../../api';
import { CategoryFilter } from '../../components/CategoryFilter';
import { CategoryTag, ItemFlags, Limits } from '../../display';

const SPEC = { q: 'string', category: 'string' } as const;

export default function ApplyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const url = useUrlList(SPEC, { sort: 'code:asc' });
  const query = serviceItems.useList({ ...url.apiQuery, onlineEnabled: true, applicantType: 'enterprise' });

  const columns: TableColumnsType<ServiceItem> = [
    { title: t('services.code'), dataIndex: 'code', ...sortable(url, 'code'), render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</span> },
    {
      title: t('services.name'),
      dataIndex: 'name',
      ...sortable(url, 'name'),
      render: (v: string, item) => (
        <div style={{ minWidth: 180, maxWidth: 260 }}>
          <Link to={`/services/apply/${item.id}`}>{v}</Link>
          <div style={{ marginTop: 4 }}>
            <ItemFlags item={item} empty={false} />
          </div>
        </div>
      ),
    },
    { title: t('services.department'), dataIndex: 'department', render: (v: string) => <Ellipsis width={140} text={v} /> },
    { title: t('services.category'), dataIndex: 'category', render: (v: ServiceCategory) => <CategoryTag category={v} wrap /> },
    {
      title: t('services.limits'),
      key: 'limits',
      render: (_v, item) => (
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          <Limits item={item} />
        </Typography.Text>
      ),
    },
    actionsColumn(t, (item) => (
      <Button type="primary" size="small" onClick={() => void navigate(`/services/apply/${item.id}`)} data-testid={`apply-item-${item.code}`}>
        {t('applications.applyAction')}
      </Button>
    )),
  ];

  return (
    <ListPage
      title={t('applications.applyTitle')}
      extra={<Button onClick={() => void navigate('/services/applications')}>{t('menu.myApplications')}</Button>}
      filters={
        <FilterBar url={url} searchPlaceholder={t('applications.applySearch')}>
          <CategoryFilter />
        </FilterBar>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('applications.applySub')}
      </Typography.Paragraph>
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="apply-item-table" empty={{ title: t('applications.applyEmpty') }} />
    </ListPage>
  );
}
