// 事项清单 The service catalogue: search (code, name, department), filters (category, department,
// applicant type, online / fully electronic / agency), sort, paging; 新建, 导入 for catalogue
// keepers, 导出 Excel for every reader. Enterprise users read it to see what they can apply for.
import { Button, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { APPLICANT_TYPES, type ApplicantType, type ServiceCategory, type ServiceItem } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FlagSelect } from '../../../components/FlagSelect';
import { ImportButton } from '../../../components/ImportButton';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { actionsColumn } from '../../../components/RowActions';
import { useLang } from '../../../i18n';
import { useUrlList } from '../../../lib/url-filters';
import { serviceItems, useDepartments } from '../api';
import { CategoryFilter } from '../components/CategoryFilter';
import { Applicants, CategoryTag, ItemFlags, Limits } from '../display';

const SPEC = {
  q: 'string',
  category: 'string',
  department: 'string',
  applicantType: 'string',
  onlineEnabled: 'boolean',
  fullyElectronic: 'boolean',
  agencyEligible: 'boolean',
} as const;

export default function ServiceItemsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const lang = useLang();
  const navigate = useNavigate();
  const url = useUrlList(SPEC, { sort: 'code:asc' });
  const query = serviceItems.useList(url.apiQuery);
  const departments = useDepartments();
  const writable = can('services.catalogue.write');

  const columns: TableColumnsType<ServiceItem> = [
    {
      title: t('services.code'),
      dataIndex: 'code',
      ...sortable(url, 'code'),
      fixed: 'left',
      render: (v: string) => <span style={{ fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>{v}</span>,
    },
    {
      title: t('services.name'),
      dataIndex: 'name',
      ...sortable(url, 'name'),
      fixed: 'left',
      render: (v: string, item) => (
        <div style={{ minWidth: 170, maxWidth: 210 }}>
          <Link to={`/services/items/${item.id}`} data-testid={`item-link-${item.code}`}>
            {v}
          </Link>
          <div style={{ marginTop: 4 }}>
            <ItemFlags item={item} empty={false} />
          </div>
        </div>
      ),
    },
    { title: t('services.department'), dataIndex: 'department', ...sortable(url, 'department'), render: (v: string) => <Ellipsis width={112} text={v} /> },
    { title: t('services.category'), dataIndex: 'category', render: (v: ServiceCategory) => <CategoryTag category={v} wrap /> },
    { title: t('services.applicantTypes'), dataIndex: 'applicantTypes', render: (v: ApplicantType[]) => <Applicants types={v} /> },
    {
      title: t('services.limits'),
      dataIndex: 'promisedDays',
      ...sortable(url, 'promisedDays'),
      render: (_v: number, item) => (
        <Typography.Text style={lang === 'zh-CN' ? { whiteSpace: 'nowrap' } : { display: 'inline-block', minWidth: 110, maxWidth: 150 }}>
          <Limits item={item} />
        </Typography.Text>
      ),
    },
    actionsColumn(t, (item) => (
      <>
        <Button type="link" size="small" onClick={() => void navigate(`/services/items/${item.id}`)} data-testid={`item-view-${item.code}`}>
          {t('common.view')}
        </Button>
        {writable ? (
          <Button type="link" size="small" onClick={() => void navigate(`/services/items/${item.id}/edit`)} data-testid={`item-edit-${item.code}`}>
            {t('common.edit')}
          </Button>
        ) : null}
      </>
    )),
  ];

  const createButton = writable ? <CreateButton onClick={() => void navigate('/services/items/new')} /> : null;
  const importButton = writable ? <ImportButton to="/services/items/import" /> : null;

  return (
    <ListPage
      title={t('services.title')}
      extra={
        <>
          <ExportButton path="/api/service-items/export.xlsx" query={url.exportQuery} />
          {importButton}
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('services.searchPlaceholder')}>
          <CategoryFilter minWidth={130} />
          <Form.Item name="department" style={{ minWidth: 150 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              placeholder={t('services.department')}
              options={(departments.data ?? []).map((d) => ({ value: d, label: d }))}
              data-testid="filter-department"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="applicantType" style={{ minWidth: 110 }}>
            <Select
              allowClear
              placeholder={t('services.applicantTypes')}
              options={APPLICANT_TYPES.map((a) => ({ value: a, label: t(`applicantTypes.${a}`) }))}
              data-testid="filter-applicant-type"
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item name="onlineEnabled" style={{ minWidth: 110 }}>
            <FlagSelect placeholder={t('services.onlineEnabled')} testId="filter-online" />
          </Form.Item>
          <Form.Item name="fullyElectronic" style={{ minWidth: 120 }}>
            <FlagSelect placeholder={t('services.fullyElectronic')} testId="filter-fully-electronic" />
          </Form.Item>
          <Form.Item name="agencyEligible" style={{ minWidth: 110 }}>
            <FlagSelect placeholder={t('services.agencyEligible')} testId="filter-agency" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable
        query={query}
        url={url}
        columns={columns}
        rowKey="id"
        testId="service-item-table"
        empty={
          writable
            ? { title: t('services.empty'), description: t('services.emptyDesc'), action: <>{importButton} {createButton}</> }
            : { title: t('services.emptyReadOnly') }
        }
      />
    </ListPage>
  );
}
