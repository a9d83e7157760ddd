// 现场核查: the on-site checks of a plan (date, inspector, findings, passed, photos) and the
// dialog that records one; photos are uploaded to the plan first (JPEG or PNG).
import { useState } from 'react';
import { Empty, Form, Image, Input, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@shuangsheng/contracts';
import { useSession } from '../../../../app/session';
import { FormDialog, useFormDialog } from '../../../../components/FormDialog';
import { formatDateTime, zoneDateOf } from '../../../../lib/format';
import { planFileUrl, useRecordSiteCheck, type PlanFileRow } from '../api';
import { isFutureDay } from '../helpers';
import { IMAGE_ACCEPT, PlanFilesField } from './PlanFilesField';
import { DayPicker } from './DayPicker';

export function SiteCheckList({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  if (!plan.siteChecks.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resumptionFiling.check.none')} data-testid="site-checks-empty" />;
  return (
    <div data-testid="site-checks">
      {plan.siteChecks.map((c, i) => (
        <div key={c.id} data-testid="site-check" style={{ padding: '12px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}>
          <Space size={8} wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>{c.checkDate}</Typography.Text>
            <Tag color={c.passed ? 'success' : 'error'} data-testid="site-check-passed" data-passed={c.passed ? 'true' : 'false'}>
              {c.passed ? t('resumptionFiling.check.passed') : t('resumptionFiling.check.failed')}
            </Tag>
            <Typography.Text type="secondary">
              {t('resumptionFiling.check.inspector')}
              {t('common.colon')}
              {c.inspectorName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(c.createdAt)}
            </Typography.Text>
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.findings}</div>
          {c.photos.length ? (
            <Image.PreviewGroup>
              <Space size={8} wrap style={{ marginTop: 8 }}>
                {c.photos.map((ph) => (
                  <Image key={ph.id} src={planFileUrl(plan.id, ph.id)} alt={ph.name} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : null}
        </div>
      ))}
    </div>
  );
}

type Values = { checkDate: Dayjs; inspectorName: string; findings: string; passed: boolean; photoFileIds: string[] };

export function SiteCheckDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const record = useRecordSiteCheck(plan.id);
  const [files, setFiles] = useState<PlanFileRow[]>(plan.files);
  const today = zoneDateOf(Date.now());
  const { form, dialog } = useFormDialog<Values>({
    creating: true,
    onClose,
    save: (v) =>
      record.mutateAsync({
        checkDate: v.checkDate.format('YYYY-MM-DD'),
        inspectorName: v.inspectorName.trim(),
        findings: v.findings.trim(),
        passed: v.passed,
        photoFileIds: v.photoFileIds ?? [],
      }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionFiling.check.record')} submitText={t('resumptionFiling.check.save')} width={620}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ checkDate: dayjs(today), inspectorName: me.displayName, passed: true, photoFileIds: [] }}
        data-testid="site-check-form"
      >
        <Space size={16} wrap style={{ width: '100%' }}>
          <Form.Item
            name="checkDate"
            label={t('resumptionFiling.check.date')}
            rules={[
              { required: true, message: t('common.requiredSelect', { field: t('resumptionFiling.check.date') }) },
              { validator: (_r, v: Dayjs | null) => (v && isFutureDay(v, today) ? Promise.reject(new Error(t('resumptionFiling.edit.notFuture', { today }))) : Promise.resolve()) },
            ]}
          >
            <DayPicker notAfter={today} data-testid="site-check-date" />
          </Form.Item>
          <Form.Item name="inspectorName" label={t('resumptionFiling.check.inspector')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('resumptionFiling.check.inspector') }) }]}>
            <Input maxLength={100} data-testid="site-check-inspector" />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label={t('resumptionFiling.check.findings')} rules={[{ required: true, whitespace: true, min: 2, message: t('resumptionFiling.check.findingsRule') }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('resumptionFiling.check.findingsPlaceholder')} data-testid="site-check-findings" />
        </Form.Item>
        <Form.Item name="passed" label={t('resumptionFiling.check.result')}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="site-check-result">
            <Radio.Button value={true} data-testid="site-check-pass">
              {t('resumptionFiling.check.passed')}
            </Radio.Button>
            <Radio.Button value={false} data-testid="site-check-fail">
              {t('resumptionFiling.check.failed')}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="photoFileIds" label={t('resumptionFiling.check.photos')}>
          <PlanFilesField planId={plan.id} files={files} onUploaded={(f) => setFiles((all) => [...all, f])} accept={IMAGE_ACCEPT} testId="site-check-photos" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

