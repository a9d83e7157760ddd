// 复工日报: one report per enterprise and day — staff on site (≤ employees), capacity
// utilisation %, days the protective supplies last, people with abnormal temperature. A second
// report of the same day replaces the first: the form says so and shows the one it replaces.
import { useState } from 'react';
import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DailyReport } from '@shuangsheng/contracts';
import { useApiError } from '../../../../components/useApiError';
import { formatDateTime, formatNumber, zoneDateOf } from '../../../../lib/format';
import { useDailyReports, useSubmitReport } from '../api';
import { isFutureDay } from '../helpers';
import { DayPicker } from './DayPicker';

type Values = { reportDate: Dayjs; staffOnSite: number | null; capacityPct: number | null; suppliesDaysLeft: number | null; abnormalTemperature: number | null; note?: string | null };

type Props = {
  enterpriseId: string;
  /** The headcount staff on site may not exceed (registry figure, else the approved plan's). */
  employees: number | null;
  /** Officers name the enterprise; enterprise users report for their own. */
  sendEnterpriseId?: boolean;
  onSaved?: (r: DailyReport) => void;
};

export function DailyReportForm({ enterpriseId, employees, sendEnterpriseId, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReport();
  const today = zoneDateOf(Date.now());
  const [date, setDate] = useState(today);
  const sameDay = useDailyReports({ enterpriseId, from: date, to: date, page: 1, pageSize: 1 });
  const existing = sameDay.data?.items.find((r) => r.reportDate === date) ?? null;

  const fill = (r: DailyReport | null) => {
    if (!r) return;
    form.setFieldsValue({ staffOnSite: r.staffOnSite, capacityPct: r.capacityPct, suppliesDaysLeft: r.suppliesDaysLeft, abnormalTemperature: r.abnormalTemperature, note: r.note });
  };

  const onFinish = async (v: Values) => {
    try {
      const saved = await submit.mutateAsync({
        ...(sendEnterpriseId ? { enterpriseId } : {}),
        reportDate: v.reportDate.format('YYYY-MM-DD'),
        staffOnSite: v.staffOnSite ?? 0,
        capacityPct: v.capacityPct ?? 0,
        suppliesDaysLeft: v.suppliesDaysLeft ?? 0,
        abnormalTemperature: v.abnormalTemperature ?? 0,
        note: v.note?.trim() || null,
      });
      void message.success(saved.replaced ? t('resumptionFiling.report.replacedDone', { date: saved.reportDate }) : t('resumptionFiling.report.savedDone', { date: saved.reportDate }));
      onSaved?.(saved);
    } catch (e) {
      showError(e, form);
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ reportDate: dayjs(today), abnormalTemperature: 0 }}
      onFinish={(v) => void onFinish(v)}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.reportDate) setDate(changed.reportDate.format('YYYY-MM-DD'));
      }}
      data-testid="report-form"
    >
      <Alert
        type={existing ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={existing ? t('resumptionFiling.report.existing', { date, time: formatDateTime(existing.updatedAt) }) : t('resumptionFiling.report.onePerDay')}
        action={
          existing ? (
            <Button size="small" onClick={() => fill(existing)} data-testid="report-fill-existing">
              {t('resumptionFiling.report.loadExisting')}
            </Button>
          ) : undefined
        }
        data-testid="report-replace-note"
        data-existing={existing ? 'true' : 'false'}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="reportDate"
            label={t('resumptionFiling.report.date')}
            rules={[
              { required: true, message: t('common.requiredSelect', { field: t('resumptionFiling.report.date') }) },
              { validator: (_r, v: Dayjs | null) => (v && isFutureDay(v, today) ? Promise.reject(new Error(t('resumptionFiling.edit.notFuture', { today }))) : Promise.resolve()) },
            ]}
          >
            <DayPicker notAfter={today} style={{ width: '100%' }} allowClear={false} data-testid="report-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="staffOnSite"
            label={t('resumptionFiling.report.staffOnSite')}
            extra={employees !== null ? t('resumptionFiling.report.employeesHint', { employees: formatNumber(employees) }) : undefined}
            rules={[
              required(t('resumptionFiling.report.staffOnSite')),
              {
                validator: (_r, v: number | null) =>
                  employees !== null && v !== null && v !== undefined && v > employees ? Promise.reject(new Error(t('resumptionFiling.report.overEmployees', { employees: formatNumber(employees) }))) : Promise.resolve(),
              },
            ]}
          >
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="report-staffOnSite" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="capacityPct" label={t('resumptionFiling.report.capacityPct')} rules={[required(t('resumptionFiling.report.capacityPct'))]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} inputMode="numeric" data-testid="report-capacityPct" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="suppliesDaysLeft" label={t('resumptionFiling.report.suppliesDaysLeft')} rules={[required(t('resumptionFiling.report.suppliesDaysLeft'))]}>
            <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="report-suppliesDaysLeft" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="abnormalTemperature" label={t('resumptionFiling.report.abnormalTemperature')} extra={t('resumptionFiling.report.abnormalHint')} rules={[required(t('resumptionFiling.report.abnormalTemperature'))]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="report-abnormalTemperature" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="note" label={t('resumptionFiling.report.note')}>
            <Input.TextArea rows={2} maxLength={1000} showCount data-testid="report-note" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} block data-testid="report-submit" style={{ maxWidth: 360 }}>
        {existing ? t('resumptionFiling.report.replace') : t('resumptionFiling.report.submit')}
      </Button>
      {existing ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 12 }}>
          {t('resumptionFiling.report.replaceHint')}
        </Typography.Text>
      ) : null}
    </Form>
  );
}
