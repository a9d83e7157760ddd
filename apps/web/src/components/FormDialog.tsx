// Create/edit forms in a modal (short forms) or a drawer (long ones), with the form's submit
// button as `form-submit`. Labels beside fields on desktop, above them on phones (UX.md).
import { useState, type ReactNode } from 'react';
import { App, Button, Drawer, Flex, Form, Grid, Modal, type FormInstance, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError, type FieldMap } from './useApiError';

/** Form layout props for the screen width. */
export function useFormLayout(labelWidth = 120): Pick<FormProps, 'layout' | 'labelCol' | 'wrapperCol' | 'labelWrap'> {
  const screens = Grid.useBreakpoint();
  if (!screens.sm) return { layout: 'vertical' };
  // `flex: 1` would be `1 1 auto`: a long hint or radio group then pushes the field under its label.
  return { layout: 'horizontal', labelCol: { flex: `${labelWidth}px` }, wrapperCol: { flex: '1 1 0%', style: { minWidth: 0 } }, labelWrap: true };
}

type Props = {
  open: boolean;
  title: ReactNode;
  busy: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  /** Drawer for long forms. */
  drawer?: boolean;
  width?: number;
  submitText?: string;
};

export function FormDialog({ open, title, busy, onSubmit, onClose, children, drawer, width, submitText }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const footer = (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onClose} data-testid="form-cancel">
        {t('common.cancel')}
      </Button>
      <Button type="primary" loading={busy} onClick={onSubmit} data-testid="form-submit">
        {submitText ?? t('common.save')}
      </Button>
    </Flex>
  );
  if (drawer) {
    return (
      <Drawer open={open} title={title} onClose={onClose} size={screens.md ? (width ?? 760) : '100%'} destroyOnHidden footer={footer} data-testid="form-drawer">
        {children}
      </Drawer>
    );
  }
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={footer} width={width ?? 560} destroyOnHidden data-testid="form-modal">
      {children}
    </Modal>
  );
}

/** The form's values, or null after scrolling to the first field that is wrong (its message shows there). */
export async function validateOrScroll<V>(form: FormInstance<V>): Promise<V | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
    if (first) form.scrollToField(first.name, { block: 'center' });
    return null;
  }
}

type SaveOptions<V, R> = {
  /** True for 新建 (says 已新建), false for 编辑 (says 已保存). */
  creating: boolean;
  /** Writes the form's values. */
  save: (values: V) => Promise<R>;
  onClose: () => void;
  /** After a save, with what the server answered (the dialog is closing). */
  onSaved?: (result: R) => void;
  /** API field → form field, where they differ. */
  fieldMap?: FieldMap;
};

/**
 * A create/edit form in a FormDialog: validate (scrolling to the first bad field), save, say so,
 * close. What the server refuses lands on the field it names, or in a message.
 *
 *   const { form, dialog } = useFormDialog<Values>({ creating: !park, onClose, save: (v) => … });
 *   return <FormDialog {...dialog} title={…}><Form form={form}>…</Form></FormDialog>;
 */
export function useFormDialog<V, R = unknown>({ creating, save, onClose, onSaved, fieldMap }: SaveOptions<V, R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await validateOrScroll(form);
    if (values === null) return;
    setBusy(true);
    try {
      const result = await save(values);
      void message.success(creating ? t('common.created') : t('common.saved'));
      onClose();
      onSaved?.(result);
    } catch (e) {
      setBusy(false);
      showError(e, form as FormInstance, fieldMap);
    }
  };

  return { form, dialog: { open: true, busy, onClose, onSubmit: () => void submit() } };
}

/** Empty strings from inputs become null for the API (clearing a field). */
export function blankToNull<T extends Record<string, unknown>>(values: T): { [K in keyof T]: T[K] extends string | undefined ? T[K] | null : T[K] } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v === undefined ? null : v;
  return out as never;
}

/** InputNumber props that show thousands separators while typing (antd's documented pattern). */
export const groupedNumber = {
  formatter: (value: number | string | undefined) => {
    const [int = '', frac] = `${value ?? ''}`.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  },
  parser: (value: string | undefined) => (value ?? '').replace(/,/g, '') as unknown as number,
};
