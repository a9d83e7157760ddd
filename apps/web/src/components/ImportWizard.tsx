// The import pattern (UX.md): download the template → upload → a dry run listing each bad row
// and column → confirm → progress → a result summary. Upload progress comes from XHR; while the
// server works, its progress is polled every 500 ms under a job id the client chose.
import { useEffect, useRef, useState } from 'react';
import { CheckCircleOutlined, DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Result, Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult } from '@shuangsheng/contracts';
import { api, ApiError, download, newJobId, upload } from '../api/client';
import { formatNumber } from '../lib/format';
import { useApiError } from './useApiError';

type ServerProgress = { phase: 'reading' | 'checking' | 'saving' | 'done'; processed: number; total: number };
type Phase = 'idle' | 'uploading' | 'processing' | 'errors' | 'ready' | 'importing' | 'done' | 'failed';

type Props = {
  templatePath: string;
  importPath: string;
  progressPath: (jobId: string) => string;
  backTo: { path: string; label: string };
  /** Called after rows were written, e.g. to refresh lists. */
  onImported?: () => void;
  /** What the template holds and how rows match existing records. */
  description?: string;
};

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportWizard({ templatePath, importPath, progressPath, backTo, onImported, description }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [server, setServer] = useState<ServerProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const poller = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = () => {
    if (poller.current) clearInterval(poller.current);
    poller.current = null;
  };
  useEffect(() => stopPolling, []);

  const run = async (f: File, dryRun: boolean) => {
    const jobId = newJobId();
    setFile(f);
    setPhase(dryRun ? 'uploading' : 'importing');
    setSent(0);
    setServer(null);
    setFailure(null);
    stopPolling();
    const poll = () => {
      api
        .get<ServerProgress>(progressPath(jobId))
        .then((p) => setServer(p))
        .catch(() => undefined);
    };
    try {
      const r = await upload<ImportResult>(importPath, f, {
        query: { dryRun, jobId },
        onUploadProgress: (loaded, total) => setSent(total ? Math.round((loaded / total) * 100) : 0),
        onUploaded: () => {
          setSent(100);
          if (dryRun) setPhase('processing');
          if (!poller.current) poller.current = setInterval(poll, 500);
        },
      });
      stopPolling();
      setResult(r);
      if (!dryRun) {
        setPhase('done');
        onImported?.();
      } else setPhase(r.errors.length ? 'errors' : 'ready');
    } catch (e) {
      stopPolling();
      setPhase('failed');
      setFailure(e instanceof ApiError ? e.message : t('common.unknownError'));
    }
  };

  const choose = () => input.current?.click();
  const getTemplate = async () => {
    setTemplateBusy(true);
    try {
      await download(templatePath);
    } catch (e) {
      showError(e);
    } finally {
      setTemplateBusy(false);
    }
  };

  const busy = phase === 'uploading' || phase === 'processing' || phase === 'importing';
  const current = phase === 'idle' ? 0 : phase === 'done' ? 3 : phase === 'ready' || phase === 'importing' ? 2 : 1;
  const serverPercent = server && server.total > 0 ? Math.round((server.processed / server.total) * 100) : phase === 'processing' ? 0 : 100;

  return (
    <Card>
      <Steps
        current={current}
        status={phase === 'done' ? 'finish' : phase === 'errors' || phase === 'failed' ? 'error' : 'process'}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('importWizard.stepTemplate') },
          { title: t('importWizard.stepUpload') },
          { title: t('importWizard.stepConfirm') },
          { title: t('importWizard.stepDone') },
        ]}
      />
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        data-testid="import-file"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = ''; // the same file, fixed, can be chosen again
          if (f) void run(f, true);
        }}
      />

      {phase !== 'done' ? (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={description ?? t('importWizard.templateDescGeneric')} />
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void getTemplate()} loading={templateBusy} data-testid="import-template">
              {t('importWizard.downloadTemplate')}
            </Button>
            <Button type={phase === 'idle' || phase === 'errors' || phase === 'failed' ? 'primary' : 'default'} icon={<UploadOutlined />} onClick={choose} disabled={busy} data-testid="import-choose">
              {phase === 'idle' ? t('importWizard.chooseFile') : t('importWizard.chooseAgain')}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{t('importWizard.fileHint')}</Typography.Text>
        </Flex>
      ) : null}

      {busy && file ? (
        <div style={{ marginTop: 24 }} data-testid="import-progress">
          <Typography.Text>
            <FileExcelOutlined style={{ color: '#217346' }} /> {t('importWizard.uploading', { name: file.name })}
          </Typography.Text>
          <Progress percent={sent} size="small" status={sent < 100 ? 'active' : 'success'} />
          {sent >= 100 ? (
            <>
              <Typography.Text type="secondary">
                {t(`importWizard.phase_${server?.phase ?? 'reading'}`)}
                {server && server.total > 0 ? ` · ${t('importWizard.processed', { processed: formatNumber(server.processed), total: formatNumber(server.total) })}` : ''}
              </Typography.Text>
              <Progress percent={serverPercent} status="active" />
            </>
          ) : null}
        </div>
      ) : null}

      {phase === 'failed' && failure ? <Alert type="error" showIcon style={{ marginTop: 24 }} title={t('importWizard.failed')} description={failure} data-testid="import-failure" /> : null}

      {phase === 'errors' && result ? (
        <div style={{ marginTop: 24 }}>
          <Alert type="error" showIcon title={t('importWizard.errorsTitle', { count: result.errors.length })} style={{ marginBottom: 12 }} />
          <Table
            data-testid="import-errors"
            size="small"
            rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
            dataSource={result.errors}
            pagination={result.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('importWizard.row'), dataIndex: 'row', width: 110, render: (r: number) => t('importWizard.rowN', { row: r }) },
              { title: t('importWizard.column'), dataIndex: 'column', width: 200 },
              { title: t('importWizard.message'), dataIndex: 'message' },
            ]}
          />
        </div>
      ) : null}

      {phase === 'ready' && result && file ? (
        <Result
          status="info"
          icon={<CheckCircleOutlined style={{ color: '#52c41a' }} />}
          title={t('importWizard.readyTitle')}
          subTitle={<span data-testid="import-summary">{t('importWizard.readyDesc', { created: formatNumber(result.created), updated: formatNumber(result.updated) })}</span>}
          extra={
            <Button type="primary" size="large" onClick={() => void run(file, false)} data-testid="import-confirm">
              {t('importWizard.confirmImport')}
            </Button>
          }
        />
      ) : null}

      {phase === 'done' && result ? (
        <Result
          status="success"
          title={t('importWizard.doneTitle')}
          subTitle={<span data-testid="import-result">{t('importWizard.doneDesc', { created: formatNumber(result.created), updated: formatNumber(result.updated) })}</span>}
          extra={
            <Flex gap={8} justify="center" wrap>
              <Link to={backTo.path}>
                <Button type="primary" data-testid="import-back">
                  {backTo.label}
                </Button>
              </Link>
              <Button
                onClick={() => {
                  setPhase('idle');
                  setResult(null);
                  setFile(null);
                }}
              >
                {t('importWizard.importAnother')}
              </Button>
            </Flex>
          }
        />
      ) : null}

      {phase === 'done' && result?.credentials?.length ? (
        <div data-testid="import-credentials">
          <Alert type="warning" showIcon title={t('importWizard.credentialsTitle', { count: result.credentials.length })} style={{ marginBottom: 12 }} />
          <Flex justify="flex-end" style={{ marginBottom: 8 }}>
            <Button
              onClick={() =>
                void navigator.clipboard
                  .writeText(result.credentials!.map((c) => `${c.username}\t${c.password}`).join('\n'))
                  .then(
                    () => void message.success(t('common.copied')),
                    () => void message.warning(t('common.copyFailed')),
                  )
              }
            >
              {t('importWizard.copyAll')}
            </Button>
          </Flex>
          <Table
            size="small"
            rowKey="username"
            dataSource={result.credentials}
            pagination={false}
            columns={[
              { title: t('users.username'), dataIndex: 'username', render: (v: string) => <code>{v}</code> },
              { title: t('users.password'), dataIndex: 'password', render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}
