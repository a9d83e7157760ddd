// /services/apply/:itemId — an item's guide and what to prepare, then the form: contact, the
// item's fields, delivery. Saving makes the draft; materials are uploaded on the draft's page.
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, List, Row, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../../app/session';
import { useFormLayout, validateOrScroll } from '../../../../components/FormDialog';
import { ErrorState, PageSkeleton } from '../../../../components/PageStates';
import { useApiError } from '../../../../components/useApiError';
import { fileUrl, serviceItems } from '../../api';
import { DetailHeader } from '../../components/DetailHeader';
import { Markdown } from '../../components/Markdown';
import { CategoryTag, ItemFlags, Limits } from '../../display';
import { useCreateApplication } from '../api';
import { ContactFields, DeliveryFields } from '../components/ApplicantFields';
import { FieldInputs } from '../components/FieldInputs';
import { toApiForm } from '../helpers';

type Values = { applicant: { name: string; phone: string }; delivery: 'electronic' | 'mail' | 'pickup'; mailAddress?: string; form?: Record<string, unknown> };

export default function ApplyStartPage() {
  const { itemId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useApiError();
  const layout = useFormLayout(140);
  const query = serviceItems.useOne(itemId);
  const create = useCreateApplication();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  if (query.isPending) return <PageSkeleton rows={12} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  const allKeys = new Set(item.fields.map((f) => f.key));

  const save = async () => {
    const v = await validateOrScroll(form);
    if (v === null) return;
    setBusy(true);
    try {
      const app = await create.mutateAsync({
        itemId: item.id,
        applicantType: 'enterprise',
        enterpriseId: me.enterpriseId,
        applicant: { name: v.applicant.name.trim(), phone: v.applicant.phone.trim() },
        channel: 'online',
        delivery: v.delivery,
        mailAddress: v.delivery === 'mail' ? (v.mailAddress?.trim() ?? null) : null,
        form: toApiForm(item.fields, v.form ?? {}),
      });
      void message.success(t('applications.draftCreated'));
      void navigate(`/services/applications/${app.id}`, { replace: true });
    } catch (e) {
      setBusy(false);
      showError(e, form);
    }
  };

  return (
    <div>
      <DetailHeader
        back={{ to: '/services/apply', label: t('applications.applyTitle') }}
        crumb={item.name}
        title={t('applications.startTitle', { name: item.name })}
        meta={
          <>
            <Typography.Text type="secondary">{item.department}</Typography.Text>
            <CategoryTag category={item.category} />
            <ItemFlags item={item} empty={false} />
            <Typography.Text type="secondary">
              <Limits item={item} />
            </Typography.Text>
          </>
        }
      >
        <Steps size="small" current={0} style={{ marginTop: 16, maxWidth: 640 }} items={[{ title: t('applications.stepFill') }, { title: t('applications.stepUpload') }, { title: t('applications.stepSubmit') }]} />
      </DetailHeader>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('applications.guide')} style={{ marginBottom: 16 }} data-testid="apply-guide">
            <Markdown source={item.guide} testId="guide-view" empty={<Typography.Text type="secondary">{t('services.noGuide')}</Typography.Text>} />
          </Card>
          <Card title={t('applications.materialsNeeded')} data-testid="apply-materials-needed">
            <List
              size="small"
              dataSource={item.materials}
              locale={{ emptyText: t('services.noMaterials') }}
              renderItem={(m, i) => (
                <List.Item
                  extra={
                    m.templateFileId ? (
                      <Typography.Link href={fileUrl(m.templateFileId)} download={m.templateFileName ?? undefined} data-testid={`template-${m.key}`}>
                        <DownloadOutlined /> {t('services.downloadTemplate')}
                      </Typography.Link>
                    ) : null
                  }
                >
                  <div>
                    {i + 1}. {m.required ? <Tag color="red">{t('services.required')}</Tag> : <Tag>{t('services.optional')}</Tag>}
                    {m.name}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('applications.allowed', { types: m.fileTypes.map((f) => t(`fileTypes.${f}`)).join(t('common.listSeparator')) })}
                      {m.note ? ` · ${m.note}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('applications.formTitle')} data-testid="apply-form">
            <Typography.Paragraph type="secondary">{t('applications.startHint')}</Typography.Paragraph>
            <Form<Values> form={form} {...layout} initialValues={{ applicant: { name: me.displayName, phone: '' }, delivery: 'electronic' }}>
              <Typography.Title level={5}>{t('applications.contactTitle')}</Typography.Title>
              <ContactFields />
              <Typography.Title level={5}>{t('applications.fieldsTitle')}</Typography.Title>
              <FieldInputs fields={item.fields} editable={allKeys} />
              <Typography.Title level={5}>{t('applications.deliveryTitle')}</Typography.Title>
              <DeliveryFields />
              <Button type="primary" loading={busy} onClick={() => void save()} data-testid="apply-create" block>
                {t('applications.createDraft')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
