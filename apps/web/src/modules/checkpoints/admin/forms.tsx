// Dialogs shared by the checkpoint pages: create/edit a checkpoint (name, kind, grid unit, the
// building whose passes a building gate reads, location), and the building select.
import { Alert, Form, Input, Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHECKPOINT_KINDS, type CheckpointKind } from '@shuangsheng/contracts';
import { FormDialog, useFormDialog } from '../../../components/FormDialog';
import { GridTreeSelect } from '../../../components/pickers';
import { useAllBuildings, useCreateCheckpoint, useUpdateCheckpoint, type CheckpointFull } from './api';

type Values = { name: string; kind: CheckpointKind; gridUnitId?: string | null; buildingId?: string | null; location?: string };

/** 新建卡口 / 编辑卡口. */
export function CheckpointDialog({ checkpoint, onClose, onSaved }: { checkpoint?: CheckpointFull; onClose: () => void; onSaved?: (c: CheckpointFull) => void }) {
  const { t } = useTranslation();
  const create = useCreateCheckpoint();
  const update = useUpdateCheckpoint();
  const { form, dialog } = useFormDialog<Values, CheckpointFull>({
    creating: !checkpoint,
    onClose,
    onSaved,
    save: (v) => {
      const body = {
        name: v.name.trim(),
        kind: v.kind,
        gridUnitId: v.gridUnitId ?? null,
        buildingId: v.kind === 'building_gate' ? (v.buildingId ?? null) : null,
        location: v.location?.trim() || null,
      };
      return checkpoint ? update.mutateAsync({ id: checkpoint.id, patch: body }) : create.mutateAsync(body);
    },
  });
  const kind = Form.useWatch('kind', form) as CheckpointKind | undefined;
  return (
    <FormDialog {...dialog} title={checkpoint ? t('checkpointsOps.form.editTitle', { name: checkpoint.name }) : t('checkpointsOps.form.createTitle')} width={620}>
      {!checkpoint ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checkpointsOps.form.createHint')} /> : null}
      <Form
        form={form}
        layout="vertical"
        data-testid="checkpoint-form"
        initialValues={
          checkpoint
            ? { name: checkpoint.name, kind: checkpoint.kind, gridUnitId: checkpoint.gridUnitId, buildingId: checkpoint.buildingId, location: checkpoint.location ?? '' }
            : { kind: 'highway_exit' }
        }
      >
        <Form.Item name="name" label={t('checkpointsOps.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('checkpointsOps.fields.name') }) }]}>
          <Input maxLength={100} placeholder={t('checkpointsOps.form.namePlaceholder')} data-testid="checkpoint-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('checkpointsOps.fields.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('checkpointsOps.fields.kind') }) }]}>
          <Select options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`checkpointsOps.kinds.${k}`) }))} data-testid="checkpoint-kind" />
        </Form.Item>
        <Form.Item name="gridUnitId" label={t('checkpointsOps.fields.gridUnit')} extra={t('checkpointsOps.form.gridHint')}>
          <GridTreeSelect testId="checkpoint-grid" />
        </Form.Item>
        {kind === 'building_gate' ? (
          <Form.Item name="buildingId" label={t('checkpointsOps.fields.building')} extra={t('checkpointsOps.form.buildingHint')}>
            <BuildingPick testId="checkpoint-building" />
          </Form.Item>
        ) : null}
        <Form.Item name="location" label={t('checkpointsOps.fields.location')}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('checkpointsOps.form.locationPlaceholder')} data-testid="checkpoint-location" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Any building of the zone, labelled `park · building`. */
export function BuildingPick(props: Omit<SelectProps<string>, 'options'> & { testId?: string }) {
  const { t } = useTranslation();
  const { testId, ...rest } = props;
  const buildings = useAllBuildings();
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={buildings.isPending}
      placeholder={t('checkpointsOps.fields.building')}
      options={(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.parkName} · ${b.name}` }))}
      data-testid={testId}
      {...rest}
    />
  );
}
