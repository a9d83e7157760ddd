// The item's extra fields as inputs (text / number / date / select / checkbox, required marks),
// under `form.<key>` of an antd Form; and the read-only view of the values an application holds.
import type { ReactNode } from 'react';
import { WarningOutlined } from '@ant-design/icons';
import { Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectionPoint, FormValues } from '@shuangsheng/contracts';
import { fieldText, type ItemField } from '../helpers';

/** Form.Item injects value / checked / onChange / id into its child: pass them to the input. */
type Injected = { value?: never; checked?: never; onChange?: never; id?: string };

function Control({ field, disabled, ...injected }: { field: ItemField; disabled: boolean } & Injected) {
  const { t } = useTranslation();
  const testId = `apply-field-${field.key}`;
  const rest = injected as Record<string, never>;
  switch (field.type) {
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...rest} disabled={disabled} data-testid={testId} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} {...rest} disabled={disabled} data-testid={testId} />;
    case 'select':
      return (
        <Select
          {...rest}
          allowClear
          disabled={disabled}
          placeholder={t('common.select')}
          options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
          data-testid={testId}
        />
      );
    case 'checkbox':
      return (
        <Checkbox {...rest} disabled={disabled} data-testid={testId}>
          {t('common.yes')}
        </Checkbox>
      );
    default:
      return <Input {...rest} disabled={disabled} maxLength={2000} data-testid={testId} />;
  }
}

/** A correction point shown where it applies. */
export function CorrectionNote({ point }: { point: CorrectionPoint | undefined }) {
  const { t } = useTranslation();
  if (!point) return null;
  return (
    <div style={{ color: '#d46b08', fontSize: 13, marginTop: 4 }} data-testid={`correction-note-${point.key}`}>
      <WarningOutlined /> {t('applications.correctionNote', { comment: point.comment })}
    </div>
  );
}

type InputsProps = {
  fields: readonly ItemField[];
  /** Keys that may change (a draft: all; in correction: the marked ones). */
  editable: ReadonlySet<string>;
  pointOf?: (key: string) => CorrectionPoint | undefined;
};

export function FieldInputs({ fields, editable, pointOf }: InputsProps) {
  const { t } = useTranslation();
  if (!fields.length) return <Typography.Text type="secondary">{t('applications.noFields')}</Typography.Text>;
  return (
    <>
      {fields.map((f) => {
        const point = pointOf?.(f.key);
        const isBox = f.type === 'checkbox';
        return (
          <div
            key={f.key}
            style={point ? { border: '1px solid #ffd591', background: '#fff7e6', borderRadius: 6, padding: '8px 10px 0', marginBottom: 12 } : undefined}
            data-correction={point ? 'true' : undefined}
          >
            <Form.Item
              name={['form', f.key]}
              label={f.label}
              valuePropName={isBox ? 'checked' : 'value'}
              extra={
                <>
                  {f.help ? <span>{f.help}</span> : null}
                  <CorrectionNote point={point} />
                </>
              }
              rules={f.required && !isBox ? [{ required: true, message: t(f.type === 'select' ? 'common.requiredSelect' : 'common.required', { field: f.label }) }] : []}
              required={f.required}
            >
              <Control field={f} disabled={!editable.has(f.key)} />
            </Form.Item>
          </div>
        );
      })}
    </>
  );
}

type ViewProps = {
  fields: readonly ItemField[];
  values: FormValues;
  /** Beside each value (the officer's correction checkbox). */
  aside?: (field: ItemField) => ReactNode;
  pointOf?: (key: string) => CorrectionPoint | undefined;
};

export function FieldValuesView({ fields, values, aside, pointOf }: ViewProps) {
  const { t } = useTranslation();
  if (!fields.length) return <Typography.Text type="secondary">{t('applications.noFields')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="app-form-values"
      items={fields.map((f) => {
        const text = fieldText(f, values[f.key], [t('common.yes'), t('common.no')]);
        return {
          key: f.key,
          label: (
            <span>
              {f.required ? <span style={{ color: '#ff4d4f', marginInlineEnd: 2 }}>*</span> : null}
              {f.label}
            </span>
          ),
          children: (
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'flex-start' }}>
              <div data-testid={`app-field-value-${f.key}`}>
                {text || <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>}
                <CorrectionNote point={pointOf?.(f.key)} />
              </div>
              {aside?.(f)}
            </div>
          ),
        };
      })}
    />
  );
}
