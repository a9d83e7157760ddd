// The applicant's side of a draft or of a correction: fields and delivery (in
// correction only the fields the officer marked), save, and submit (with the e-signature of a
// fully-electronic item) or resubmit; deleting a draft.
import { useState } from 'react';
import { DeleteOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Application, ApplicationPatch } from '@shuangsheng/contracts';
import { useFormLayout, validateOrScroll } from '../../../../components/FormDialog';
import { useApiError } from '../../../../components/useApiError';
import { useAction, useDeleteDraft, usePatchApplication } from '../api';
import { editableFieldKeys, missingRequired, pointFor, toApiForm, toFormState } from '../helpers';
import { ESignDialog } from './ActionDialogs';
import { DeliveryFields } from './ApplicantFields';
import { FieldInputs } from './FieldInputs';

type Values = { delivery: Application['delivery']; mailAddress?: string | null; form?: Record<string, unknown> };

export function ApplicantEditor({ app }: { app: Application }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const layout = useFormLayout(140);
  const [form] = Form.useForm<Values>();
  const patch = usePatchApplication(app.id);
  const action = useAction(app.id);
  const removeDraft = useDeleteDraft();
  const [busy, setBusy] = useState(false);
  const [signing, setSigning] = useState(false);
  const isDraft = app.status === 'draft';
  const editable = editableFieldKeys(app, app.item.fields);

  const values = (): Values => form.getFieldsValue(true) as Values;
  const body = (v: Values): ApplicationPatch => {
    const formValues = toApiForm(app.item.fields, v.form ?? {});
    if (!isDraft) return { form: Object.fromEntries(Object.entries(formValues).filter(([k]) => editable.has(k))) };
    return {
      delivery: v.delivery,
      mailAddress: v.delivery === 'mail' ? (v.mailAddress?.trim() ?? null) : null,
      form: formValues,
    };
  };

  /** Validates and saves; false when something is wrong (already shown). */
  const save = async (): Promise<Application | null> => {
    if ((await validateOrScroll(form)) === null) return null;
    try {
      if (!isDraft && editable.size === 0) return app;
      return await patch.mutateAsync(body(values()));
    } catch (e) {
      showError(e, form);
      return null;
    }
  };

  const onSave = async () => {
    setBusy(true);
    const saved = await save();
    setBusy(false);
    if (saved) void message.success(t('applications.draftSaved'));
  };

  const run = async (eSign: boolean) => {
    setBusy(true);
    const saved = await save();
    if (!saved) {
      setBusy(false);
      return;
    }
    if (isDraft) {
      const missing = missingRequired(saved.item, saved.materials, saved.form);
      if (missing.materials.length || missing.fields.length) {
        setBusy(false);
        const names = (keys: string[], list: { key: string; name?: string; label?: string }[]) =>
          keys.map((k) => list.find((x) => x.key === k)?.name ?? list.find((x) => x.key === k)?.label ?? k).join(t('common.listSeparator'));
        void message.error(
          [
            missing.materials.length ? t('applications.missingMaterials', { list: names(missing.materials, saved.item.materials) }) : '',
            missing.fields.length ? t('applications.missingFields', { list: names(missing.fields, saved.item.fields) }) : '',
          ]
            .filter(Boolean)
            .join(t('applications.missingSeparator')),
        );
        return;
      }
      if (saved.item.fullyElectronic && saved.channel === 'online' && !eSign) {
        setBusy(false);
        setSigning(true);
        return;
      }
    }
    try {
      await action.mutateAsync({ action: isDraft ? 'submit' : 'resubmit', body: isDraft && eSign ? { eSign: true } : {} });
      setSigning(false);
      void message.success(isDraft ? t('applications.submitted') : t('applications.resubmitted'));
    } catch (e) {
      showError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async () => {
    try {
      await removeDraft.mutateAsync(app.id);
      void message.success(t('applications.draftDeleted'));
      void navigate('/services/applications', { replace: true });
    } catch (e) {
      showError(e);
    }
  };

  const submitAllowed = isDraft ? app.actions.includes('submit') : app.actions.includes('resubmit');
  return (
    <Card title={t('applications.formTitle')} style={{ marginBottom: 16 }} data-testid="app-editor">
      {!isDraft ? <Alert type="warning" showIcon title={t('applications.correctionIntro')} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        {...layout}
        initialValues={{
          delivery: app.delivery,
          mailAddress: app.mailAddress,
          form: toFormState(app.item.fields, app.form),
        }}
      >
        <Typography.Title level={5}>{t('applications.fieldsTitle')}</Typography.Title>
        <FieldInputs fields={app.item.fields} editable={editable} pointOf={(k) => pointFor(app, 'field', k)} />
        {isDraft ? (
          <>
            <Typography.Title level={5}>{t('applications.deliveryTitle')}</Typography.Title>
            <DeliveryFields />
          </>
        ) : null}
      </Form>
      <Flex gap={8} wrap justify="flex-end">
        {isDraft ? (
          <Popconfirm
            title={t('applications.deleteDraftConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-delete' } as never}
            onConfirm={() => onDelete()}
          >
            <Button danger icon={<DeleteOutlined />} data-testid="app-delete-draft">
              {t('applications.deleteDraft')}
            </Button>
          </Popconfirm>
        ) : null}
        {isDraft || editable.size ? (
          <Button icon={<SaveOutlined />} loading={busy && !signing} onClick={() => void onSave()} data-testid="apply-save">
            {t('applications.saveDraft')}
          </Button>
        ) : null}
        {submitAllowed ? (
          <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void run(false)} data-testid={isDraft ? 'apply-submit' : 'app-action-resubmit'}>
            {isDraft ? t('applications.submit') : t('applications.resubmit')}
          </Button>
        ) : null}
      </Flex>
      <ESignDialog open={signing} busy={busy} onClose={() => setSigning(false)} onSign={() => void run(true)} />
    </Card>
  );
}
