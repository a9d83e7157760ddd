// The materials of an application: each required or optional material of the item with its
// accepted types and template, the file uploaded for it (preview of images and PDF, download),
// upload / replace / remove while the applicant may change it, the officer's correction point
// beside it, and for the officer a "request correction" checkbox per material (under its file).
import { useRef, useState, type ReactNode } from 'react';
import { DeleteOutlined, DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Grid, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Application, ApplicationMaterial, CorrectionPoint, FileType } from '@shuangsheng/contracts';
import { useApiError } from '../../../../components/useApiError';
import { formatDateTime } from '../../../../lib/format';
import { fileUrl } from '../../api';
import { materialFileUrl, useRemoveMaterial, useUploadMaterial } from '../api';
import { acceptOf, formatSize, MAX_UPLOAD_BYTES, previewKind } from '../helpers';
import { CorrectionNote } from './FieldInputs';

type ItemMaterial = Application['item']['materials'][number];
export type Templates = Record<string, { fileId: string; name: string | null } | undefined>;

type Props = {
  app: Application;
  /** Material keys the user may upload to now. */
  uploadable: ReadonlySet<string>;
  /** Whether uploaded files may be removed (a draft). */
  removable: boolean;
  templates?: Templates;
  pointOf?: (key: string) => CorrectionPoint | undefined;
  /** The officer's correction checkbox, when a correction may be requested. */
  check?: (key: string) => ReactNode;
};

function UploadControl({ app, material }: { app: Application; material: ItemMaterial }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadMaterial(app.id);
  const [busy, setBusy] = useState(false);
  const has = app.materials.some((m) => m.key === material.key);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('applications.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      await upload.mutateAsync({ key: material.key, file });
      void message.success(t('applications.uploaded', { name: file.name }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={acceptOf(material.fileTypes)}
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
        data-testid={`apply-material-${material.key}`}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`apply-material-button-${material.key}`}>
        {busy ? t('applications.uploading') : has ? t('applications.replace') : t('applications.upload')}
      </Button>
    </>
  );
}

export function MaterialsTable({ app, uploadable, removable, templates = {}, pointOf, check }: Props) {
  const { t } = useTranslation();
  const showError = useApiError();
  const remove = useRemoveMaterial(app.id);
  const screens = Grid.useBreakpoint();
  const [preview, setPreview] = useState<ApplicationMaterial | null>(null);
  const byKey = new Map(app.materials.map((m) => [m.key, m]));
  const types = (list: readonly FileType[]) => list.map((f) => t(`fileTypes.${f}`)).join(t('common.listSeparator'));

  const columns: TableColumnsType<ItemMaterial> = [
    {
      title: t('services.materialName'),
      key: 'name',
      render: (_v, m, i) => {
        const tpl = templates[m.key];
        return (
          <div style={{ minWidth: 200, maxWidth: 340 }}>
            <span>{i + 1}. </span>
            {m.required ? <span style={{ color: '#ff4d4f', marginInlineEnd: 2 }}>*</span> : null}
            <Typography.Text strong={!!pointOf?.(m.key)}>{m.name}</Typography.Text>
            {m.note ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {m.note}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('applications.allowed', { types: types(m.fileTypes) })}
            </Typography.Text>
            {tpl ? (
              <Typography.Link href={fileUrl(tpl.fileId)} download={tpl.name ?? undefined} style={{ fontSize: 12 }} data-testid={`apply-template-${m.key}`}>
                <DownloadOutlined /> {t('applications.template')}
                {tpl.name ? `${t('common.colon')}${tpl.name}` : ''}
              </Typography.Link>
            ) : null}
            <CorrectionNote point={pointOf?.(m.key)} />
          </div>
        );
      },
    },
    {
      title: t('applications.uploadedFile'),
      key: 'file',
      render: (_v, m) => {
        const file = byKey.get(m.key);
        // The officer's correction checkbox sits under the file, so the table fits the card without scrolling.
        const checkbox = check ? <div style={{ marginTop: 4 }}>{check(m.key)}</div> : null;
        if (!file) {
          return (
            <>
              {m.required ? <Tag color="orange">{t('applications.notUploaded')}</Tag> : <Typography.Text type="secondary">{t('applications.notUploaded')}</Typography.Text>}
              {checkbox}
            </>
          );
        }
        const kind = previewKind(file.type);
        return (
          <div style={{ minWidth: 180, maxWidth: 280 }} data-testid={`app-material-file-${m.key}`}>
            <Typography.Text ellipsis style={{ maxWidth: 260, display: 'block' }} title={file.name}>
              {file.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatSize(file.size)} · {formatDateTime(file.uploadedAt)}
            </Typography.Text>
            <Space size={8} style={{ display: 'flex' }}>
              {kind ? (
                <Typography.Link onClick={() => setPreview(file)} data-testid={`material-preview-${m.key}`}>
                  <EyeOutlined /> {t('applications.preview')}
                </Typography.Link>
              ) : null}
              <Typography.Link href={materialFileUrl(app.id, file.id)} download={file.name} data-testid={`material-download-${m.key}`}>
                <DownloadOutlined /> {t('applications.download')}
              </Typography.Link>
            </Space>
            {checkbox}
          </div>
        );
      },
    },
  ];
  if (uploadable.size || removable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, m) => {
        const file = byKey.get(m.key);
        return (
          <Space size={8} wrap={false}>
            {uploadable.has(m.key) ? <UploadControl app={app} material={m} /> : null}
            {removable && file ? (
              <Popconfirm
                title={t('applications.removeMaterialConfirm', { name: file.name })}
                okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' } as never}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(file.id).then(() => undefined, (e: unknown) => showError(e))}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('applications.removeMaterial')} data-testid={`material-remove-${m.key}`} />
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    });
  }

  const kind = preview ? previewKind(preview.type) : null;
  return (
    <>
      <Table<ItemMaterial>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={app.item.materials}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="app-materials"
        onRow={(m) => ({ 'data-testid': `app-material-${m.key}`, style: pointOf?.(m.key) ? { background: '#fff7e6' } : undefined }) as never}
        locale={{ emptyText: t('services.noMaterials') }}
      />
      <Drawer
        open={!!preview}
        onClose={() => setPreview(null)}
        size={screens.md ? 820 : '100%'}
        title={preview ? t('workbench.apps.previewTitle', { name: preview.name }) : ''}
        destroyOnHidden
        extra={
          preview ? (
            <Button icon={<DownloadOutlined />} href={materialFileUrl(app.id, preview.id)} download={preview.name}>
              {t('applications.download')}
            </Button>
          ) : null
        }
        data-testid="material-preview"
      >
        {preview && kind === 'image' ? (
          <img src={materialFileUrl(app.id, preview.id, true)} alt={preview.name} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} data-testid="material-preview-image" />
        ) : preview && kind === 'pdf' ? (
          <iframe src={materialFileUrl(app.id, preview.id, true)} title={preview.name} style={{ width: '100%', height: 'calc(100vh - 140px)', border: 0 }} data-testid="material-preview-pdf" />
        ) : preview ? (
          <Typography.Text type="secondary">{t('applications.noPreview')}</Typography.Text>
        ) : null}
      </Drawer>
    </>
  );
}
