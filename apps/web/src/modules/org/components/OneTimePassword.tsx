// A generated password, shown once with a copy button.
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function OneTimePassword({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      void message.success(t('common.copied'));
    } catch {
      void message.warning(t('common.copyFailed'));
    }
  };
  return (
    <Modal
      open
      title={t('users.generatedTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="password-once-close">
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('users.generatedDesc', { name })}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={password} style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="password-once" onFocus={(e) => e.target.select()} />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="password-once-copy">
          {t('common.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
