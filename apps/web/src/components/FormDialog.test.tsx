// @vitest-environment happy-dom
// The create/edit dialog hook: a server conflict lands on the field it names and keeps the dialog
// open; a save closes it and hands over the server's answer.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, Form, Input } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ApiError } from '../api/client';
import { FormDialog, useFormDialog } from './FormDialog';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Values = { username: string };

function UserDialog({ save, onClose, onSaved }: { save: (v: Values) => Promise<{ id: string }>; onClose: () => void; onSaved: (r: { id: string }) => void }) {
  const { form, dialog } = useFormDialog<Values, { id: string }>({ creating: true, save, onClose, onSaved });
  return (
    <FormDialog {...dialog} title="user">
      <Form form={form} initialValues={{ username: 'zhang' }}>
        <Form.Item name="username" label="username" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

let root: Root | null = null;
function render(node: React.ReactNode) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<App>{node}</App>));
}
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

const submit = () => act(() => (document.querySelector('[data-testid="form-submit"]') as HTMLButtonElement).click());
/** Lets React render in small steps until the check passes (or fails after a second). */
async function until(check: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    await act(() => new Promise((r) => setTimeout(r, 10)));
    try {
      check();
      return;
    } catch (e) {
      if (i >= 100) throw e;
    }
  }
}

describe('useFormDialog', () => {
  it('shows a conflict on the field it names and stays open', async () => {
    const onClose = vi.fn();
    const save = vi.fn(() => Promise.reject(new ApiError(409, 'conflict.duplicate', '用户名“zhang”已存在', { field: 'username' })));
    render(<UserDialog save={save} onClose={onClose} onSaved={vi.fn()} />);
    await submit();
    await until(() => expect(document.querySelector('.ant-form-item-explain-error')?.textContent).toBe('用户名“zhang”已存在'));
    expect(save).toHaveBeenCalledWith({ username: 'zhang' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes after a save and passes on what the server answered', async () => {
    const onClose = vi.fn();
    const onSaved = vi.fn();
    render(<UserDialog save={() => Promise.resolve({ id: 'u1' })} onClose={onClose} onSaved={onSaved} />);
    await submit();
    await until(() => expect(onClose).toHaveBeenCalledOnce());
    expect(onSaved).toHaveBeenCalledWith({ id: 'u1' });
  });
});
