// The extra fields of an item as the applicant will fill them in: the builder's live preview and
// the detail page's "information to fill in". Nothing here is saved.
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldType } from '@shuangsheng/contracts';

export type PreviewField = { key?: string; label?: string; type?: FieldType; required?: boolean; options?: string[] | undefined; help?: string | null | undefined };

function Control({ field }: { field: PreviewField }) {
  const { t } = useTranslation();
  switch (field.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'select':
      return <Select allowClear placeholder={t('services.selectPlaceholder')} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'checkbox':
      return <Checkbox>{t('common.yes')}</Checkbox>;
    default:
      return <Input />;
  }
}

export function FieldsPreview({ fields, empty, testId }: { fields: PreviewField[]; empty: string; testId?: string }) {
  const shown = fields.filter(Boolean);
  if (!shown.length) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {empty}
      </Typography.Text>
    );
  }
  return (
    <div data-testid={testId}>
      <Form component={false} layout="vertical">
        {shown.map((f, i) => (
          <Form.Item
            key={`${f.key ?? ''}-${i}`}
            label={f.label?.trim() || <Typography.Text type="secondary">{f.key || '—'}</Typography.Text>}
            required={!!f.required}
            extra={f.help || undefined}
            style={{ marginBottom: 12 }}
          >
            <Control field={f} />
          </Form.Item>
        ))}
      </Form>
    </div>
  );
}
