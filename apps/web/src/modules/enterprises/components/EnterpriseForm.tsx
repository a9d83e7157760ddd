// Create or edit an enterprise (EnterpriseInput): credit code checked as typed, park → building
// cascading, grid tree, industry, output and tax in 万元 (stored as fen), flags, leading
// enterprise, people and contact. Used by the registry (新建) and the profile (编辑).
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRY_CODES, INDUSTRY_SECTIONS, isValidCreditCode, PHONE_RE, type Enterprise, type EnterpriseInput, type IndustrySection } from '@shuangsheng/contracts';
import { FormDialog, groupedNumber, useFormDialog } from '../../../components/FormDialog';
import { BuildingSelect, EnterpriseSelect, GridTreeSelect, ParkSelect } from '../../../components/pickers';
import { fenToWan, wanToFen } from '../../../lib/format';
import { enterprises } from '../api';

type Values = {
  creditCode: string;
  name: string;
  parkId?: string | null;
  buildingId?: string | null;
  gridUnitId?: string | null;
  industry?: IndustrySection | null;
  outputLastYearWan?: number | null;
  taxLastYearWan?: number | null;
  aboveScale: boolean;
  cityMonitored: boolean;
  leadingEnterpriseId?: string | null;
  employees?: number | null;
  legalRepresentative?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
};

/** API field → form field, for server validation messages. */
const FIELD_MAP = { outputLastYearFen: 'outputLastYearWan', taxLastYearFen: 'taxLastYearWan' };

const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export function toInput(v: Values): EnterpriseInput {
  return {
    creditCode: v.creditCode.trim().toUpperCase(),
    name: v.name.trim(),
    parkId: v.parkId ?? null,
    buildingId: v.buildingId ?? null,
    gridUnitId: v.gridUnitId ?? null,
    industry: v.industry ?? null,
    outputLastYearFen: wanToFen(v.outputLastYearWan),
    taxLastYearFen: wanToFen(v.taxLastYearWan),
    aboveScale: !!v.aboveScale,
    cityMonitored: !!v.cityMonitored,
    leadingEnterpriseId: v.leadingEnterpriseId ?? null,
    employees: v.employees ?? null,
    legalRepresentative: text(v.legalRepresentative),
    contactName: text(v.contactName),
    contactPhone: text(v.contactPhone),
    address: text(v.address),
  };
}

function toValues(e: Enterprise): Values {
  return {
    creditCode: e.creditCode,
    name: e.name,
    parkId: e.parkId,
    buildingId: e.buildingId,
    gridUnitId: e.gridUnitId,
    industry: e.industry,
    outputLastYearWan: fenToWan(e.outputLastYearFen),
    taxLastYearWan: fenToWan(e.taxLastYearFen),
    aboveScale: e.aboveScale,
    cityMonitored: e.cityMonitored,
    leadingEnterpriseId: e.leadingEnterpriseId,
    employees: e.employees,
    legalRepresentative: e.legalRepresentative ?? '',
    contactName: e.contactName ?? '',
    contactPhone: '',
    address: e.address ?? '',
  };
}

const half = { xs: 24, md: 12 };

export function EnterpriseForm({ enterprise, onClose, onSaved }: { enterprise: Enterprise | null; onClose: () => void; onSaved?: (e: Enterprise) => void }) {
  const { t, i18n } = useTranslation();
  const create = enterprises.useCreate();
  const update = enterprises.useUpdate();
  const { form, dialog } = useFormDialog<Values, Enterprise>({
    creating: !enterprise,
    onClose,
    onSaved,
    fieldMap: FIELD_MAP,
    save: (v) => {
      const input = toInput(v);
      if (!enterprise) return create.mutateAsync(input);
      // A blank phone keeps the one on record (it is only known masked here).
      const { contactPhone, ...rest } = input;
      return update.mutateAsync({ id: enterprise.id, patch: contactPhone ? input : rest });
    },
  });
  const parkId = Form.useWatch('parkId', form);

  const lang = i18n.language === 'en-US' ? 1 : 0;
  const money = (name: 'outputLastYearWan' | 'taxLastYearWan', label: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra}>
      <InputNumber<number> min={0} max={9e9} step={1} style={{ width: '100%' }} {...groupedNumber} suffix={t('enterprises.wanUnit')} />
    </Form.Item>
  );

  return (
    <FormDialog {...dialog} drawer width={820} title={enterprise ? t('enterprises.editTitle') : t('enterprises.createTitle')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={enterprise ? toValues(enterprise) : { aboveScale: false, cityMonitored: false }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('parkId' in changed) form.setFieldValue('buildingId', null);
        }}
        data-testid="enterprise-form"
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="creditCode"
              label={t('enterprises.creditCode')}
              normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
              validateTrigger={['onBlur', 'onChange']}
              rules={[
                { required: true, message: t('common.required', { field: t('enterprises.creditCode') }) },
                { validator: (_r, v: string | undefined) => (!v || (v.length >= 18 && isValidCreditCode(v)) ? Promise.resolve() : Promise.reject(new Error(t('enterprises.creditCodeInvalid')))), validateTrigger: 'onBlur' },
                { len: 18, message: t('enterprises.creditCodeInvalid'), validateTrigger: 'onBlur' },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="enterprise-credit-code" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="name" label={t('enterprises.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.name') }) }]}>
              <Input maxLength={100} data-testid="enterprise-name" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('enterprises.industry')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.select')}
                options={INDUSTRY_CODES.map((c) => ({ value: c, label: `${c} ${INDUSTRY_SECTIONS[c][lang]}` }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="employees" label={t('enterprises.employees')}>
              <InputNumber<number> min={0} max={1_000_000} precision={0} style={{ width: '100%' }} {...groupedNumber} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('enterprises.sectionLocation')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="parkId" label={t('enterprises.park')}>
              <ParkSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="buildingId" label={t('enterprises.building')}>
              <BuildingSelect parkId={parkId} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="gridUnitId" label={t('enterprises.gridUnit')}>
              <GridTreeSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="address" label={t('enterprises.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('enterprises.sectionScale')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>{money('outputLastYearWan', t('enterprises.outputLastYearWan'), t('enterprises.outputHint'))}</Col>
          <Col {...half}>{money('taxLastYearWan', t('enterprises.taxLastYearWan'))}</Col>
          <Col xs={12} md={6}>
            <Form.Item name="aboveScale" label={t('enterprises.aboveScale')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="cityMonitored" label={t('enterprises.cityMonitored')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="leadingEnterpriseId" label={t('enterprises.leadingEnterprise')}>
              <EnterpriseSelect
                placeholder={t('enterprises.leadingSearch')}
                initialOptions={
                  enterprise?.leadingEnterpriseId && enterprise.leadingEnterpriseName
                    ? [{ value: enterprise.leadingEnterpriseId, label: `${enterprise.leadingEnterpriseName} · ${enterprise.leadingEnterpriseCreditCode ?? ''}` }]
                    : []
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('enterprises.sectionContact')}
        </Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="legalRepresentative" label={t('enterprises.legalRepresentative')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactName" label={t('enterprises.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactPhone" label={t('enterprises.contactPhone')} rules={[{ pattern: PHONE_RE, message: t('common.phoneInvalid') }]}>
              <Input
                inputMode="tel"
                maxLength={20}
                placeholder={enterprise?.contactPhoneMasked ? t('enterprises.phoneKeep', { masked: enterprise.contactPhoneMasked }) : undefined}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
