// The fields of the plan form, one block per step. Every step stays mounted (hidden when not
// current) so the values, the checks and the server's field errors live on every field.
import type { ReactNode } from 'react';
import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Typography, type FormInstance, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FIVE_IN_PLACE, PHONE_RE, PREVENTION_MEASURES, type FiveInPlaceKey } from '@shuangsheng/contracts';
import type { PlanFileRow } from '../api';
import { countIssuesOf, isFutureDay, type PlanFormValues, type PlanStep } from '../helpers';
import { PlanFilesField } from './PlanFilesField';
import { DayPicker } from './DayPicker';

type Shared = {
  form: FormInstance<PlanFormValues>;
  planId: string;
  files: readonly PlanFileRow[];
  onUploaded: (f: PlanFileRow) => void;
  today: string;
  /** The contact phone kept from before, masked. */
  storedPhone: string | null;
  values: PlanFormValues;
};

const COUNT_FIELDS = ['employeesTotal', 'plannedOnSite', 'returnedToCity', 'stillOutside', 'fromHighRisk', 'highRiskQuarantined'] as const;

/** A count must agree with the others (on-site ≤ employees …), as the server checks it. */
function useCountRule(): (field: string) => FormRule {
  const { t } = useTranslation();
  return (field) =>
    ({ getFieldsValue }) => ({
      validator: () => {
        const issue = countIssuesOf(getFieldsValue(true) as PlanFormValues).find((i) => i.path === field);
        if (!issue) return Promise.resolve();
        const other = t(`resumptionFiling.fields.${issue.other as 'employeesTotal'}`);
        return Promise.reject(
          new Error(issue.sum ? t('resumptionFiling.edit.sumNotAbove', { other, max: issue.max }) : t('resumptionFiling.edit.notAbove', { other, max: issue.max })),
        );
      },
    });
}

function Count({ name, max = 1_000_000, testId, extra, required = true }: { name: string; max?: number; testId: string; extra?: ReactNode; required?: boolean }) {
  const { t } = useTranslation();
  const rule = useCountRule();
  const dependent = (COUNT_FIELDS as readonly string[]).includes(name);
  return (
    <Form.Item
      name={name}
      label={t(`resumptionFiling.fields.${name as 'employeesTotal'}`)}
      required={required}
      extra={extra}
      rules={dependent ? [rule(name)] : []}
      dependencies={dependent ? COUNT_FIELDS.filter((f) => f !== name) : undefined}
    >
      <InputNumber min={0} max={max} precision={0} style={{ width: '100%', maxWidth: 240 }} inputMode="numeric" data-testid={testId} />
    </Form.Item>
  );
}

export function BasicStep() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="plannedStartDate" label={t('resumptionFiling.fields.plannedStartDate')} required extra={t('resumptionFiling.edit.plannedStartHint')}>
        <DayPicker style={{ width: '100%', maxWidth: 240 }} data-testid="plan-plannedStartDate" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Count name="employeesTotal" testId="plan-employeesTotal" />
        </Col>
        <Col xs={24} lg={12}>
          <Count name="plannedOnSite" testId="plan-plannedOnSite" />
        </Col>
        <Col xs={24} lg={12}>
          <Count name="returnedToCity" testId="plan-returnedToCity" />
        </Col>
        <Col xs={24} lg={12}>
          <Count name="stillOutside" testId="plan-stillOutside" />
        </Col>
        <Col xs={24} lg={12}>
          <Count name="fromHighRisk" testId="plan-fromHighRisk" extra={t('resumptionFiling.edit.fromHighRiskHint')} />
        </Col>
        <Col xs={24} lg={12}>
          <Count name="highRiskQuarantined" testId="plan-highRiskQuarantined" required={false} extra={t('resumptionFiling.edit.quarantinedHint')} />
        </Col>
      </Row>
      <Form.Item name="quarantineNote" label={t('resumptionFiling.fields.quarantineNote')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="plan-quarantineNote" />
      </Form.Item>
    </>
  );
}

export function SuppliesStep() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Count name="masks" testId="plan-masks" />
      </Col>
      <Col xs={24} lg={12}>
        <Count name="thermometers" testId="plan-thermometers" />
      </Col>
      <Col xs={24} lg={12}>
        <Count name="disinfectantLitres" testId="plan-disinfectantLitres" />
      </Col>
      <Col xs={24} lg={12}>
        <Count name="suppliesDays" max={365} testId="plan-suppliesDays" extra={t('resumptionFiling.edit.suppliesDaysHint')} />
      </Col>
    </Row>
  );
}

export function MeasuresStep({ planId, files, onUploaded }: Pick<Shared, 'planId' | 'files' | 'onUploaded'>) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="measures" label={t('resumptionFiling.fields.measures')} required>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="plan-measures">
          {PREVENTION_MEASURES.map((m) => (
            <Checkbox key={m} value={m} data-testid={`plan-measure-${m}`}>
              {t(`resumptionFiling.measures.${m}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="measuresNote" label={t('resumptionFiling.fields.measuresNote')}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="plan-measuresNote" />
      </Form.Item>
      <Form.Item name="measureFileIds" label={t('resumptionFiling.fields.measureFileIds')} extra={t('resumptionFiling.edit.measureFilesHint')}>
        <PlanFilesField planId={planId} files={files} onUploaded={onUploaded} testId="plan-measure-files" />
      </Form.Item>
    </>
  );
}

function FiveItem({ k, index, planId, files, onUploaded, today, values }: Omit<Shared, 'form' | 'storedPhone'> & { k: FiveInPlaceKey; index: number }) {
  const { t } = useTranslation();
  const entry = values.fiveInPlace?.[k];
  const done = !!entry?.date && !!entry.evidenceFileIds?.length;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {done ? <CheckCircleFilled style={{ color: '#389e0d', marginInlineEnd: 6 }} /> : <ExclamationCircleOutlined style={{ color: '#d46b08', marginInlineEnd: 6 }} />}
          {index + 1}. {t(`resumptionFiling.five.${k}`)}
        </span>
      }
      extra={
        <Typography.Text type={done ? 'success' : 'warning'} style={{ fontSize: 12 }}>
          {done ? t('resumptionFiling.edit.fiveDone') : t('resumptionFiling.edit.fiveMissing')}
        </Typography.Text>
      }
      data-testid={`plan-five-${k}`}
      data-done={done ? 'true' : 'false'}
    >
      <Form.Item
        name={['fiveInPlace', k, 'date']}
        label={t('resumptionFiling.fields.fiveDate')}
        required
        rules={[{ validator: (_r, v: Dayjs | null | undefined) => (v && isFutureDay(v, today) ? Promise.reject(new Error(t('resumptionFiling.edit.notFuture', { today }))) : Promise.resolve()) }]}
      >
        <DayPicker notAfter={today} style={{ width: '100%', maxWidth: 240 }} data-testid={`plan-five-${k}-date`} />
      </Form.Item>
      <Form.Item name={['fiveInPlace', k, 'note']} label={t('resumptionFiling.fields.fiveNote')}>
        <Input.TextArea rows={2} maxLength={500} disabled={!entry?.date} placeholder={entry?.date ? undefined : t('resumptionFiling.edit.dateFirst')} data-testid={`plan-five-${k}-note`} />
      </Form.Item>
      <Form.Item name={['fiveInPlace', k, 'evidenceFileIds']} label={t('resumptionFiling.fields.evidence')} required style={{ marginBottom: 0 }}>
        <PlanFilesField
          planId={planId}
          files={files}
          onUploaded={onUploaded}
          disabled={!entry?.date}
          disabledReason={t('resumptionFiling.edit.dateFirst')}
          testId={`plan-five-${k}-files`}
        />
      </Form.Item>
    </Card>
  );
}

export function FiveStep(props: Omit<Shared, 'form' | 'storedPhone'>) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('resumptionFiling.edit.fiveIntro')}</Typography.Paragraph>
      {FIVE_IN_PLACE.map((k, i) => (
        <FiveItem key={k} k={k} index={i} {...props} />
      ))}
    </>
  );
}

export function ContactStep({ storedPhone }: Pick<Shared, 'storedPhone'>) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="contactName" label={t('resumptionFiling.fields.contactName')} required>
        <Input maxLength={50} style={{ maxWidth: 320 }} data-testid="plan-contactName" autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('resumptionFiling.fields.contactPhone')}
        required
        extra={storedPhone ? t('resumptionFiling.edit.phoneKept', { phone: storedPhone }) : undefined}
        rules={[{ validator: (_r, v: string | null | undefined) => (!v || PHONE_RE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('common.phoneInvalid')))) }]}
      >
        <Input maxLength={20} style={{ maxWidth: 320 }} inputMode="tel" placeholder={storedPhone ?? undefined} data-testid="plan-contactPhone" autoComplete="tel" />
      </Form.Item>
    </>
  );
}

/** Which block a step shows. */
export function StepBody({ step, shared }: { step: PlanStep; shared: Shared }) {
  switch (step) {
    case 'basic':
      return <BasicStep />;
    case 'supplies':
      return <SuppliesStep />;
    case 'measures':
      return <MeasuresStep planId={shared.planId} files={shared.files} onUploaded={shared.onUploaded} />;
    case 'five':
      return <FiveStep planId={shared.planId} files={shared.files} onUploaded={shared.onUploaded} today={shared.today} values={shared.values} />;
    case 'contact':
      return <ContactStep storedPhone={shared.storedPhone} />;
  }
}

export type { Shared as StepShared };
