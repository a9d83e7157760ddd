// 卡口登记（工作人员）: the desk picks its checkpoint once (remembered on this browser), then
// registers people and vehicles on behalf with a keyboard-fast form — Enter moves on, ID number,
// phone and plate say what is wrong as they are typed, a measured temperature ≥ 37.3 °C is flagged
// before saving. A plate seen here lately offers "repeat vehicle": the driver comes from the last
// registration and only the temperature, the declaration and new passengers are asked. Beside it:
// "find by code" (the six characters on a self-registered person's phone) to enter a measured
// temperature, and at building gates "scan pass" (a USB or phone scanner types the pass URL).
// After each save a compact receipt line shows, the form clears and focus returns to the first field.
import { useEffect, useMemo, useRef, useState } from 'react';
import { CarOutlined, DeleteOutlined, PlusOutlined, RetweetOutlined, ScanOutlined, SearchOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Divider,
  Flex,
  Form,
  Grid,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
  type FormInstance,
  type InputRef,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DIRECTIONS, ID_KINDS, type Direction, type IdKind } from '@shuangsheng/contracts';
import { ApiError, NETWORK_ERROR } from '../../../api/client';
import { PageHeader } from '../../../components/ListPage';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { formatDateTime } from '../../../lib/format';
import {
  fetchRecentVehicle,
  searchRegistrations,
  useCheckpointOptions,
  useEnterTemperature,
  useScanPass,
  useStaffRegister,
  type Checkpoint,
  type Registration,
  type RegistrationReceipt,
  type StaffInput,
} from './api';
import { ResultTag, RiskTag, Temperature, useVocab } from './display';
import {
  checkIdNumber,
  checkPhone,
  checkPlate,
  isFever,
  normalizeCode,
  normalizeId,
  normalizePlate,
  parseTemperature,
  PROVINCES,
  rememberCheckpoint,
  rememberedCheckpoint,
  RESULT_COLOR,
  scannedPass,
  type FieldCheck,
} from './helpers';
import { useEnterToNext } from './keyboard';

const HEALTH_KEYS = ['fever', 'cough', 'contact', 'highRiskTravel'] as const;
type HealthKey = (typeof HEALTH_KEYS)[number];
type PersonValues = { name?: string; idKind: IdKind; idNumber?: string; phone?: string; temperature?: string };
type Values = PersonValues & {
  plate?: string;
  originProvince?: string;
  originCity?: string;
  destination?: string;
  reason?: string;
  health: HealthKey[];
  passengers: PersonValues[];
};

export default function EntryPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const options = useCheckpointOptions();
  const { kinds, checkpointStatus } = useVocab();
  const [checkpointId, setCheckpointId] = useState<string | null>(() => rememberedCheckpoint());
  const [receipts, setReceipts] = useState<RegistrationReceipt[]>([]);
  const all = options.data?.items ?? [];
  const checkpoint = all.find((c) => c.id === checkpointId) ?? null;

  const choose = (id: string | null) => {
    setCheckpointId(id);
    rememberCheckpoint(id);
  };
  const addReceipt = (r: RegistrationReceipt) => setReceipts((list) => [r, ...list.filter((x) => x.id !== r.id)].slice(0, 10));

  const picker = (
    <Select
      value={checkpoint ? checkpoint.id : undefined}
      onChange={(v: string | undefined) => choose(v ?? null)}
      placeholder={t('checkpointsDuty.entry.pickCheckpoint')}
      loading={options.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: screens.sm ? 320 : '100%' }}
      data-testid="entry-checkpoint"
      options={all.map((c) => ({
        value: c.id,
        label: `${c.name}（${kinds[c.kind]}）`,
        disabled: c.status === 'closed',
      }))}
    />
  );

  return (
    <div>
      <PageHeader title={t('checkpointsDuty.entry.title')} sub={t('checkpointsDuty.entry.sub')} extra={screens.sm ? picker : undefined} />
      {screens.sm ? null : <div style={{ marginBottom: 12 }}>{picker}</div>}
      {options.isPending ? (
        <PageSkeleton rows={8} />
      ) : options.isError ? (
        <ErrorState error={options.error} onRetry={() => void options.refetch()} />
      ) : !checkpoint ? (
        <Card>
          <EmptyState title={t('checkpointsDuty.entry.noCheckpoint')} description={all.length ? t('checkpointsDuty.entry.noCheckpointHint') : t('checkpointsDuty.entry.noCheckpoints')} />
        </Card>
      ) : (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="entry-checkpoint-info" data-checkpoint={checkpoint.name}>
            <Typography.Text strong>{checkpoint.name}</Typography.Text>
            <Tag>{kinds[checkpoint.kind]}</Tag>
            <Tag color={checkpoint.status === 'closed' ? 'default' : checkpoint.status === 'active' ? 'green' : 'blue'}>{checkpointStatus[checkpoint.status]}</Tag>
            <RiskTag level={checkpoint.risk?.level} />
            <Typography.Text type="secondary">{t('checkpointsDuty.entry.today', { persons: checkpoint.today.persons, vehicles: checkpoint.today.vehicles })}</Typography.Text>
          </Flex>
          {checkpoint.status === 'closed' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('checkpointsDuty.entry.closed')} /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <ReceiptLine receipt={receipts[0] ?? null} />
              <RegisterForm key={checkpoint.id} checkpoint={checkpoint} onReceipt={addReceipt} />
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <CodeBox checkpoint={checkpoint} />
                {checkpoint.kind === 'building_gate' ? <ScanBox checkpoint={checkpoint} onReceipt={addReceipt} /> : null}
                <Receipts receipts={receipts} />
              </Space>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

// ---- the receipt of the last save, and the desk's last ten
function ReceiptLine({ receipt }: { receipt: RegistrationReceipt | null }) {
  const { t } = useTranslation();
  const { directions } = useVocab();
  if (!receipt) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="entry-receipt-none">
        {t('checkpointsDuty.entry.shortcuts')}
      </Typography.Paragraph>
    );
  }
  const others = receipt.persons.length - 1;
  return (
    <div
      data-testid="entry-receipt"
      data-result={receipt.result}
      data-code={receipt.code}
      role="status"
      aria-live="polite"
      style={{ borderInlineStart: `4px solid ${RESULT_COLOR[receipt.result]}`, background: '#fff', padding: '8px 12px', marginBottom: 12, borderRadius: 6 }}
    >
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{formatDateTime(receipt.at).slice(11)}</Typography.Text>
        <Typography.Text strong>{receipt.persons[0]?.name}</Typography.Text>
        {others > 0 ? <Typography.Text type="secondary">{t('checkpointsDuty.entry.andOthers', { count: others })}</Typography.Text> : null}
        {receipt.plate ? <Tag icon={<CarOutlined />}>{receipt.plate}</Tag> : null}
        <Typography.Text type="secondary">{directions[receipt.direction]}</Typography.Text>
        <ResultTag result={receipt.result} />
        <Typography.Text>
          {t('checkpointsDuty.common.code')}
          {t('common.colon')}
          <Typography.Text strong style={{ fontFamily: 'monospace', letterSpacing: 1 }} copyable>
            {receipt.code}
          </Typography.Text>
        </Typography.Text>
        {receipt.result !== 'green' ? (
          <Typography.Text type={receipt.result === 'red' ? 'danger' : 'warning'}>
            {receipt.persons
              .filter((p) => p.result !== 'green')
              .map((p) => p.name)
              .join('、')}
            {' · '}
            {t('checkpointsDuty.entry.alertRaised')} <Link to="/checkpoints/duty">{t('checkpointsDuty.entry.toDuty')}</Link>
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}

function Receipts({ receipts }: { receipts: RegistrationReceipt[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('checkpointsDuty.entry.recent')} data-testid="entry-receipts">
      {receipts.length ? (
        <div>
          {receipts.map((r) => (
            <Flex key={r.id} gap={6} wrap align="center" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="entry-receipt-row" data-code={r.code}>
              <Typography.Text type="secondary">{formatDateTime(r.at).slice(11)}</Typography.Text>
              <Typography.Text>{r.persons.map((p) => p.name).join('、')}</Typography.Text>
              {r.plate ? <Typography.Text type="secondary">{r.plate}</Typography.Text> : null}
              <span style={{ marginInlineStart: 'auto' }}>
                <ResultTag result={r.result} />
                <Typography.Text style={{ fontFamily: 'monospace' }}>{r.code}</Typography.Text>
              </span>
            </Flex>
          ))}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('checkpointsDuty.entry.recentNone')}</Typography.Text>
      )}
    </Card>
  );
}

// ---- field rules: errors while typing only when the value can no longer be right; "incomplete" on leaving it
function useLiveRules() {
  const { t } = useTranslation();
  const reasonText = (c: FieldCheck) => (c.state === 'invalid' ? t(`checkpointsDuty.entry.invalid.${c.reason}`) : '');
  const live = (check: (v: string, get: (p: (string | number)[]) => unknown) => FieldCheck, required: boolean): Rule[] => [
    ({ getFieldValue }) => ({
      validateTrigger: 'onChange',
      validator: (_r, v: string | undefined) => {
        const c = check(v ?? '', getFieldValue);
        return c.state === 'invalid' ? Promise.reject(new Error(reasonText(c))) : Promise.resolve();
      },
    }),
    ({ getFieldValue }) => ({
      validateTrigger: 'onBlur',
      validator: (_r, v: string | undefined) => {
        const c = check(v ?? '', getFieldValue);
        if (c.state === 'empty') return required ? Promise.reject(new Error(t('checkpointsDuty.entry.required'))) : Promise.resolve();
        if (c.state === 'partial') return Promise.reject(new Error(t('checkpointsDuty.entry.invalid.incomplete')));
        return c.state === 'invalid' ? Promise.reject(new Error(reasonText(c))) : Promise.resolve();
      },
    }),
  ];
  const temperature: Rule[] = [
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator: (_r, v: string | undefined) => {
        const n = parseTemperature(v);
        if (n !== null && Number.isNaN(n)) {
          const s = String(v ?? '').trim();
          // "3", "38" or "38." is still being typed
          if (/^\d{1,2}\.?$/.test(s)) return Promise.resolve();
          return Promise.reject(new Error(t('checkpointsDuty.entry.invalid.temperature')));
        }
        return Promise.resolve();
      },
    },
  ];
  return {
    id: (kindPath: (string | number)[], required = true) => live((v, get) => checkIdNumber((get(kindPath) as IdKind | undefined) ?? 'resident_id', v), required),
    phone: (required: boolean) => live((v) => checkPhone(v), required),
    plate: live((v) => checkPlate(v), false),
    temperature,
    required: (field: string): Rule[] => [{ required: true, whitespace: true, message: t('common.required', { field }) }],
  };
}

/** `还差 3 位` under a resident ID being typed. */
function IdHint({ form, path, kindPath }: { form: FormInstance<Values>; path: (string | number)[]; kindPath: (string | number)[] }) {
  const { t } = useTranslation();
  const value = Form.useWatch(path, form) as string | undefined;
  const kind = (Form.useWatch(kindPath, form) as IdKind | undefined) ?? 'resident_id';
  const c = checkIdNumber(kind, value ?? '');
  if (kind !== 'resident_id' || c.state !== 'partial') return null;
  return <span data-testid="entry-id-remaining">{t('checkpointsDuty.entry.idRemaining', { count: 18 - normalizeId(value ?? '').length })}</span>;
}

function FeverHint({ form, path }: { form: FormInstance<Values>; path: (string | number)[] }) {
  const { t } = useTranslation();
  const value = Form.useWatch(path, form) as string | undefined;
  const n = parseTemperature(value);
  if (!isFever(n)) return null;
  return (
    <Typography.Text type="danger" data-testid="entry-fever-hint">
      {t('checkpointsDuty.entry.feverHint', { value: n!.toFixed(1) })}
    </Typography.Text>
  );
}

function temperatureOf(v: string | undefined): number | null {
  const n = parseTemperature(v);
  return n === null || Number.isNaN(n) ? null : n;
}

function personBody(p: PersonValues) {
  return {
    name: (p.name ?? '').trim(),
    idKind: p.idKind,
    idNumber: normalizeId(p.idNumber ?? ''),
    phone: p.phone?.trim() ? p.phone.replace(/\s/g, '') : null,
    temperature: temperatureOf(p.temperature),
  };
}

// ---- registering on behalf (and repeat vehicle)
function RegisterForm({ checkpoint, onReceipt }: { checkpoint: Checkpoint; onReceipt: (r: RegistrationReceipt) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const showError = useApiError();
  const { directions, idKinds, lang } = useVocab();
  const rules = useLiveRules();
  const register = useStaffRegister();
  const [form] = Form.useForm<Values>();
  const [direction, setDirection] = useState<Direction>('in');
  const [keepTrip, setKeepTrip] = useState(true);
  const [repeat, setRepeat] = useState<Registration | null>(null);
  const [recent, setRecent] = useState<Registration[]>([]);
  const plateRef = useRef<InputRef>(null);
  const plate = Form.useWatch('plate', form);
  const passengers = (Form.useWatch('passengers', form) as PersonValues[] | undefined) ?? [];

  const submitRef = useRef<() => void>(() => undefined);
  const keys = useEnterToNext(() => submitRef.current());

  // A plate seen here lately → offer to repeat it (the driver from the last registration).
  useEffect(() => {
    if (repeat) return;
    const normal = normalizePlate(plate ?? '');
    if (checkPlate(normal).state !== 'valid') {
      setRecent([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      fetchRecentVehicle(checkpoint.id, normal, ctrl.signal).then(
        (r) => setRecent(r.items),
        () => setRecent([]),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [plate, checkpoint.id, repeat]);

  const driver = recent.find((r) => r.isVehicle) ?? recent[0] ?? null;
  const lastGroup = driver ? recent.filter((r) => r.groupId === driver.groupId) : [];

  const initial: Values = { idKind: 'resident_id', health: [], passengers: [] };
  const clear = (kept: Partial<Values>) => {
    form.resetFields();
    form.setFieldsValue(kept);
    setRepeat(null);
    setRecent([]);
    setTimeout(() => plateRef.current?.focus(), 0);
  };

  const submit = async () => {
    if (register.isPending) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
      return;
    }
    const health = { fever: v.health.includes('fever'), cough: v.health.includes('cough'), contact: v.health.includes('contact'), highRiskTravel: v.health.includes('highRiskTravel') };
    const passengersBody = (v.passengers ?? []).map((p) => personBody(p));
    let body: StaffInput;
    if (repeat) {
      body = { repeatOf: repeat.id, direction, temperature: temperatureOf(v.temperature), health, passengers: passengersBody };
    } else {
      const me = personBody(v);
      body = {
        name: me.name,
        idKind: me.idKind,
        idNumber: me.idNumber,
        phone: (v.phone ?? '').replace(/\s/g, ''),
        plate: v.plate?.trim() ? normalizePlate(v.plate) : null,
        passengers: passengersBody,
        originProvince: v.originProvince ?? '',
        originCity: (v.originCity ?? '').trim(),
        destination: (v.destination ?? '').trim(),
        reason: (v.reason ?? '').trim(),
        direction,
        health,
        temperature: me.temperature,
      };
    }
    try {
      const receipt = await register.mutateAsync({ checkpointId: checkpoint.id, body });
      onReceipt(receipt);
      if (receipt.result === 'red') void message.warning(t('checkpointsDuty.entry.savedRed', { code: receipt.code }));
      else void message.success(t('checkpointsDuty.entry.saved', { code: receipt.code }));
      clear(keepTrip && !repeat ? { destination: v.destination, reason: v.reason } : {});
    } catch (e) {
      showError(e, form as FormInstance);
    }
  };
  submitRef.current = () => void submit();

  const startRepeat = () => {
    if (!driver) return;
    setRepeat(driver);
    form.setFieldsValue({ passengers: [] });
    setTimeout(() => keys.focusFirst(), 0);
  };

  const personRow = (name: number, remove: (i: number) => void) => {
    const kindPath = ['passengers', name, 'idKind'];
    return (
      <Card
        key={name}
        size="small"
        style={{ marginBottom: 8, background: '#fafafa' }}
        title={t('checkpointsDuty.entry.passengerN', { n: name + 1 })}
        extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('checkpointsDuty.entry.removePassenger')} onClick={() => remove(name)} data-testid={`entry-passenger-remove-${name}`} />}
        data-testid="entry-passenger"
      >
        <Row gutter={8}>
          <Col xs={24} sm={8}>
            <Form.Item name={[name, 'name']} label={t('checkpointsDuty.common.name')} required rules={rules.required(t('checkpointsDuty.common.name'))}>
              <Input maxLength={50} autoComplete="off" data-enter data-testid={`entry-passenger-name-${name}`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item label={t('checkpointsDuty.common.idNumber')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name={[name, 'idKind']} noStyle initialValue="resident_id">
                  <Select style={{ width: lang === 'zh-CN' ? 124 : 156, flex: 'none' }} options={ID_KINDS.map((k) => ({ value: k, label: idKinds[k] }))} tabIndex={-1} />
                </Form.Item>
                <Form.Item name={[name, 'idNumber']} noStyle rules={rules.id(kindPath)} validateTrigger={['onChange', 'onBlur']} dependencies={[kindPath]}>
                  <Input maxLength={20} autoComplete="off" data-enter data-testid={`entry-passenger-id-${name}`} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={[name, 'phone']} label={t('checkpointsDuty.entry.phoneOptional')} rules={rules.phone(false)} validateTrigger={['onChange', 'onBlur']}>
              <Input maxLength={20} inputMode="tel" autoComplete="off" data-enter data-testid={`entry-passenger-phone-${name}`} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={[name, 'temperature']} label={t('checkpointsDuty.common.temperature')} rules={rules.temperature} extra={<FeverHint form={form} path={['passengers', name, 'temperature']} />}>
              <Input inputMode="decimal" placeholder="36.5" suffix="°C" maxLength={5} autoComplete="off" data-enter data-testid={`entry-passenger-temperature-${name}`} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    );
  };

  return (
    <Card
      title={
        <Flex gap={12} align="center" wrap>
          <span>{repeat ? t('checkpointsDuty.entry.repeatTitle') : t('checkpointsDuty.entry.formTitle')}</span>
          <Segmented<Direction>
            value={direction}
            onChange={setDirection}
            options={DIRECTIONS.map((d) => ({ value: d, label: directions[d] }))}
            data-testid="entry-direction"
          />
        </Flex>
      }
      extra={
        repeat ? (
          <Button size="small" onClick={() => clear({})} data-testid="entry-repeat-cancel">
            {t('checkpointsDuty.entry.repeatCancel')}
          </Button>
        ) : null
      }
      data-testid="entry-form-card"
      data-mode={repeat ? 'repeat' : 'new'}
    >
      <div ref={keys.ref} onKeyDown={keys.onKeyDown}>
        <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="entry-form" autoComplete="off">
          {repeat ? (
            <Alert
              type="info"
              showIcon
              icon={<RetweetOutlined />}
              style={{ marginBottom: 12 }}
              data-testid="entry-repeat-driver"
              title={t('checkpointsDuty.entry.repeatOf', { plate: repeat.plate ?? '', time: formatDateTime(repeat.at) })}
              description={
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 2 }}
                  items={[
                    { key: 'name', label: t('checkpointsDuty.entry.driver'), children: repeat.name },
                    { key: 'id', label: t('checkpointsDuty.common.idNumber'), children: repeat.idNumberMasked ?? '-' },
                    { key: 'phone', label: t('checkpointsDuty.common.phone'), children: repeat.phoneMasked ?? '-' },
                    { key: 'trip', label: t('checkpointsDuty.entry.trip'), children: `${repeat.originProvince ?? ''}${repeat.originCity ?? ''} → ${repeat.destination ?? ''}` },
                  ]}
                />
              }
            />
          ) : (
            <>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name="plate"
                    label={t('checkpointsDuty.common.plate')}
                    rules={[
                      ...rules.plate,
                      ({ getFieldValue }) => ({
                        validator: (_r, v: string | undefined) =>
                          !v?.trim() && ((getFieldValue('passengers') as unknown[] | undefined)?.length ?? 0) > 0
                            ? Promise.reject(new Error(t('checkpointsDuty.entry.plateForPassengers')))
                            : Promise.resolve(),
                      }),
                    ]}
                    validateTrigger={['onChange', 'onBlur']}
                    hasFeedback={!!plate}
                    extra={t('checkpointsDuty.entry.plateHint')}
                  >
                    <Input
                      ref={plateRef}
                      maxLength={10}
                      autoFocus={checkpoint.kind !== 'building_gate'}
                      autoComplete="off"
                      prefix={<CarOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
                      placeholder="川C12345"
                      onBlur={(e) => {
                        const n = normalizePlate(e.target.value);
                        if (n !== e.target.value) form.setFieldValue('plate', n);
                      }}
                      data-enter
                      data-testid="entry-plate"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  {driver ? (
                    <Alert
                      type="success"
                      showIcon
                      style={{ marginTop: screens.sm ? 30 : 0, marginBottom: 12 }}
                      data-testid="entry-repeat-offer"
                      title={t('checkpointsDuty.entry.seenBefore', { time: formatDateTime(driver.at), name: driver.name, count: lastGroup.length })}
                      action={
                        <Button size="small" type="primary" icon={<RetweetOutlined />} onClick={startRepeat} data-testid="entry-repeat">
                          {t('checkpointsDuty.entry.repeat')}
                        </Button>
                      }
                    />
                  ) : null}
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name="name" label={t('checkpointsDuty.common.name')} rules={rules.required(t('checkpointsDuty.common.name'))}>
                    <Input maxLength={50} autoComplete="off" data-enter data-testid="entry-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  <Form.Item label={t('checkpointsDuty.common.idNumber')} required extra={<IdHint form={form} path={['idNumber']} kindPath={['idKind']} />}>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item name="idKind" noStyle>
                        <Select style={{ width: lang === 'zh-CN' ? 124 : 156, flex: 'none' }} options={ID_KINDS.map((k) => ({ value: k, label: idKinds[k] }))} tabIndex={-1} data-testid="entry-id-kind" />
                      </Form.Item>
                      <Form.Item name="idNumber" noStyle rules={rules.id(['idKind'])} validateTrigger={['onChange', 'onBlur']} dependencies={['idKind']}>
                        <Input maxLength={20} autoComplete="off" placeholder={t('checkpointsDuty.entry.idPlaceholder')} data-enter data-testid="entry-id" />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name="phone" label={t('checkpointsDuty.common.phone')} required rules={rules.phone(true)} validateTrigger={['onChange', 'onBlur']} hasFeedback>
                    <Input maxLength={20} inputMode="tel" autoComplete="off" data-enter data-testid="entry-phone" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="temperature" label={t('checkpointsDuty.common.temperature')} rules={rules.temperature} extra={<FeverHint form={form} path={['temperature']} />}>
                    <Input inputMode="decimal" placeholder="36.5" suffix="°C" maxLength={5} autoComplete="off" data-enter data-testid="entry-temperature" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name="originProvince" label={t('checkpointsDuty.entry.originProvince')} rules={rules.required(t('checkpointsDuty.entry.originProvince'))}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={PROVINCES.map(([zh, en]) => ({ value: zh, label: lang === 'zh-CN' ? zh : `${en} ${zh}` }))}
                      onSelect={() => keys.focusAfter(document.activeElement)}
                      placeholder={t('checkpointsDuty.entry.provincePlaceholder')}
                      data-enter
                      data-testid="entry-origin-province"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="originCity" label={t('checkpointsDuty.entry.originCity')} rules={rules.required(t('checkpointsDuty.entry.originCity'))}>
                    <Input maxLength={30} autoComplete="off" data-enter data-testid="entry-origin-city" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name="destination" label={t('checkpointsDuty.entry.destination')} rules={rules.required(t('checkpointsDuty.entry.destination'))}>
                    <Input maxLength={100} autoComplete="off" data-enter data-testid="entry-destination" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="reason" label={t('checkpointsDuty.entry.reason')} rules={rules.required(t('checkpointsDuty.entry.reason'))}>
                <Input maxLength={100} autoComplete="off" placeholder={t('checkpointsDuty.entry.reasonPlaceholder')} data-enter data-testid="entry-reason" />
              </Form.Item>
            </>
          )}
          {repeat ? (
            <Form.Item name="temperature" label={t('checkpointsDuty.entry.driverTemperature')} rules={rules.temperature} extra={<FeverHint form={form} path={['temperature']} />} style={{ maxWidth: 240 }}>
              <Input inputMode="decimal" placeholder="36.5" suffix="°C" maxLength={5} autoComplete="off" data-enter data-testid="entry-temperature" />
            </Form.Item>
          ) : null}
          <Form.Item name="health" label={t('checkpointsDuty.entry.health')} extra={t('checkpointsDuty.entry.healthHint')}>
            <Checkbox.Group data-testid="entry-health">
              <Flex wrap gap={8}>
                {HEALTH_KEYS.map((k) => (
                  <Checkbox key={k} value={k} data-testid={`entry-health-${k}`}>
                    {t(`checkpointsDuty.entry.healthKeys.${k}`)}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>

          <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
            {repeat ? t('checkpointsDuty.entry.newPassengers') : t('checkpointsDuty.entry.passengers')}
            {passengers.length ? ` (${passengers.length})` : ''}
          </Divider>
          <Form.List name="passengers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => personRow(f.name, remove))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 8}
                  onClick={() => {
                    add({ idKind: 'resident_id' });
                    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-testid="entry-passenger-name-${fields.length}"]`)?.focus(), 0);
                  }}
                  block
                  data-testid="entry-add-passenger"
                >
                  {t('checkpointsDuty.entry.addPassenger')}
                </Button>
                {!repeat && fields.length > 0 && !plate ? (
                  <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
                    {t('checkpointsDuty.entry.plateForPassengers')}
                  </Typography.Text>
                ) : null}
              </>
            )}
          </Form.List>

          <Flex gap={12} wrap align="center" justify="space-between" style={{ marginTop: 16 }}>
            {!repeat ? (
              <Checkbox checked={keepTrip} onChange={(e) => setKeepTrip(e.target.checked)} data-testid="entry-keep-trip">
                {t('checkpointsDuty.entry.keepTrip')}
              </Checkbox>
            ) : (
              <span />
            )}
            <Space>
              <Button onClick={() => clear({})} data-testid="entry-clear">
                {t('checkpointsDuty.entry.clear')}
              </Button>
              <Button type="primary" icon={<ThunderboltOutlined />} loading={register.isPending} onClick={() => void submit()} data-testid="entry-submit" size="large">
                {t('checkpointsDuty.entry.submit')}
              </Button>
            </Space>
          </Flex>
        </Form>
      </div>
    </Card>
  );
}

// ---- find a self-registration by its code and enter the measured temperature
type Found = { main: Registration; group: Registration[] };

function CodeBox({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const inputRef = useRef<InputRef>(null);

  const find = async (raw: string) => {
    const c = normalizeCode(raw);
    setMissing(null);
    if (c.length !== 6) {
      setMissing(t('checkpointsDuty.entry.codeLength'));
      return;
    }
    setBusy(true);
    try {
      const r = await searchRegistrations({ q: c, pageSize: 20 });
      const main = r.items.find((x) => x.code.toUpperCase() === c);
      if (!main) {
        setFound(null);
        setMissing(t('checkpointsDuty.entry.codeNotFound', { code: c }));
        return;
      }
      let group = [main];
      if (main.plate) {
        const same = await searchRegistrations({ q: main.plate, checkpointId: main.checkpointId, pageSize: 50 });
        const members = same.items.filter((x) => x.groupId === main.groupId);
        if (members.length) group = [...members].sort((a, b) => Number(b.isVehicle) - Number(a.isVehicle) || a.at - b.at);
        if (!group.some((x) => x.id === main.id)) group.unshift(main);
      }
      setFound({ main, group });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const done = () => {
    setFound(null);
    setCode('');
    setTimeout(() => inputRef.current?.focus(), 0);
  };

  return (
    <Card size="small" title={t('checkpointsDuty.entry.codeTitle')} data-testid="entry-code-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('checkpointsDuty.entry.codeHint')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={inputRef}
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          onPressEnter={(e) => void find(e.currentTarget.value)}
          maxLength={8}
          placeholder={t('checkpointsDuty.entry.codePlaceholder')}
          autoComplete="off"
          style={{ fontFamily: 'monospace' }}
          data-testid="entry-code"
        />
        <Button type="primary" icon={<SearchOutlined />} loading={busy} onClick={() => void find(code)} aria-label={t('common.search')} data-testid="entry-code-find" />
      </Space.Compact>
      {missing ? <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }} data-testid="entry-code-missing">{missing}</Typography.Text> : null}
      {found ? <CodeResult found={found} checkpoint={checkpoint} onDone={done} /> : null}
    </Card>
  );
}

function CodeResult({ found, checkpoint, onDone }: { found: Found; checkpoint: Checkpoint; onDone: () => void }) {
  const { t } = useTranslation();
  const { directions } = useVocab();
  const [people, setPeople] = useState(found.group);
  const elsewhere = found.main.checkpointId !== checkpoint.id;
  return (
    <div style={{ marginTop: 12 }} data-testid="entry-code-result" data-code={found.main.code}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {formatDateTime(found.main.at)} · {found.main.checkpointName} · {directions[found.main.direction]}
        {found.main.plate ? ` · ${found.main.plate}` : ''}
      </Typography.Text>
      {elsewhere ? <Alert type="warning" showIcon style={{ margin: '6px 0' }} title={t('checkpointsDuty.entry.codeElsewhere', { name: found.main.checkpointName })} /> : null}
      {people.map((p, i) => (
        <TemperatureRow
          key={p.id}
          person={p}
          index={i}
          onSaved={(updated) => {
            setPeople((list) => list.map((x) => (x.id === updated.id ? updated : x)));
            const next = document.querySelector<HTMLInputElement>(`[data-testid="code-temperature-${i + 1}"]`);
            if (next) next.focus();
          }}
        />
      ))}
      <Button size="small" style={{ marginTop: 8 }} onClick={onDone} data-testid="entry-code-done">
        {t('checkpointsDuty.entry.codeDone')}
      </Button>
    </div>
  );
}

function TemperatureRow({ person, index, onSaved }: { person: Registration; index: number; onSaved: (r: Registration) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const save = useEnterTemperature();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    if (index === 0) ref.current?.focus();
  }, [index]);
  const submit = async () => {
    const n = parseTemperature(value);
    if (n === null || Number.isNaN(n)) {
      setError(t('checkpointsDuty.entry.invalid.temperature'));
      return;
    }
    setError(null);
    try {
      const updated = await save.mutateAsync({ id: person.id, temperature: n });
      setValue('');
      if (isFever(n)) void message.warning(t('checkpointsDuty.entry.temperatureRed', { name: person.name, value: n.toFixed(1) }));
      else void message.success(t('checkpointsDuty.entry.temperatureSaved', { name: person.name }));
      onSaved(updated);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Flex gap={8} align="center" wrap style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="code-person" data-name={person.name} data-result={person.result}>
      <div style={{ minWidth: 120, flex: '1 1 120px' }}>
        <Typography.Text strong>{person.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {person.idNumberMasked ?? '-'}
        </Typography.Text>
      </div>
      <Temperature value={person.temperature} />
      <ResultTag result={person.result} />
      <Space.Compact style={{ width: 150 }}>
        <Input
          ref={ref}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => void submit()}
          inputMode="decimal"
          placeholder="36.5"
          maxLength={5}
          status={error ? 'error' : undefined}
          aria-label={t('checkpointsDuty.common.temperature')}
          data-testid={index === 0 ? 'code-temperature' : `code-temperature-${index}`}
        />
        <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid={`code-temperature-save-${index}`}>
          {t('common.save')}
        </Button>
      </Space.Compact>
      {error ? (
        <Typography.Text type="danger" style={{ width: '100%', fontSize: 12 }}>
          {error}
        </Typography.Text>
      ) : isFever(parseTemperature(value)) ? (
        <Typography.Text type="danger" style={{ width: '100%', fontSize: 12 }}>
          {t('checkpointsDuty.entry.feverHint', { value: parseTemperature(value)!.toFixed(1) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

// ---- building gates: a scanned pass records entry/exit without typing
function ScanBox({ checkpoint, onReceipt }: { checkpoint: Checkpoint; onReceipt: (r: RegistrationReceipt) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { directions } = useVocab();
  const scan = useScanPass();
  const [direction, setDirection] = useState<Direction>('in');
  const [temperature, setTemperature] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codeRef = useRef<InputRef>(null);
  const tempValue = useMemo(() => parseTemperature(temperature), [temperature]);

  const submit = async (raw: string) => {
    const c = scannedPass(raw);
    if (!c) {
      setError(t('checkpointsDuty.entry.scanInvalid'));
      return;
    }
    if (tempValue !== null && Number.isNaN(tempValue)) {
      setError(t('checkpointsDuty.entry.invalid.temperature'));
      return;
    }
    setError(null);
    try {
      const receipt = await scan.mutateAsync({ checkpointId: checkpoint.id, body: { code: c, direction, temperature: tempValue } });
      onReceipt(receipt);
      void message.success(t('checkpointsDuty.entry.scanned', { name: receipt.persons[0]?.name ?? '' }));
      setCode('');
      setTemperature('');
    } catch (e) {
      setCode('');
      if (e instanceof ApiError && e.status < 500 && e.code !== NETWORK_ERROR) setError(e.message);
      else showError(e);
    } finally {
      codeRef.current?.focus();
    }
  };

  return (
    <Card size="small" title={<span><ScanOutlined /> {t('checkpointsDuty.entry.scanTitle')}</span>} data-testid="entry-scan-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('checkpointsDuty.entry.scanHint')}
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Segmented<Direction> value={direction} onChange={setDirection} options={DIRECTIONS.map((d) => ({ value: d, label: directions[d] }))} data-testid="entry-scan-direction" />
        <Input
          value={temperature}
          onChange={(e) => setTemperature(e.target.value)}
          onPressEnter={() => codeRef.current?.focus()}
          inputMode="decimal"
          placeholder={t('checkpointsDuty.entry.scanTemperature')}
          suffix="°C"
          maxLength={5}
          style={{ width: 150 }}
          status={tempValue !== null && Number.isNaN(tempValue) ? 'error' : undefined}
          data-testid="entry-scan-temperature"
        />
      </Flex>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={codeRef}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={(e) => void submit(e.currentTarget.value)}
          placeholder={t('checkpointsDuty.entry.scanPlaceholder')}
          autoComplete="off"
          autoFocus
          status={error ? 'error' : undefined}
          data-testid="entry-scan"
        />
        <Button type="primary" loading={scan.isPending} onClick={() => void submit(code)} data-testid="entry-scan-submit">
          {t('checkpointsDuty.entry.scanSubmit')}
        </Button>
      </Space.Compact>
      {error ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }}>
          {error}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
