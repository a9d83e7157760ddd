// 停工 and 恢复复工 of a resumed enterprise, by a reviewer: the date (today by default, never in
// the future) and the reason of a suspension, which the enterprise and its commissioner are told.
import { Alert, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EnterpriseResumption } from '@shuangsheng/contracts';
import { FormDialog, useFormDialog } from '../../../../components/FormDialog';
import { zoneDateOf } from '../../../../lib/format';
import { useEnterpriseAction } from '../api';
import { isFutureDay } from '../helpers';
import { DayPicker } from './DayPicker';

type Values = { date: Dayjs; reason?: string; comment?: string };

function useDateRule() {
  const { t } = useTranslation();
  const today = zoneDateOf(Date.now());
  return {
    today,
    rules: [
      { required: true, message: t('common.requiredSelect', { field: t('resumptionFiling.status.date') }) },
      { validator: (_r: unknown, v: Dayjs | null) => (v && isFutureDay(v, today) ? Promise.reject(new Error(t('resumptionFiling.edit.notFuture', { today }))) : Promise.resolve()) },
    ],
  };
}

export function SuspendDialog({ row, onClose }: { row: EnterpriseResumption; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useEnterpriseAction();
  const { today, rules } = useDateRule();
  const { form, dialog } = useFormDialog<Values>({
    creating: false,
    onClose,
    save: (v) => act.mutateAsync({ id: row.enterpriseId, action: 'suspend', body: { reason: (v.reason ?? '').trim(), date: v.date.format('YYYY-MM-DD') } }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionFiling.status.suspendTitle', { name: row.enterpriseName })} submitText={t('resumptionFiling.status.suspend')}>
      <Alert type="error" showIcon title={t('resumptionFiling.status.suspendHint')} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs(today) }} data-testid="suspend-form">
        <Form.Item name="date" label={t('resumptionFiling.status.suspendDate')} rules={rules}>
          <DayPicker notAfter={today} allowClear={false} data-testid="suspend-date" />
        </Form.Item>
        <Form.Item name="reason" label={t('resumptionFiling.status.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('resumptionFiling.decide.reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="suspend-reason" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

export function ResumeDialog({ row, onClose }: { row: EnterpriseResumption; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useEnterpriseAction();
  const { today, rules } = useDateRule();
  const { form, dialog } = useFormDialog<Values>({
    creating: false,
    onClose,
    save: (v) => act.mutateAsync({ id: row.enterpriseId, action: 'resume', body: { comment: v.comment?.trim() || null, date: v.date.format('YYYY-MM-DD') } }),
  });
  return (
    <FormDialog {...dialog} title={t('resumptionFiling.status.resumeTitle', { name: row.enterpriseName })} submitText={t('resumptionFiling.status.resume')}>
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs(today) }} data-testid="resume-form">
        <Form.Item name="date" label={t('resumptionFiling.status.resumeDate')} rules={rules}>
          <DayPicker notAfter={today} allowClear={false} data-testid="resume-date" />
        </Form.Item>
        <Form.Item name="comment" label={t('resumptionFiling.decide.comment')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="resume-comment" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
