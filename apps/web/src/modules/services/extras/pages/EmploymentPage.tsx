// 就业登记: returning workers registered online. Officers (services.employment.read) see the zone
// with filters (enterprise, return dates, exact ID number or phone) and export; enterprise users
// see and upload their own. ID numbers and phones masked; holders of pii.reveal may show one
// person's with a reason, which is audited.
import { DatePicker, Form, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EmploymentRegistration } from '@shuangsheng/contracts';
import { useCan } from '../../../../app/session';
import { ExportButton } from '../../../../components/ExportButton';
import { ImportButton } from '../../../../components/ImportButton';
import { FilterBar, ListPage, ListTable, sortable } from '../../../../components/ListPage';
import { MaskedValue } from '../../../../components/MaskedValue';
import { EnterpriseSelect } from '../../../../components/pickers';
import { useUrlList } from '../../../../lib/url-filters';
import { registrations, revealPerson } from '../api';

const SPEC = { q: 'string', enterpriseId: 'string', returnedFrom: 'string', returnedTo: 'string' } as const;

export default function EmploymentPage() {
  const { t } = useTranslation();
  const can = useCan();
  const officer = can('services.employment.read');
  const uploader = can('services.apply');
  const reveal = can('pii.reveal');
  const url = useUrlList(SPEC, { sort: 'returnedOn:desc' });
  const query = registrations.useList(url.apiQuery);
  const shown = async (id: string, reason: string) => {
    const r = await revealPerson(id, reason);
    return t('extras.employment.revealed', r);
  };
  const columns: TableColumnsType<EmploymentRegistration> = [
    { title: t('extras.employment.name'), dataIndex: 'name', ...sortable(url, 'name'), fixed: 'left' },
    {
      title: t('extras.employment.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string, r) => <MaskedValue masked={v} onReveal={reveal ? (reason) => shown(r.id, reason) : undefined} testId={`reg-id-${r.id}`} />,
    },
    { title: t('extras.employment.phone'), dataIndex: 'phoneMasked', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    ...(officer ? [{ title: t('extras.employment.enterprise'), dataIndex: 'enterpriseName', render: (v: string | null) => <div style={{ maxWidth: 240 }}>{v ?? '-'}</div> }] : []),
    { title: t('extras.employment.returnedOn'), dataIndex: 'returnedOn', ...sortable(url, 'returnedOn') },
    { title: t('extras.employment.registeredOn'), dataIndex: 'registeredOn', ...sortable(url, 'registeredOn') },
  ];
  const range = url.filters.returnedFrom && url.filters.returnedTo ? [dayjs(url.filters.returnedFrom), dayjs(url.filters.returnedTo)] : null;
  const importButton = uploader ? <ImportButton to="/services/employment/import" /> : null;
  return (
    <ListPage
      title={t('extras.employment.title')}
      extra={
        <>
          <ExportButton path="/api/employment-registrations/export.xlsx" query={url.exportQuery} />
          {importButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('extras.employment.sub')}</Typography.Paragraph>
          <FilterBar
          values={{ ...url.filters, range }}
          onSearch={(v) => {
            const { range: r, ...rest } = v as typeof v & { range?: [dayjs.Dayjs, dayjs.Dayjs] | null };
            url.setFilters({ ...rest, returnedFrom: r?.[0]?.format('YYYY-MM-DD'), returnedTo: r?.[1]?.format('YYYY-MM-DD') });
          }}
          onReset={url.reset}
          searchPlaceholder={t('extras.employment.search')}
        >
          {officer ? (
            <Form.Item name="enterpriseId" style={{ minWidth: 220 }}>
              <EnterpriseSelect placeholder={t('extras.employment.enterprise')} testId="filter-enterprise" />
            </Form.Item>
          ) : null}
          <Form.Item name="range">
            <DatePicker.RangePicker placeholder={[t('extras.employment.returnedRange'), t('extras.common.to')]} data-testid="filter-returned" />
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
        testId="registration-table"
        empty={uploader ? { title: t('extras.employment.empty'), description: t('extras.employment.emptyDesc'), action: importButton } : { title: t('extras.employment.emptyReadOnly') }}
      />
    </ListPage>
  );
}
