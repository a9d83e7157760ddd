// 证照管理: the e-licences the zone issued — search, status, paging, 导出 Excel of what is
// filtered — with the application, the PDF and 注销 (with a reason, confirmed).
import { useState } from 'react';
import { Button, Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LICENCE_STATUSES, type Licence } from '@shuangsheng/contracts';
import { ExportButton } from '../../../../components/ExportButton';
import { Ellipsis, FilterBar, ListPage, ListTable } from '../../../../components/ListPage';
import { actionsColumn, useRowAction } from '../../../../components/RowActions';
import { useUrlList } from '../../../../lib/url-filters';
import { appUrl, useLicences, useRevokeLicence } from '../api';
import { ReasonDialog } from '../components/ActionDialogs';

const SPEC = { q: 'string', status: 'string' } as const;

export default function LicencesPage() {
  const { t } = useTranslation();
  const url = useUrlList(SPEC);
  const query = useLicences(url.apiQuery);
  const revoke = useRevokeLicence();
  const run = useRowAction();
  const [revoking, setRevoking] = useState<Licence | null>(null);

  const columns: TableColumnsType<Licence> = [
    {
      // The licence's name under its number: the table fits 1280 px with the status in sight.
      title: t('workbench.licences.numberColumn'),
      dataIndex: 'number',
      render: (v: string, l) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <span style={{ fontFamily: 'monospace' }}>{v}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            <Ellipsis width={150} text={l.licenceName} />
          </Typography.Text>
        </div>
      ),
    },
    { title: t('applications.holder'), dataIndex: 'holderName', render: (v: string) => <Ellipsis width={180} text={v} /> },
    { title: t('applications.item'), dataIndex: 'itemName', render: (v: string) => <Ellipsis width={180} text={v} /> },
    { title: t('applications.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('applications.licenceStatus'),
      dataIndex: 'status',
      render: (v: Licence['status'], l) => (
        <Tag color={v === 'valid' ? 'success' : 'error'} title={l.revokeReason ?? undefined} data-testid={`licence-status-${l.number}`}>
          {t(`applications.licenceStatuses.${v}`)}
        </Tag>
      ),
    },
    actionsColumn(t, (l) => (
      <>
        <Link to={`/services/applications/${l.applicationId}`} style={{ padding: '0 7px', whiteSpace: 'nowrap' }}>
          {t('workbench.licences.application')}
        </Link>
        <Button type="link" size="small" href={`${appUrl(l.applicationId)}/licence.pdf`} target="_blank" rel="noopener noreferrer" data-testid={`licence-pdf-${l.number}`}>
          {t('workbench.licences.pdf')}
        </Button>
        {l.status === 'valid' ? (
          <Button type="link" size="small" danger onClick={() => setRevoking(l)} data-testid={`licence-revoke-${l.number}`}>
            {t('workbench.apps.revokeLicence')}
          </Button>
        ) : null}
      </>
    )),
  ];

  return (
    <ListPage
      title={t('workbench.licences.title')}
      extra={<ExportButton path="/api/licences/export.xlsx" query={url.exportQuery} />}
      filters={
        <FilterBar url={url} searchPlaceholder={t('workbench.licences.searchPlaceholder')}>
          <Form.Item name="status" style={{ minWidth: 120 }}>
            <Select allowClear placeholder={t('applications.licenceStatus')} options={LICENCE_STATUSES.map((s) => ({ value: s, label: t(`applications.licenceStatuses.${s}`) }))} data-testid="filter-status" />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="licence-table" empty={{ title: t('workbench.licences.empty'), description: t('workbench.licences.emptyDesc') }} />
      <ReasonDialog
        open={!!revoking}
        title={t('workbench.licences.revokeTitle', { number: revoking?.number ?? '' })}
        hint={t('workbench.licences.revokeHint')}
        okText={t('workbench.apps.revokeLicence')}
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onSubmit={(reason) => void run(revoke.mutateAsync({ id: revoking!.id, reason }).then(() => setRevoking(null)), t('workbench.apps.revoked'))}
      />
    </ListPage>
  );
}
