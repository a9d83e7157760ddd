// Create an assignment of responsibility: kind → target (enterprise search, park, grid tree),
// the responsible person, primary or assisting, a note. Also used from an enterprise profile.
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS, type AssignmentKind } from '@shuangsheng/contracts';
import { FormDialog, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { EnterpriseSelect, GridTreeSelect, ParkSelect, UserSelect } from '../../../components/pickers';
import { assignments } from '../api';

type Values = { kind: AssignmentKind; targetId: string; userId: string; isPrimary: boolean; note?: string };

export function AssignmentForm({ onClose, preset }: { onClose: () => void; preset?: { kind: AssignmentKind; targetId: string; targetLabel: string } }) {
  const { t } = useTranslation();
  const create = assignments.useCreate();
  const layout = useFormLayout(110);
  // The person already holding it (409 on userId) or a primary taken meanwhile (on isPrimary)
  // show on those fields.
  const { form, dialog } = useFormDialog<Values>({
    creating: true,
    onClose,
    save: (v) => create.mutateAsync({ kind: v.kind, targetId: v.targetId, userId: v.userId, isPrimary: v.isPrimary, note: v.note?.trim() ? v.note.trim() : null }),
  });
  const kind = Form.useWatch('kind', form) ?? preset?.kind ?? 'enterprise_commissioner';
  const targetLabel = t(`assignmentTargets.${kind}`);

  return (
    <FormDialog {...dialog} title={t('assignments.createTitle')} width={600}>
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
