// /services/items/:id — a service item as the applicant sees it: name, department, time limits,
// who may apply, the materials (required marks, accepted types, template downloads), the
// information to fill in, and the online filing guide. Catalogue keepers edit or delete it here.
import { DeleteOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ServiceItem } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import { fileUrl, serviceItems } from '../api';
import { DetailHeader, HeaderCode } from '../components/DetailHeader';
import { FieldsPreview } from '../components/FieldsPreview';
import { Markdown } from '../components/Markdown';
import { Applicants, CategoryTag, ItemFlags } from '../display';

type Material = ServiceItem['materials'][number];

export default function ServiceItemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const query = serviceItems.useOne(id);
  const remove = serviceItems.useRemove();

  if (query.isPending) return <PageSkeleton rows={12} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const writable = can('services.catalogue.write');

  const del = async () => {
    try {
      await remove.mutateAsync(item.id);
      void message.success(t('services.deleted', { name: item.name }));
      void navigate('/services/items', { replace: true });
    } catch (e) {
      showError(e);
    }
  };

  const materialColumns = [
    {
      title: t('services.materialName'),
      key: 'name',
      render: (_v: unknown, m: Material, i: number) => (
        <div style={{ minWidth: 180 }}>
          <Space size={4} align="start">
            <span>{i + 1}.</span>
            <span>
              {m.required ? (
                <span style={{ color: '#ff4d4f', marginInlineEnd: 2 }} aria-label={t('services.requiredMark')} title={t('services.requiredMark')}>
                  *
                </span>
              ) : null}
              {m.name}
              {m.note ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {m.note}
                </Typography.Text>
              ) : null}
            </span>
          </Space>
        </div>
      ),
    },
    {
      title: t('services.materialRequired'),
      dataIndex: 'required',
      render: (v: boolean) => (v ? <Tag color="red">{t('services.required')}</Tag> : <Tag>{t('services.optional')}</Tag>),
    },
    {
      title: t('services.allowedTypes'),
      dataIndex: 'fileTypes',
      render: (v: Material['fileTypes']) => (
        <Space size={4} wrap>
          {v.map((f) => (
            <Tag key={f} style={{ marginInlineEnd: 0 }}>
              {t(`fileTypes.${f}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('services.template'),
      key: 'template',
      render: (_v: unknown, m: Material) =>
        m.templateFileId ? (
          <Typography.Link href={fileUrl(m.templateFileId)} download={m.templateFileName ?? undefined} data-testid={`template-${m.key}`} style={{ whiteSpace: 'nowrap' }}>
            <DownloadOutlined /> {m.templateFileName ?? t('services.downloadTemplate')}
          </Typography.Link>
        ) : (
          <Typography.Text type="secondary">{t('services.noTemplate')}</Typography.Text>
        ),
    },
  ];

  return (
    <div>
      <DetailHeader
        back={{ to: '/services/items', label: t('services.title') }}
        crumb={item.name}
        title={item.name}
        titleTestId="item-title"
        meta={
          <>
            <HeaderCode label={t('services.code')} code={item.code} testId="item-detail-code" />
            <CategoryTag category={item.category} />
            <ItemFlags item={item} empty={false} />
          </>
        }
        actions={
          writable ? (
            <Space>
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/services/items/${item.id}/edit`)} data-testid="item-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('common.deleteConfirmTitle', { name: item.name })}
                description={t('common.deleteConfirmDesc')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: remove.isPending, 'data-testid': 'confirm-delete' } as never}
                onConfirm={() => del()}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="item-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      >
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'department', label: t('services.department'), children: item.department },
            { key: 'who', label: t('services.whoMayApply'), children: <Applicants types={item.applicantTypes} /> },
            { key: 'category', label: t('services.category'), children: t(`serviceCategories.${item.category}`) },
            { key: 'legal', label: t('services.legalDays'), children: <span data-testid="item-legal">{t('services.daysValue', { count: item.legalDays })}</span> },
            {
              key: 'promised',
              label: t('services.promisedDays'),
              children: (
                <Typography.Text strong data-testid="item-promised">
                  {t('services.daysValue', { count: item.promisedDays })}
                </Typography.Text>
              ),
            },
            { key: 'licence', label: t('services.licence'), children: item.licenceName ?? <Typography.Text type="secondary">{t('services.noLicence')}</Typography.Text> },
            { key: 'online', label: t('services.onlineEnabled'), children: item.onlineEnabled ? t('common.yes') : t('common.no') },
            { key: 'electronic', label: t('services.fullyElectronic'), children: item.fullyElectronic ? t('common.yes') : t('common.no') },
            { key: 'agency', label: t('services.agencyEligible'), children: item.agencyEligible ? t('common.yes') : t('common.no') },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('services.updatedAt', { time: formatDateTime(item.updatedAt) })}
        </Typography.Text>
      </DetailHeader>

      <Card
        title={t('services.materialsTitle')}
        extra={item.materials.length ? <Typography.Text type="secondary">{t('services.materialsCount', { count: item.materials.length })}</Typography.Text> : null}
        style={{ marginBottom: 16 }}
        data-testid="item-detail-materials"
      >
        {item.materials.length ? (
          <Table<Material> size="small" rowKey="key" pagination={false} dataSource={item.materials} columns={materialColumns} scroll={{ x: 'max-content' }} />
        ) : (
          <Typography.Text type="secondary">{t('services.noMaterials')}</Typography.Text>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('services.fieldsTitle')} data-testid="item-detail-fields" style={{ height: '100%' }}>
            <FieldsPreview fields={item.fields} empty={t('services.noFields')} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('services.guideTitle')} data-testid="item-detail-guide" style={{ height: '100%' }}>
            <Markdown source={item.guide} testId="guide-view" empty={<Typography.Text type="secondary">{t('services.noGuide')}</Typography.Text>} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
