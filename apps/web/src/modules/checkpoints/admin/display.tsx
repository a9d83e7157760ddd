// Small displays of the checkpoint admin pages: status, kind, risk, control class and screening
// result tags in the UX colours, pass colour swatches, a QR image fetched with the session, and
// the button that saves a generated PDF.
import { useState, type ReactNode } from 'react';
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlertReason, CheckpointKind, CheckpointStatus, ControlClass, GridRisk, PassColour, PassStatus, RiskLevel, ScreenResult } from '@shuangsheng/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { useApiError } from '../../../components/useApiError';
import { saveFile, useQrImage } from './api';
import { CHECKPOINT_STATUS_TONE, CONTROL_CLASS_COLOR, PASS_COLOUR_HEX, PASS_STATUS_TONE, RESULT_COLOR, RISK_COLOR } from './helpers';

export function CheckpointStatusTag({ status }: { status: CheckpointStatus }) {
  const { t } = useTranslation();
  return (
    <span data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <StatusTag tone={CHECKPOINT_STATUS_TONE[status]}>{t(`checkpointsOps.status.${status}`)}</StatusTag>
    </span>
  );
}

export function KindTag({ kind }: { kind: CheckpointKind }) {
  const { t } = useTranslation();
  return (
    <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
      {t(`checkpointsOps.kinds.${kind}`)}
    </Tag>
  );
}

export function RiskLevelTag({ level, inherited }: { level: RiskLevel; inherited?: boolean }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={RISK_COLOR[level]} variant={inherited ? 'outlined' : undefined} style={{ marginInlineEnd: 0, borderStyle: inherited ? 'dashed' : undefined }} data-level={level}>
      {t(`checkpointsOps.risks.${level}`)}
    </Tag>
  );
  return inherited ? <Tooltip title={t('checkpointsOps.risk.inheritedHint')}>{tag}</Tooltip> : tag;
}

export function ControlClassTag({ cls }: { cls: ControlClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={CONTROL_CLASS_COLOR[cls]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {t(`checkpointsOps.classes.${cls}`)}
    </Tag>
  );
}

/** The level that applies to a checkpoint (its grid unit's, or the nearest above) with the class and measures on hover. */
export function CheckpointRisk({ risk, testId }: { risk: GridRisk | null; testId?: string }) {
  const { t } = useTranslation();
  if (!risk)
    return (
      <Typography.Text type="secondary" data-testid={testId} data-level="none">
        {t('checkpointsOps.risk.none')}
      </Typography.Text>
    );
  return (
    <Tooltip
      title={
        <div>
          <div>
            {risk.gridUnitName} · {t(`checkpointsOps.classes.${risk.controlClass}`)}
          </div>
          <div style={{ marginTop: 4 }}>{risk.measures}</div>
          <div style={{ marginTop: 4, opacity: 0.75 }}>{t('checkpointsOps.risk.sinceDate', { date: risk.since })}</div>
        </div>
      }
    >
      <Space size={4} data-testid={testId} data-level={risk.level} style={{ whiteSpace: 'nowrap' }}>
        <RiskLevelTag level={risk.level} />
        <ControlClassTag cls={risk.controlClass} />
      </Space>
    </Tooltip>
  );
}

export function ResultTag({ result, reasons }: { result: ScreenResult; reasons?: readonly AlertReason[] }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={RESULT_COLOR[result]} style={{ marginInlineEnd: 0 }} data-result={result}>
      {t(`checkpointsOps.results.${result}`)}
    </Tag>
  );
  if (!reasons?.length) return tag;
  return <Tooltip title={reasons.map((r) => t(`checkpointsOps.reasons.${r}`)).join(t('common.listSeparator'))}>{tag}</Tooltip>;
}

export function PassStatusTag({ status }: { status: PassStatus }) {
  const { t } = useTranslation();
  return (
    <span data-status={status}>
      <StatusTag tone={PASS_STATUS_TONE[status]}>{t(`checkpointsOps.passStatus.${status}`)}</StatusTag>
    </span>
  );
}

/** A pass colour: a swatch with its name (or the swatch alone with the name on hover). */
export function ColourSwatch({ colour, label = true, size = 14 }: { colour: PassColour; label?: boolean; size?: number }) {
  const { t } = useTranslation();
  const name = t(`checkpointsOps.colours.${colour}`);
  const swatch = (
    <span
      aria-hidden={label}
      aria-label={label ? undefined : name}
      style={{ display: 'inline-block', width: size, height: size, borderRadius: 3, background: PASS_COLOUR_HEX[colour], border: '1px solid rgba(0,0,0,0.15)', verticalAlign: 'middle' }}
    />
  );
  if (!label) return <Tooltip title={name}>{swatch}</Tooltip>;
  return (
    <Space size={6} style={{ whiteSpace: 'nowrap' }} data-colour={colour}>
      {swatch}
      <span>{name}</span>
    </Space>
  );
}

/** A QR code image (fetched with the session; `version` changes when the token does). */
export function QrImage({ path, version, size = 200, testId }: { path: string; version: string; size?: number; testId?: string }) {
  const { t } = useTranslation();
  const img = useQrImage(path, version);
  if (img.isPending) return <Skeleton.Image active style={{ width: size, height: size }} />;
  if (img.isError)
    return (
      <div style={{ width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', border: '1px dashed #d9d9d9', borderRadius: 8, textAlign: 'center', padding: 12 }}>
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">{t('checkpointsOps.qr.failed')}</Typography.Text>
          <Typography.Link onClick={() => void img.refetch()}>{t('common.retry')}</Typography.Link>
        </Space>
      </div>
    );
  return <img src={img.data} alt={t('checkpointsOps.qr.alt')} width={size} height={size} style={{ imageRendering: 'pixelated', display: 'block' }} data-testid={testId} />;
}

/** Saves a generated PDF (poster, pass card), saying what went wrong when it cannot. */
export function PdfButton({ path, fallbackName, children, testId, type = 'default', size }: { path: string; fallbackName: string; children: ReactNode; testId?: string; type?: 'default' | 'primary' | 'link'; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await saveFile(path, fallbackName);
      void message.success(t('common.exported', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={type} size={size} icon={<FilePdfOutlined />} loading={busy} onClick={() => void run()} data-testid={testId}>
      {children}
    </Button>
  );
}
