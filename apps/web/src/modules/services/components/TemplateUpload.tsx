// A material's template file (申请书样表): upload to the file store, show its name with a download
// link, replace or remove it. Bound to materials[i].templateFileId and .templateFileName.
import { useRef, useState } from 'react';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../components/useApiError';
import { fileUrl, uploadTemplate } from '../api';

export const TEMPLATE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png';

export function TemplateUpload({ index, testId }: { index: number; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const form = Form.useFormInstance();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const id = Form.useWatch(['materials', index, 'templateFileId'], form) as string | null | undefined;
  const name = Form.useWatch(['materials', index, 'templateFileName'], form) as string | null | undefined;

  const set = (fileId: string | null, fileName: string | null) => {
    form.setFieldValue(['materials', index, 'templateFileId'], fileId);
    form.setFieldValue(['materials', index, 'templateFileName'], fileName);
  };
  const send = async (file: File) => {
    setBusy(true);
    try {
      const stored = await uploadTemplate(file);
      set(stored.id, stored.name);
      void message.success(t('services.templateUploaded', { name: stored.name }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex align="center" gap={4} wrap style={{ minHeight: 32 }} data-testid={testId}>
      <input
        ref={input}
        type="file"
        accept={TEMPLATE_ACCEPT}
        style={{ display: 'none' }}
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void send(f);
        }}
      />
      {id ? (
        <>
          <PaperClipOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          <Typography.Link href={fileUrl(id)} download={name ?? undefined} ellipsis style={{ maxWidth: 220 }} data-testid={`${testId}-link`}>
            {name || t('services.downloadTemplate')}
          </Typography.Link>
          <Button size="small" type="link" loading={busy} onClick={() => input.current?.click()}>
            {t('services.replaceTemplate')}
          </Button>
          <Tooltip title={t('services.removeTemplate')}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('services.removeTemplate')} onClick={() => set(null, null)} data-testid={`${testId}-remove`} />
          </Tooltip>
        </>
      ) : (
        <Tooltip title={t('services.templateHint')}>
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`${testId}-upload`}>
            {t('services.uploadTemplate')}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
