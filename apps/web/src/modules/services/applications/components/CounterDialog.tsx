// 窗口收件: an officer records a walk-in (counter) or mail application for an enterprise from the
// registry or for a person; the draft opens for the fields and materials, then submit and accept.
import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isValidResidentId, type Application } from '@shuangsheng/contracts';
import { FormDialog, useFormDialog, useFormLayout } from '../../../../components/FormDialog';
import { EnterpriseSelect } from '../../../../components/pickers';
import { useCreateApplication } from '../api';
import { ContactFields, DeliveryFields } from './ApplicantFields';
import { ItemSelect } from './ItemSelect';

type Values = {
  itemId: string;
  channel: 'counter' | 'mail';
  applicantType: 'enterprise' | 'person';
  enterpriseId?: string;
  applicant: { name: string; phone: string; idNumber?: string };
  delivery: Application['delivery'];
  mailAddress?: string;
};

export function CounterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const layout = useFormLayout(110);
  const create = useCreateApplication();
  const { form, dialog } = useFormDialog<Values, Application>({
    creating: true,
    onClose,
    save: (v) =>
      create.mutateAsync({
        itemId: v.itemId,
        applicantType: v.applicantType,
        enterpriseId: v.applicantType === 'enterprise' ? (v.enterpriseId ?? null) : null,
        applicant: {
          name: v.applicant.name.trim(),
          phone: v.applicant.phone.trim(),
          idNumber: v.applicantType === 'person' && v.applicant.idNumber?.trim() ? v.applicant.idNumber.trim().toUpperCase() : null,
        },
        channel: v.channel,
        delivery: v.delivery,
        mailAddress: v.delivery === 'mail' ? (v.mailAddress?.trim() ?? null) : null,
        form: {},
      }),
    onSaved: (app) => void navigate(`/services/applications/${app.id}`),
  });
  const type = Form.useWatch('applicantType', form) as Values['applicantType'] | undefined;
  return (
    <FormDialog {...dialog} title={t('workbench.apps.counterTitle')} width={620} submitText={t('applications.createDraft')}>
      <Typography.Paragraph type="secondary">{t('workbench.apps.counterHint')}</Typography.Paragraph>
      <Form<Values> form={form} {...layout} initialValues={{ channel: 'counter', applicantType: 'enterprise', delivery: 'pickup' }}>
        <Form.Item name="itemId" label={t('workbench.apps.pickItem')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('workbench.apps.pickItem') }) }]}>
          <ItemSelect testId="counter-item" />
        </Form.Item>
        <Form.Item name="channel" label={t('applications.channel')}>
          <Radio.Group options={(['counter', 'mail'] as const).map((c) => ({ value: c, label: t(`applications.channels.${c}`) }))} data-testid="counter-channel" />
        </Form.Item>
        <Form.Item name="applicantType" label={t('applications.applicantType')}>
          <Radio.Group options={(['enterprise', 'person'] as const).map((a) => ({ value: a, label: t(`applicantTypes.${a}`) }))} data-testid="counter-applicant-type" />
        </Form.Item>
        {type !== 'person' ? (
          <Form.Item name="enterpriseId" label={t('workbench.apps.pickEnterprise')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('workbench.apps.pickEnterprise') }) }]}>
            <EnterpriseSelect testId="counter-enterprise" />
          </Form.Item>
        ) : null}
        <ContactFields />
        {type === 'person' ? (
          <Form.Item
            name={['applicant', 'idNumber']}
            label={t('applications.idNumber')}
            rules={[
              { required: true, message: t('common.required', { field: t('applications.idNumber') }) },
              { validator: (_r, v: string | undefined) => (!v || isValidResidentId(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('applications.idNumberInvalid')))) },
            ]}
          >
            <Input maxLength={18} data-testid="counter-id-number" />
          </Form.Item>
        ) : null}
        <DeliveryFields />
      </Form>
    </FormDialog>
  );
}
