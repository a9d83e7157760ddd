// /services/items/new and /services/items/:id/edit — the item editor, a full page in sections:
// basics (promised ≤ legal checked as you type), how it is handled, materials (keys m1, m2…,
// template files), the field builder with a live preview of the applicant's form, and the filing
// guide in Markdown with a live preview. Leaving with unsaved changes asks first; what the server
// refuses lands on the field it names (materials.0.name).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Anchor, App, AutoComplete, Breadcrumb, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Tooltip, Typography, type FormInstance,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { APPLICANT_TYPES, FIELD_TYPES, FILE_TYPES, SERVICE_CATEGORIES, type ServiceItem } from '@shuangsheng/contracts';
import { ApiError } from '../../../api/client';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { serviceItems, useDepartments } from '../api';
import { FieldsPreview, type PreviewField } from '../components/FieldsPreview';
import { Markdown } from '../components/Markdown';
import { TemplateUpload } from '../components/TemplateUpload';
import { EMPTY_ITEM, nearestFields, newField, newMaterial, toInput, toValues, type FieldValues, type ItemValues, type MaterialValues } from '../form';

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/;
const MATERIAL_KEY_RE = /^[a-z][a-z0-9_]{0,31}$/;
const FIELD_KEY_RE = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
/** The catalogue sheet separates entries with these (contracts refuse them too). */
const SHEET_SEPARATORS = /[|；\r\n]/;
const HEADER = 56;
const ANCHOR = 46;

export default function ServiceItemEditPage() {
  const { id } = useParams();
  const query = serviceItems.useOne(id);
  if (id && query.isPending) return <PageSkeleton rows={12} />;
  if (id && query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Editor key={id ?? 'new'} item={id ? (query.data ?? null) : null} />;
}

const fingerprint = (v: ItemValues) => JSON.stringify({ ...toInput(v), templateNames: (v.materials ?? []).map((m) => m.templateFileName ?? null) });

function Editor({ item }: { item: ServiceItem | null }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const [form] = Form.useForm<ItemValues>();
  const create = serviceItems.useCreate();
  const update = serviceItems.useUpdate();
  const [busy, setBusy] = useState(false);
  const initial = useMemo(() => (item ? toValues(item) : EMPTY_ITEM), [item]);
  const initialPrint = useMemo(() => fingerprint(initial), [initial]);
  const leaving = useRef(false);
  const backTo = item ? `/services/items/${item.id}` : '/services/items';

  // Whether what is on screen differs from what was loaded; read at the moment of leaving.
  const isDirty = () => !leaving.current && fingerprint(form.getFieldsValue(true) as ItemValues) !== initialPrint;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && isDirty());
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('services.unsavedTitle'),
      content: t('services.unsavedDesc'),
      okText: t('services.leave'),
      okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' } as never,
      cancelText: t('services.stay'),
      cancelButtonProps: { 'data-testid': 'unsaved-stay' } as never,
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  });

  const submit = async () => {
    try {
      await form.validateFields({ recursive: true });
    } catch (e) {
      const errors = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields ?? [];
      if (errors[0]) scrollToField(form, errors[0].name);
      if (errors.length) void message.error(t('common.formHasErrors', { count: errors.length }));
      return;
    }
    const input = toInput(form.getFieldsValue(true) as ItemValues);
    setBusy(true);
    try {
      const saved = item ? await update.mutateAsync({ id: item.id, patch: input }) : await create.mutateAsync(input);
      void message.success(item ? t('common.saved') : t('common.created'));
      leaving.current = true;
      void navigate(`/services/items/${saved.id}`);
    } catch (e) {
      setBusy(false);
      showError(onRegisteredFields(e, form), form as FormInstance);
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) scrollToField(form, first.name);
    }
  };

  const sections = [
    { key: 'basic', title: t('services.sectionBasic') },
    { key: 'flags', title: t('services.sectionFlags') },
    { key: 'materials', title: t('services.sectionMaterials') },
    { key: 'fields', title: t('services.sectionFields') },
    { key: 'guide', title: t('services.sectionGuide') },
  ];

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            title: (
              <Link to="/services/items">
                <ArrowLeftOutlined /> {t('services.title')}
              </Link>
            ),
          },
          ...(item ? [{ title: <Link to={backTo}>{item.name}</Link> }] : []),
          { title: item ? t('services.editTitle') : t('services.createTitle') },
        ]}
      />
      <Typography.Title level={4} style={{ margin: '0 0 8px' }} data-testid="page-title">
        {item ? t('services.editTitle') : t('services.createTitle')}
        {item ? (
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 12, fontFamily: 'monospace' }}>
            {item.code}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <div style={{ position: 'sticky', top: HEADER, zIndex: 5, background: '#f5f5f5', paddingBottom: 8, marginBottom: 4 }} data-testid="item-sections">
        <Anchor
          style={{ background: '#fff', borderRadius: 8, border: '1px solid #f0f0f0', padding: '2px 8px' }}
          direction="horizontal"
          affix={false}
          targetOffset={HEADER + ANCHOR + 8}
          replace
          items={sections.map((s) => ({ key: s.key, href: `#item-${s.key}`, title: s.title }))}
        />
      </div>
      <Form<ItemValues> form={form} layout="vertical" initialValues={initial} data-testid="item-form" scrollToFirstError={false} requiredMark>
        <Flex vertical gap={16}>
          <Section id="basic" title={t('services.sectionBasic')}>
            <Basics form={form} />
          </Section>
          <Section id="flags" title={t('services.sectionFlags')}>
            <Flags />
          </Section>
          <Section id="materials" title={t('services.sectionMaterials')}>
            <Materials />
          </Section>
          <Section id="fields" title={t('services.sectionFields')}>
            <Fields form={form} />
          </Section>
          <Section id="guide" title={t('services.sectionGuide')}>
            <Guide form={form} />
          </Section>
        </Flex>
      </Form>
      <div
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 5,
          marginTop: 16,
          padding: '12px 16px',
          background: '#fff',
          borderTop: '1px solid #f0f0f0',
          boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
          display: 'flex',
          justifyContent: 'flex-end',
          gap: 8,
        }}
      >
        <Button onClick={() => void navigate(backTo)} data-testid="item-form-cancel">
          {t('common.cancel')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="item-form-submit">
          {item ? t('common.save') : t('services.saveCreate')}
        </Button>
      </div>
    </div>
  );
}

/** What the server refused, with each path cut back to a field this form shows. */
function onRegisteredFields(e: unknown, form: FormInstance<ItemValues>): unknown {
  if (!(e instanceof ApiError) || !e.fieldIssues.length) return e;
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  return new ApiError(e.status, e.code, e.message, nearestFields(e.fieldIssues, registered));
}

/** Brings a field to the middle of the screen, clear of the sticky header and section bar. */
function scrollToField(form: FormInstance<ItemValues>, name: (string | number)[]) {
  const el = document.getElementById(name.join('_'));
  if (el) el.scrollIntoView({ block: 'center' });
  else form.scrollToField(name, { block: 'center' });
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card id={`item-${id}`} title={title} data-testid={`item-section-${id}`} style={{ scrollMarginTop: HEADER + ANCHOR + 8 }}>
      {children}
    </Card>
  );
}

function Basics({ form }: { form: FormInstance<ItemValues> }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const department = (Form.useWatch('department', form) as string | undefined) ?? '';
  const legal = Form.useWatch('legalDays', form) as number | null | undefined;
  const departmentOptions = (departments.data ?? [])
    .filter((d) => !department.trim() || d.toLowerCase().includes(department.trim().toLowerCase()))
    .map((d) => ({ value: d, label: d }));
  const days = <span style={{ whiteSpace: 'nowrap' }}>{t('services.daysUnit')}</span>;

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('services.code')}
            tooltip={t('services.codeHint')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('services.code') }) },
              { pattern: CODE_RE, message: t('services.codeRule') },
            ]}
          >
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="item-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('services.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('services.name') }) }]}>
            <Input maxLength={100} data-testid="item-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="department" label={t('services.department')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('services.department') }) }]}>
            <AutoComplete options={departmentOptions}>
              <Input placeholder={t('services.departmentPlaceholder')} maxLength={100} data-testid="item-department" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('services.category')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('services.category') }) }]}>
            <Select placeholder={t('common.select')} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`serviceCategories.${c}`) }))} data-testid="item-category" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="applicantTypes" label={t('services.applicantTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('services.applicantTypes') }) }]}>
            <Checkbox.Group options={APPLICANT_TYPES.map((a) => ({ value: a, label: t(`applicantTypes.${a}`) }))} data-testid="item-applicant-types" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="legalDays" label={t('services.legalDays')} rules={[{ required: true, message: t('common.required', { field: t('services.legalDays') }) }]}>
            <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} suffix={days} data-testid="item-legal-days" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="promisedDays"
            label={t('services.promisedDays')}
            dependencies={['legalDays']}
            extra={t('services.promisedHint')}
            rules={[
              { required: true, message: t('common.required', { field: t('services.promisedDays') }) },
              {
                validator: (_r, v: number | null | undefined) =>
                  v === null || v === undefined || legal === null || legal === undefined || v <= legal ? Promise.resolve() : Promise.reject(new Error(t('services.promisedRule', { legal }))),
              },
            ]}
          >
            <InputNumber<number> min={0} max={365} precision={0} style={{ width: '100%' }} suffix={days} data-testid="item-promised-days" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function FlagSwitch({ name, label, hint, testId }: { name: keyof ItemValues; label: string; hint: string; testId: string }) {
  return (
    <Flex gap={10} align="flex-start">
      <Form.Item name={name} valuePropName="checked" noStyle>
        <Switch data-testid={testId} aria-label={label} />
      </Form.Item>
      <div style={{ lineHeight: 1.4 }}>
        <div>{label}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </div>
    </Flex>
  );
}

function Flags() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ItemValues>();
  const issues = Form.useWatch('issuesLicence', form) as boolean | undefined;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={8}>
        <FlagSwitch name="onlineEnabled" label={t('services.onlineEnabled')} hint={t('services.onlineEnabledHint')} testId="item-online" />
      </Col>
      <Col xs={24} md={8}>
        <FlagSwitch name="fullyElectronic" label={t('services.fullyElectronic')} hint={t('services.fullyElectronicHint')} testId="item-fully-electronic" />
      </Col>
      <Col xs={24} md={8}>
        <FlagSwitch name="agencyEligible" label={t('services.agencyEligible')} hint={t('services.agencyEligibleHint')} testId="item-agency" />
      </Col>
      <Col xs={24} md={8}>
        <Flex gap={10} align="center" style={{ minHeight: 32 }}>
          <Form.Item name="issuesLicence" valuePropName="checked" noStyle>
            <Switch data-testid="item-issues-licence" aria-label={t('services.issuesLicence')} />
          </Form.Item>
          <span>{t('services.issuesLicence')}</span>
        </Flex>
      </Col>
      {issues ? (
        <Col xs={24} md={16}>
          <Form.Item
            name="licenceName"
            label={t('services.licenceName')}
            style={{ marginBottom: 0 }}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('services.licenceName') }) }]}
          >
            <Input maxLength={50} placeholder={t('services.licenceNamePlaceholder')} data-testid="item-licence-name" />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}

function Materials() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ItemValues>();
  return (
    <Form.List name="materials">
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={12}>
          {rows.length === 0 ? <Typography.Text type="secondary">{t('services.noMaterials')}</Typography.Text> : null}
          {rows.map((row, index) => (
            <MaterialRow key={row.key} index={index} name={row.name} onRemove={() => remove(row.name)} />
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            data-testid="material-add"
            onClick={() => {
              const used = ((form.getFieldValue('materials') as MaterialValues[] | undefined) ?? []).map((m) => m?.key);
              add(newMaterial(used));
            }}
          >
            {t('services.addMaterial')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

function RowBox({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 16px 0', background: '#fafafa' }} data-testid={testId}>
      {children}
    </div>
  );
}

function MaterialRow({ index, name, onRemove }: { index: number; name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ItemValues>();
  const key = Form.useWatch(['materials', name, 'key'], form) as string | undefined;
  return (
    <RowBox testId={`material-${index}`}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Space size={8}>
          <Typography.Text strong>{index + 1}.</Typography.Text>
          <Tooltip title={t('services.materialKey')}>
            <Tag style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>{key}</Tag>
          </Tooltip>
        </Space>
        <Tooltip title={t('services.removeMaterial')}>
          <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('services.removeMaterial')} data-testid={`material-remove-${index}`} />
        </Tooltip>
      </Flex>
      <Form.Item name={[name, 'key']} hidden rules={[{ pattern: MATERIAL_KEY_RE, message: t('services.materialKeyRule') }]}>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'templateFileId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'templateFileName']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name={[name, 'name']}
            label={t('services.materialName')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('services.materialName') }) },
              { validator: (_r, v: string | undefined) => (v && SHEET_SEPARATORS.test(v) ? Promise.reject(new Error(t('services.sheetSeparators'))) : Promise.resolve()) },
            ]}
          >
            <Input maxLength={100} data-testid={`material-name-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={16} md={9}>
          <Form.Item name={[name, 'fileTypes']} label={t('services.fileTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('services.fileTypesRequired') }]}>
            <Select mode="multiple" options={FILE_TYPES.map((f) => ({ value: f, label: t(`fileTypes.${f}`) }))} maxTagCount="responsive" data-testid={`material-types-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={8} md={5}>
          <Form.Item name={[name, 'required']} label={t('services.materialRequired')} valuePropName="checked">
            <Switch checkedChildren={t('services.required')} unCheckedChildren={t('services.optional')} data-testid={`material-required-${index}`} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={t('services.template')}>
            <TemplateUpload index={name} testId={`material-template-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name={[name, 'note']} label={t('services.materialNote')}>
            <Input maxLength={200} placeholder={t('services.materialNotePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </RowBox>
  );
}

function Fields({ form }: { form: FormInstance<ItemValues> }) {
  const { t } = useTranslation();
  const fields = (Form.useWatch('fields', form) as FieldValues[] | undefined) ?? [];
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={14}>
        <Form.List name="fields">
          {(rows, { add, remove }, { errors }) => (
            <Flex vertical gap={12}>
              {rows.length === 0 ? <Typography.Text type="secondary">{t('services.noFields')}</Typography.Text> : null}
              {rows.map((row, index) => (
                <FieldRow key={row.key} index={index} name={row.name} onRemove={() => remove(row.name)} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                data-testid="field-add"
                onClick={() => add(newField(((form.getFieldValue('fields') as FieldValues[] | undefined) ?? []).map((f) => f?.key)))}
              >
                {t('services.addField')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('services.preview')} styles={{ body: { background: '#fff' } }} style={{ background: '#fafafa', position: 'sticky', top: HEADER + ANCHOR + 16 }}>
          <FieldsPreview fields={fields as PreviewField[]} empty={t('services.previewEmpty')} testId="fields-preview" />
        </Card>
      </Col>
    </Row>
  );
}

function FieldRow({ index, name, onRemove }: { index: number; name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ItemValues>();
  const type = Form.useWatch(['fields', name, 'type'], form) as string | undefined;
  const uniqueKey = {
    validator: (_r: unknown, v: string | undefined) => {
      const all = ((form.getFieldValue('fields') as FieldValues[] | undefined) ?? []).map((f) => f?.key?.trim());
      return v && all.filter((k) => k === v.trim()).length > 1 ? Promise.reject(new Error(t('services.duplicateKey', { key: v }))) : Promise.resolve();
    },
  };
  return (
    <RowBox testId={`field-${index}`}>
      <Row gutter={12} align="top">
        <Col xs={24} sm={10}>
          <Form.Item
            name={[name, 'label']}
            label={t('services.fieldLabel')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('services.fieldLabel') }) },
              { validator: (_r, v: string | undefined) => (v && SHEET_SEPARATORS.test(v) ? Promise.reject(new Error(t('services.sheetSeparators'))) : Promise.resolve()) },
            ]}
          >
            <Input maxLength={100} data-testid={`field-label-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item
            name={[name, 'key']}
            label={t('services.fieldKey')}
            rules={[{ required: true, message: t('common.required', { field: t('services.fieldKey') }) }, { pattern: FIELD_KEY_RE, message: t('services.fieldKeyRule') }, uniqueKey]}
          >
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid={`field-key-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={7}>
          <Form.Item name={[name, 'type']} label={t('services.fieldType')}>
            <Select options={FIELD_TYPES.map((f) => ({ value: f, label: t(`fieldTypes.${f}`) }))} data-testid={`field-type-${index}`} />
          </Form.Item>
        </Col>
      </Row>
      {type === 'select' ? (
        <Form.Item
          name={[name, 'options']}
          label={t('services.fieldOptions')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('services.fieldOptionsRequired') },
            { type: 'array', max: 50, message: t('services.fieldOptionsMax', { max: 50 }) },
            {
              validator: (_r, v: string[] | undefined) =>
                (v ?? []).some((o) => o.trim().length > 50)
                  ? Promise.reject(new Error(t('services.fieldOptionTooLong', { max: 50 })))
                  : (v ?? []).some((o) => SHEET_SEPARATORS.test(o))
                    ? Promise.reject(new Error(t('services.sheetSeparators')))
                    : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={t('services.fieldOptionsPlaceholder')} data-testid={`field-options-${index}`} />
        </Form.Item>
      ) : null}
      <Row gutter={12} align="bottom">
        <Col flex="auto">
          <Form.Item name={[name, 'help']} label={t('services.fieldHelp')}>
            <Input maxLength={200} data-testid={`field-help-${index}`} />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item name={[name, 'required']} label={t('services.fieldRequired')} valuePropName="checked">
            <Switch data-testid={`field-required-${index}`} />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item label=" " colon={false}>
            <Tooltip title={t('services.removeField')}>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('services.removeField')} data-testid={`field-remove-${index}`} />
            </Tooltip>
          </Form.Item>
        </Col>
      </Row>
    </RowBox>
  );
}

function Guide({ form }: { form: FormInstance<ItemValues> }) {
  const { t } = useTranslation();
  const guide = (Form.useWatch('guide', form) as string | undefined) ?? '';
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={12}>
        <Form.Item name="guide" label={t('services.guide')} extra={t('services.guideHint')} style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 12, maxRows: 30 }} maxLength={20_000} placeholder={t('services.guidePlaceholder')} data-testid="item-guide" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text type="secondary" style={{ display: 'block', paddingBottom: 8 }}>
          {t('services.guidePreview')}
        </Typography.Text>
        <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 16px', minHeight: 200, background: '#fff' }}>
          <Markdown source={guide} testId="guide-preview" empty={<Typography.Text type="secondary">{t('services.guideEmpty')}</Typography.Text>} />
        </div>
      </Col>
    </Row>
  );
}
