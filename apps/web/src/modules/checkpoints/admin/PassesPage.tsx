// /checkpoints/passes — passes (出入证) that buildings issue to the people who work there, one
// colour per floor: the list (colour swatch, number, holder with the ID and phone masked — shown
// in full only with a reason, audited — building, floor, enterprise, status, last scan) filtered by
// building, floor and status in the URL; 发放出入证; the pass's QR and its printable card;
// 注销 with a reason after a confirmation; and each building's floor colours.
import { useMemo, useState } from 'react';
import { BgColorsOutlined, PlusOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, InputNumber, Modal, Row, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ID_KINDS, PASS_COLOURS, PASS_STATUSES, PHONE_RE, type IdKind, type PassColour, type PassStatus } from '@shuangsheng/contracts';
import { useCan } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { FormDialog, useFormDialog, validateOrScroll } from '../../../components/FormDialog';
import { Ellipsis, FilterBar, ListPage, ListTable } from '../../../components/ListPage';
import { MaskedValue } from '../../../components/MaskedValue';
import { PageSkeleton } from '../../../components/PageStates';
import { EnterpriseSelect } from '../../../components/pickers';
import { actionsColumn } from '../../../components/RowActions';
import { useApiError } from '../../../components/useApiError';
import { useLang } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useUrlList } from '../../../lib/url-filters';
import { BASE, passCardPath, passQrPath, revealPass, useAllBuildings, useFloorColours, useIssuePass, usePasses, useRevokePass, useSetFloorColour, type Pass } from './api';
import { ColourSwatch, PassStatusTag, PdfButton, QrImage } from './display';
import { BuildingPick } from './forms';
import { documentProblem, editorFloors, floorColour, floorLabel, PASS_COLOUR_HEX } from './helpers';

const SPEC = { q: 'string', buildingId: 'string', floor: 'number', status: 'string' } as const;
type FormShape = { q?: string; buildingId?: string; floor?: number; status?: PassStatus };

export default function PassesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const url = useUrlList(SPEC);
  const query = usePasses(url.apiQuery);
  const [issuing, setIssuing] = useState(false);
  const [colours, setColours] = useState(false);
  const [showing, setShowing] = useState<Pass | null>(null);
  const [revoking, setRevoking] = useState<Pass | null>(null);
  const passes = can('checkpoints.passes');
  const reveal = can('pii.reveal');

  const columns: TableColumnsType<Pass> = [
    {
      title: t('checkpointsOps.passes.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (v: string, r) => (
        <Space size={8} style={{ whiteSpace: 'nowrap' }}>
          <ColourSwatch colour={r.colour} label={false} size={16} />
          <Typography.Text style={{ fontFamily: 'monospace' }} data-testid={`pass-number-${r.holderName}`}>
            {v}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('checkpointsOps.passes.holder'),
      dataIndex: 'holderName',
      render: (v: string, r) => (
        <div style={{ minWidth: 80 }}>
          <strong>{v}</strong>
          {r.enterpriseName ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Ellipsis text={r.enterpriseName} width={160} />
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t('checkpointsOps.reg.idAndPhone'),
      key: 'pii',
      render: (_v, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>
            <MaskedValue masked={r.idNumberMasked} testId={`pass-id-${r.holderName}`} onReveal={reveal ? (reason) => revealPass(r.id, 'idNumber', reason) : undefined} />
          </div>
          <div>
            <MaskedValue masked={r.phoneMasked} testId={`pass-phone-${r.holderName}`} onReveal={reveal ? (reason) => revealPass(r.id, 'phone', reason) : undefined} />
          </div>
        </div>
      ),
    },
    {
      title: t('checkpointsOps.passes.buildingFloor'),
      key: 'floor',
      render: (_v, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <div>{r.buildingName}</div>
          <Space size={6} data-testid={`pass-colour-${r.holderName}`} data-colour={r.colour}>
            <Typography.Text type="secondary">{floorLabel(r.floor, lang)}</Typography.Text>
            <ColourSwatch colour={r.colour} />
          </Space>
        </div>
      ),
    },
    {
      title: t('checkpointsOps.passes.statusValid'),
      dataIndex: 'status',
      render: (v: PassStatus, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Tooltip title={v === 'revoked' && r.revokedReason ? t('checkpointsOps.passes.revokedBecause', { reason: r.revokedReason }) : undefined}>
            <span data-testid={`pass-status-${r.holderName}`}>
              <PassStatusTag status={v} />
            </span>
          </Tooltip>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.validUntil ? t('checkpointsOps.passes.until', { date: r.validUntil }) : t('checkpointsOps.passes.noExpiry')}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('checkpointsOps.passes.lastScan'), dataIndex: 'lastScanAt', render: (v: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{v ? formatDateTime(v) : '-'}</span> },
    actionsColumn(t, (r) => (
      <>
        <Button type="link" size="small" icon={<QrcodeOutlined />} onClick={() => setShowing(r)} data-testid={`pass-qr-${r.holderName}`}>
          {t('checkpointsOps.passes.qr')}
        </Button>
        <PdfButton type="link" size="small" path={passCardPath(r.id)} fallbackName={`${r.number}.pdf`} testId={`pass-card-${r.holderName}`}>
          {t('checkpointsOps.passes.cardShort')}
        </PdfButton>
        {passes && r.status === 'active' ? (
          <Button type="link" size="small" danger icon={<StopOutlined />} onClick={() => setRevoking(r)} data-testid={`pass-revoke-${r.holderName}`}>
            {t('checkpointsOps.passes.revoke')}
          </Button>
        ) : null}
      </>
    )),
  ];

  const issueButton = passes ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="list-create">
      {t('checkpointsOps.passes.issue')}
    </Button>
  ) : null;

  return (
    <ListPage
      title={t('checkpointsOps.passes.title')}
      extra={
        <>
          <Button icon={<BgColorsOutlined />} onClick={() => setColours(true)} data-testid="pass-floor-colours">
            {t('checkpointsOps.colourEditor.open')}
          </Button>
          <ExportButton path={`${BASE}/passes/export.xlsx`} query={url.exportQuery} />
          {issueButton}
        </>
      }
      filters={
        <>
          <Typography.Paragraph type="secondary">{t('checkpointsOps.passes.sub')}</Typography.Paragraph>
          <FilterBar<FormShape> url={url} searchPlaceholder={t('checkpointsOps.passes.search')}>
            <Form.Item name="buildingId" style={{ minWidth: 220 }}>
              <BuildingPick testId="filter-building" />
            </Form.Item>
            <Form.Item name="floor">
              <InputNumber min={-5} max={200} precision={0} placeholder={t('checkpointsOps.passes.floor')} style={{ width: 110 }} data-testid="filter-floor" />
            </Form.Item>
            <Form.Item name="status" style={{ minWidth: 120 }}>
              <Select allowClear placeholder={t('checkpointsOps.fields.status')} options={PASS_STATUSES.map((s) => ({ value: s, label: t(`checkpointsOps.passStatus.${s}`) }))} data-testid="filter-status" />
            </Form.Item>
          </FilterBar>
        </>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" testId="passes-table" empty={{ title: t('checkpointsOps.passes.empty'), description: t('checkpointsOps.passes.emptyDesc'), action: issueButton }} />
      {issuing ? <IssueDialog onClose={() => setIssuing(false)} onSaved={(p) => setShowing(p)} /> : null}
      {showing ? <PassQrModal pass={showing} onClose={() => setShowing(null)} /> : null}
      {revoking ? <RevokeDialog pass={revoking} onClose={() => setRevoking(null)} /> : null}
      {colours ? <FloorColoursDrawer editable={passes} initialBuildingId={url.filters.buildingId} onClose={() => setColours(false)} /> : null}
    </ListPage>
  );
}

type IssueValues = { buildingId: string; floor: number; enterpriseId?: string | null; holderName: string; idKind: IdKind; idNumber: string; phone: string; validUntil?: Dayjs | null };

/** 发放出入证: building and floor (the colour follows), holder, document, phone, expiry. */
function IssueDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Pass) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const issue = useIssuePass();
  const { form, dialog } = useFormDialog<IssueValues, Pass>({
    creating: true,
    onClose,
    onSaved,
    save: (v) =>
      issue.mutateAsync({
        buildingId: v.buildingId,
        floor: v.floor,
        enterpriseId: v.enterpriseId ?? null,
        holderName: v.holderName.trim(),
        idKind: v.idKind,
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
        validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
      }),
  });
  const buildingId = Form.useWatch('buildingId', form) as string | undefined;
  const floor = Form.useWatch('floor', form) as number | undefined;
  const idKind = (Form.useWatch('idKind', form) as IdKind | undefined) ?? 'resident_id';
  const chosen = useFloorColours(buildingId);
  const colour = buildingId && typeof floor === 'number' ? floorColour(floor, chosen.data?.items ?? []) : null;
  return (
    <FormDialog {...dialog} title={t('checkpointsOps.passes.issue')} width={640} submitText={t('checkpointsOps.passes.issueSubmit')}>
      <Form form={form} layout="vertical" initialValues={{ idKind: 'resident_id', floor: 1 }} data-testid="pass-form">
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="buildingId" label={t('checkpointsOps.fields.building')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('checkpointsOps.fields.building') }) }]}>
              <BuildingPick testId="pass-building" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="floor" label={t('checkpointsOps.passes.floor')} rules={[{ required: true, type: 'integer', min: -5, max: 200, message: t('checkpointsOps.passes.floorRule') }]}>
              <InputNumber min={-5} max={200} precision={0} style={{ width: '100%' }} data-testid="pass-floor" />
            </Form.Item>
          </Col>
        </Row>
        {colour ? (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            data-testid="pass-colour-preview"
            data-colour={colour}
            title={
              <Space>
                {t('checkpointsOps.passes.colourPreview', { floor: floorLabel(floor!, lang) })}
                <ColourSwatch colour={colour} />
              </Space>
            }
          />
        ) : null}
        <Form.Item name="enterpriseId" label={t('checkpointsOps.passes.enterprise')}>
          <EnterpriseSelect testId="pass-enterprise" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="holderName" label={t('checkpointsOps.passes.holder')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.passes.holder') }) }]}>
              <Input maxLength={50} data-testid="pass-holder" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('checkpointsOps.passes.phone')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.passes.phone') }) },
                { validator: (_r, v: string | undefined) => (!v || PHONE_RE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('common.phoneInvalid')))) },
              ]}
            >
              <Input maxLength={20} inputMode="tel" data-testid="pass-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="idKind" label={t('checkpointsOps.passes.idKind')} rules={[{ required: true }]}>
              <Select options={ID_KINDS.map((k) => ({ value: k, label: t(`checkpointsOps.idKinds.${k}`) }))} data-testid="pass-id-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="idNumber"
              label={t('checkpointsOps.passes.idNumber')}
              dependencies={['idKind']}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.passes.idNumber') }) },
                {
                  validator: (_r, v: string | undefined) => {
                    const problem = documentProblem(idKind, v);
                    return problem ? Promise.reject(new Error(t(`checkpointsOps.passes.${problem === 'resident_id' ? 'residentIdInvalid' : 'documentInvalid'}`))) : Promise.resolve();
                  },
                },
              ]}
            >
              <Input maxLength={20} data-testid="pass-id-number" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="validUntil" label={t('checkpointsOps.passes.validUntil')} extra={t('checkpointsOps.passes.validUntilHint')}>
          <DatePicker style={{ width: 200 }} data-testid="pass-valid-until" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** The pass's QR code (what the gate scans) and its printable card. */
function PassQrModal({ pass, onClose }: { pass: Pass; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Modal open title={t('checkpointsOps.passes.qrTitle', { number: pass.number })} onCancel={onClose} footer={null} width={460} destroyOnHidden data-testid="pass-qr-modal">
      <Flex vertical align="center" gap={12}>
        <div style={{ height: 10, width: '100%', borderRadius: 4, background: PASS_COLOUR_HEX[pass.colour] }} aria-hidden />
        <QrImage path={passQrPath(pass.id)} version={pass.qrUrl} size={220} testId="pass-qr" />
        <Descriptions
          column={1}
          size="small"
          style={{ width: '100%' }}
          items={[
            { key: 'holder', label: t('checkpointsOps.passes.holder'), children: pass.holderName },
            { key: 'building', label: t('checkpointsOps.fields.building'), children: pass.buildingName },
            {
              key: 'floor',
              label: t('checkpointsOps.passes.floorColour'),
              children: (
                <Space>
                  {floorLabel(pass.floor, lang)}
                  <ColourSwatch colour={pass.colour} />
                </Space>
              ),
            },
            { key: 'status', label: t('checkpointsOps.fields.status'), children: <PassStatusTag status={pass.status} /> },
            { key: 'valid', label: t('checkpointsOps.passes.validUntil'), children: pass.validUntil ?? t('checkpointsOps.passes.noExpiry') },
            { key: 'issued', label: t('checkpointsOps.passes.issuedAt'), children: formatDate(pass.createdAt) },
          ]}
        />
        {pass.status === 'revoked' ? <Alert type="warning" showIcon style={{ width: '100%' }} title={t('checkpointsOps.passes.revokedHint')} /> : null}
        <Typography.Paragraph copyable={{ text: pass.qrUrl }} style={{ marginBottom: 0, wordBreak: 'break-all', fontFamily: 'monospace', fontSize: 12, width: '100%' }} type="secondary">
          {pass.qrUrl}
        </Typography.Paragraph>
        <PdfButton type="primary" path={passCardPath(pass.id)} fallbackName={`${pass.number}.pdf`} testId="pass-card">
          {t('checkpointsOps.passes.card')}
        </PdfButton>
      </Flex>
    </Modal>
  );
}

/** 注销: a reason, then a confirmation (the gate refuses the pass from then on). */
function RevokeDialog({ pass, onClose }: { pass: Pass; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const revoke = useRevokePass();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    modal.confirm({
      title: t('checkpointsOps.passes.revokeConfirm', { name: pass.holderName, number: pass.number }),
      content: t('checkpointsOps.passes.revokeConfirmHint'),
      okText: t('checkpointsOps.passes.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'pass-revoke-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync({ id: pass.id, reason: v.reason.trim() });
          void message.success(t('checkpointsOps.passes.revoked', { number: pass.number }));
          onClose();
        } catch (e) {
          showError(e, form);
        }
      },
    });
  };
  return (
    <FormDialog open busy={revoke.isPending} onClose={onClose} onSubmit={() => void submit()} title={t('checkpointsOps.passes.revokeTitle', { name: pass.holderName })} submitText={t('checkpointsOps.passes.revoke')}>
      <Form form={form} layout="vertical" data-testid="pass-revoke-form">
        <Form.Item
          name="reason"
          label={t('checkpointsOps.passes.revokeReason')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.passes.revokeReason') }) },
            { min: 2, message: t('checkpointsOps.common.min2') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('checkpointsOps.passes.revokeReasonPlaceholder')} data-testid="pass-revoke-reason" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** 楼层颜色: a building's colour per floor; a change applies to passes issued from then on. */
function FloorColoursDrawer({ editable, initialBuildingId, onClose }: { editable: boolean; initialBuildingId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const showError = useApiError();
  const buildings = useAllBuildings();
  const [buildingId, setBuildingId] = useState<string | undefined>(initialBuildingId);
  const [added, setAdded] = useState<number[]>([]);
  const [extra, setExtra] = useState<number | null>(null);
  const chosen = useFloorColours(buildingId);
  const set = useSetFloorColour();
  const building = buildings.data?.find((b) => b.id === buildingId);
  const items = useMemo(() => chosen.data?.items ?? [], [chosen.data]);
  const floors = useMemo(() => editorFloors(building?.floors, items, added), [building?.floors, items, added]);
  const save = (floor: number, colour: PassColour) =>
    set.mutateAsync({ buildingId: buildingId!, floor, colour }).then(
      () => void message.success(t('checkpointsOps.colourEditor.saved', { floor: floorLabel(floor, lang) })),
      (e: unknown) => showError(e),
    );
  const colourOptions = PASS_COLOURS.map((c) => ({ value: c, label: <ColourSwatch colour={c} /> }));

  return (
    <Drawer open onClose={onClose} title={t('checkpointsOps.colourEditor.title')} size={screens.md ? 520 : '100%'} destroyOnHidden data-testid="floor-colours-drawer">
      <Typography.Paragraph type="secondary">{t('checkpointsOps.colourEditor.hint')}</Typography.Paragraph>
      <BuildingPick
        value={buildingId}
        onChange={(v: string | undefined) => {
          setBuildingId(v);
          setAdded([]);
        }}
        style={{ width: '100%', marginBottom: 16 }}
        testId="floor-colours-building"
      />
      {!buildingId ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkpointsOps.colourEditor.pickBuilding')} />
      ) : chosen.isPending ? (
        <PageSkeleton rows={6} />
      ) : (
        <>
          <Table<{ floor: number }>
            size="small"
            rowKey="floor"
            pagination={false}
            dataSource={floors.map((floor) => ({ floor }))}
            data-testid="floor-colours-table"
            columns={[
              { title: t('checkpointsOps.passes.floor'), dataIndex: 'floor', width: 110, render: (f: number) => floorLabel(f, lang) },
              {
                title: t('checkpointsOps.colourEditor.colour'),
                key: 'colour',
                render: (_v, { floor }) => {
                  const own = items.find((c) => c.floor === floor);
                  const colour = floorColour(floor, items);
                  return (
                    <Space>
                      <Select<PassColour>
                        value={colour}
                        options={colourOptions}
                        disabled={!editable || set.isPending}
                        onChange={(c) => void save(floor, c)}
                        style={{ width: 130 }}
                        data-testid={`floor-colour-${floor}`}
                      />
                      {own ? null : <Typography.Text type="secondary">{t('checkpointsOps.colourEditor.default')}</Typography.Text>}
                    </Space>
                  );
                },
              },
            ]}
          />
          {editable ? (
            <Space style={{ marginTop: 12 }}>
              <InputNumber min={-5} max={200} precision={0} value={extra} onChange={(v) => setExtra(typeof v === 'number' ? v : null)} placeholder={t('checkpointsOps.passes.floor')} data-testid="floor-colours-add-floor" />
              <Button
                icon={<PlusOutlined />}
                disabled={extra === null || floors.includes(extra)}
                onClick={() => {
                  if (extra !== null) setAdded([...added, extra]);
                  setExtra(null);
                }}
                data-testid="floor-colours-add"
              >
                {t('checkpointsOps.colourEditor.addFloor')}
              </Button>
            </Space>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
