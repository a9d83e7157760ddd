// A masked phone or ID (`138****5678`, as the server sends it) with a "show" action for holders
// of pii.reveal: the reason (≥ 4 characters) goes to the audit log with the reveal.
import { useState } from 'react';
import { EyeOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from './useApiError';

type Props = {
  masked: string | null | undefined;
  /** Omit when the user may not reveal. */
  onReveal?: (reason: string) => Promise<string | null>;
  testId?: string;
};

export function MaskedValue({ masked, onReveal, testId }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiError();

  if (!masked) return <span style={{ color: 'rgba(0,0,0,0.35)' }}>-</span>;
  if (full) {
    return (
      <Typography.Text copyable data-testid={testId ? `${testId}-full` : undefined}>
        {full}
      </Typography.Text>
    );
  }

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      const phone = await onReveal!(reason.trim());
      setFull(phone ?? t('reveal.noPhone'));
      setOpen(false);
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={4}>
      <span data-testid={testId}>{masked}</span>
      {onReveal ? (
        <Tooltip title={t('reveal.title')}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            aria-label={t('reveal.title')}
            onClick={() => setOpen(true)}
            data-testid={testId ? `${testId}-reveal` : undefined}
          />
        </Tooltip>
      ) : null}
      <Modal
        open={open}
        title={t('reveal.title')}
        okText={t('reveal.reveal')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'reveal-submit' }}
      >
        <Typography.Paragraph type="secondary">{t('reveal.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('reveal.reason')}
            rules={[{ required: true, whitespace: true, min: 4, message: t('reveal.reasonRule') }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('reveal.reasonPlaceholder')} data-testid="reveal-reason" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
