// The contact person and the delivery of the result, shared by the new-application form and a draft.
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { DELIVERIES, PHONE_RE } from '@shuangsheng/contracts';

export function ContactFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={['applicant', 'name']} label={t('applications.contactName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('applications.contactName') }) }]}>
        <Input maxLength={50} disabled={disabled} data-testid="apply-contact-name" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'phone']}
        label={t('applications.contactPhone')}
        extra={t('applications.contactHint')}
        rules={[
          { required: true, message: t('common.required', { field: t('applications.contactPhone') }) },
          { pattern: PHONE_RE, message: t('common.phoneInvalid') },
        ]}
      >
        <Input maxLength={20} inputMode="tel" disabled={disabled} data-testid="apply-contact-phone" />
      </Form.Item>
    </>
  );
}

export function DeliveryFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const delivery = Form.useWatch('delivery') as string | undefined;
  return (
    <>
      <Form.Item name="delivery" label={t('applications.delivery')} rules={[{ required: true }]}>
        <Radio.Group disabled={disabled} data-testid="apply-delivery" options={DELIVERIES.map((d) => ({ value: d, label: t(`applications.deliveries.${d}`) }))} />
      </Form.Item>
      {delivery === 'mail' ? (
        <Form.Item name="mailAddress" label={t('applications.mailAddress')} rules={[{ required: true, whitespace: true, message: t('applications.mailAddressRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} disabled={disabled} data-testid="apply-mail-address" />
        </Form.Item>
      ) : null}
    </>
  );
}
