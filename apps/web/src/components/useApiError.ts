// Shows what went wrong after an action: validation issues on the form fields they belong to,
// anything else as a message (in the language the server answered in).
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';

/** API path (`outputLastYearFen`) → form field name (`outputLastYearWan`) where they differ. */
export type FieldMap = Record<string, string>;

export function pathToName(path: string, map: FieldMap = {}): (string | number)[] {
  const mapped = map[path] ?? map[path.split('.')[0] ?? ''] ?? null;
  if (mapped) return [mapped];
  return path.split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function knownFields(form: FormInstance): Set<string> {
  return new Set([...Object.keys(form.getFieldsValue() as object), ...Object.keys(form.getFieldsValue(true) as object)]);
}

/** `details: {field}` of 409/422 answers. */
export function fieldOf(details: unknown): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const f = (details as { field?: unknown }).field;
  return typeof f === 'string' && f ? f : null;
}

export function useApiError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance, map: FieldMap = {}) => {
      if (err instanceof ApiError) {
        const issues = err.fieldIssues;
        if (form && issues.length) {
          const known = knownFields(form);
          const onForm = issues.filter((i) => known.has(String(pathToName(i.path, map)[0])));
          form.setFields(onForm.map((i) => ({ name: pathToName(i.path, map), errors: [i.message] })));
          if (onForm.length === issues.length) {
            void message.error(t('common.formHasErrors', { count: issues.length }));
            return;
          }
        }
        // A conflict or a refused rule may name the field it is about: show it there too.
        const field = fieldOf(err.details);
        if (form && field) {
          const name = pathToName(field, map);
          if (knownFields(form).has(String(name[0]))) form.setFields([{ name, errors: [err.message] }]);
        }
        if (err.status === 503) return; // the notice about the database is already shown
        void message.error(err.code === NETWORK_ERROR ? t('states.network') : err.message);
        return;
      }
      void message.error(t('common.unknownError'));
    },
    [message, t],
  );
}
