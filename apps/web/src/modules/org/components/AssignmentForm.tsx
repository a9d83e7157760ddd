// Create an assignment of responsibility: kind → target (enterprise search, park, grid tree),
// the responsible person, primary or assisting, a note. Also used from an enterprise profile.
import { App, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS, type AssignmentKind } from '@shuangsheng/contracts';
import { FormDialog, useFormLayout } from '../../../components/FormDialog';
import { EnterpriseSelect, GridTreeSelect, ParkSelect, UserSelect } from '../../../components/pickers';
import { useApiError } from '../../../components/useApiError';
import { assignments } from '../api';

type Values = { kind: AssignmentKind; targetId: string; userId: string; isPrimary: boolean; note?: string };

export function AssignmentForm({ onClose, preset }: { onClose: () => void; preset?: { kind: AssignmentKind; targetId: string; targetLabel: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = assignments.useCreate();
  const showError = useApiError();
  const layout = useFormLayout(110);
  const kind = Form.useWatch('kind', form) ?? preset?.kind ?? 'enterprise_commissioner';
  const targetLabel = t(`assignmentTargets.${kind}`);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ kind: v.kind, targetId: v.targetId, userId: v.userId, isPrimary: v.isPrimary, note: v.note?.trim() ? v.note.trim() : null });
      void message.success(t('common.created'));
      onClose();
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <FormDialog open title={t('assignments.createTitle')} busy={create.isPending} onSubmit={() => void submit().catch(() => undefined)} onClose={onClose} width={600}>
      <Form
        form={form}
        {...layout}
        initialValues={{ kind: preset?.kind ?? 'enterprise_commissioner', targetId: preset?.targetId, isPrimary: true }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('kind' in changed) form.setFieldValue('targetId', undefined);
        }}
      >
        <Form.Item name="kind" label={t('assignments.kind')} rules={[{ required: true }]}>
          <Select disabled={!!preset} options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignmentKinds.${k}`) }))} data-testid="assignment-kind" />
        </Form.Item>
        <Form.Item name="targetId" label={targetLabel} rules={[{ required: true, message: t('common.requiredSelect', { field: targetLabel }) }]}>
          {kind === 'enterprise_commissioner' ? (
            <EnterpriseSelect disabled={!!preset} initialOptions={preset ? [{ value: preset.targetId, label: preset.targetLabel }] : []} testId="assignment-target" />
          ) : kind === 'park_inspector' ? (
            <ParkSelect testId="assignment-target" />
          ) : (
            <GridTreeSelect testId="assignment-target" />
          )}
        </Form.Item>
        <Form.Item name="userId" label={t('assignments.user')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('assignments.user') }) }]}>
          <UserSelect staffOnly testId="assignment-user" />
        </Form.Item>
        <Form.Item name="isPrimary" label={t('assignments.primary')} valuePropName="checked" extra={t('assignments.primaryHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('assignments.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
