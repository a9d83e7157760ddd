// /resumption/settings — the zone's rules for resumption (zone admins): the hours a submitted
// plan may wait (24-hour service), the hour by which daily reports are due (reminders after it),
// and the default hours to solve a demand.
import { useState } from 'react';
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RESUMPTION_SETTINGS, type ResumptionSettings } from '@shuangsheng/contracts';
import { useFormLayout, validateOrScroll } from '../../../components/FormDialog';
import { PageHeader } from '../../../components/ListPage';
import { ErrorState, PageSkeleton } from '../../../components/PageStates';
import { useApiError } from '../../../components/useApiError';
import { useSaveSettings, useSettings } from './api';

export default function ResumptionSettingsPage() {
  const { t } = useTranslation();
  const query = useSettings();
  return (
    <div>
      <PageHeader title={t('resumptionFiling.settings.title')} sub={t('resumptionFiling.settings.sub')} />
      {query.isPending ? <PageSkeleton rows={4} /> : query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <SettingsForm settings={query.data} />}
    </div>
  );
}

function SettingsForm({ settings }: { settings: ResumptionSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const layout = useFormLayout(200);
  const [form] = Form.useForm<ResumptionSettings>();
  const save = useSaveSettings();
  const [changed, setChanged] = useState(false);

  const onSave = async () => {
    const v = await validateOrScroll(form);
    if (!v) return;
    try {
      const saved = await save.mutateAsync(v);
      form.setFieldsValue(saved);
      setChanged(false);
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e, form);
    }
  };

  const field = (name: keyof ResumptionSettings, min: number, max: number, unit: string) => (
    <Form.Item
      name={name}
      label={t(`resumptionFiling.settings.${name}`)}
      extra={t(`resumptionFiling.settings.${name}Hint`, { value: DEFAULT_RESUMPTION_SETTINGS[name] })}
      rules={[{ required: true, type: 'integer', min, max, message: t('resumptionFiling.settings.range', { min, max }) }]}
    >
      <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 200 }} inputMode="numeric" data-testid={`settings-${name}`} />
    </Form.Item>
  );

  return (
    <Card style={{ maxWidth: 820 }}>
      <Form<ResumptionSettings> form={form} {...layout} initialValues={settings} onValuesChange={() => setChanged(true)} data-testid="settings-form">
        {field('slaHours', 1, 720, t('resumptionFiling.settings.hours'))}
        {field('reportCutoffHour', 0, 23, t('resumptionFiling.settings.oclock'))}
        {field('demandHours', 1, 8760, t('resumptionFiling.settings.hours'))}
        <Form.Item label=" " colon={false}>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={!changed} onClick={() => void onSave()} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
