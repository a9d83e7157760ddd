// 用户 Users: list (role, status), create (a generated password is shown once), edit roles,
// status and name, reset password, unlock.
import { useState } from 'react';
import { LockOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Switch, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLES, type Role, type User } from '@shuangsheng/contracts';
import { useCan, useSession } from '../../../app/session';
import { ExportButton } from '../../../components/ExportButton';
import { ImportButton } from '../../../components/ImportButton';
import { FormDialog, useFormDialog, useFormLayout } from '../../../components/FormDialog';
import { CreateButton, Ellipsis, FilterBar, ListPage, ListTable, sortable } from '../../../components/ListPage';
import { EnterpriseSelect, RoleSelect } from '../../../components/pickers';
import { actionsColumn, EditButton, useRowAction } from '../../../components/RowActions';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format';
import { strongPasswordRule } from '../../../lib/password';
import { useUrlList } from '../../../lib/url-filters';
import { useCreateUser, useResetPassword, useUnlockUser, users } from '../api';
import { OneTimePassword } from '../components/OneTimePassword';

const SPEC = { q: 'string', role: 'string', status: 'string' } as const;

type Values = { username: string; displayName: string; roles: Role[]; enterpriseId?: string | null; password?: string; enabled?: boolean };

export default function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const url = useUrlList(SPEC, { sort: 'username:asc' });
  const query = users.useList(url.apiQuery);
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const run = useRowAction();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [once, setOnce] = useState<{ name: string; password: string } | null>(null);
  const writable = can('users.manage');

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', ...sortable(url, 'username'), fixed: 'left', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('users.displayName'), dataIndex: 'displayName', ...sortable(url, 'displayName') },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => roles.map((r) => <StatusTag key={r} tone="progress">{t(`roles.${r}`)}</StatusTag>),
    },
    {
      title: t('users.enterprise'),
      dataIndex: 'enterpriseName',
      render: (v: string | null, u) => (v && u.enterpriseId ? <Ellipsis width={150} title={v} text={<Link to={`/enterprises/${u.enterpriseId}`}>{v}</Link>} /> : '-'),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      render: (s: User['status'], u) => (
        <>
          <StatusTag tone={s === 'active' ? 'done' : 'closed'}>{t(`userStatus.${s}`)}</StatusTag>
          {u.locked ? (
            <StatusTag tone="abnormal">
              <LockOutlined /> {t('userStatus.locked')}
            </StatusTag>
          ) : null}
        </>
      ),
    },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', ...sortable(url, 'lastLoginAt'), render: (v: number | null) => (v ? formatDateTime(v) : t('users.never')) },
  ];
  if (writable) {
    columns.push(
      actionsColumn(t, (u) => (
        <>
          <EditButton onClick={() => setEditing(u)} testId={`user-edit-${u.username}`} />
          <Popconfirm
            title={t('users.resetConfirm', { name: u.displayName })}
            description={t('users.resetConfirmDesc')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'confirm-reset' }}
            onConfirm={() =>
              run(
                reset.mutateAsync(u.id).then((r) => {
                  if (r.generatedPassword) setOnce({ name: u.displayName, password: r.generatedPassword });
                }),
              )
            }
          >
            <Button type="link" size="small" data-testid={`user-reset-${u.username}`}>
              {t('users.resetPassword')}
            </Button>
          </Popconfirm>
          {u.locked ? (
            <Button type="link" size="small" data-testid={`user-unlock-${u.username}`} onClick={() => void run(unlock.mutateAsync(u.id), t('users.unlocked'))}>
              {t('users.unlock')}
            </Button>
          ) : null}
        </>
      )),
    );
  }
  const createButton = writable ? <CreateButton onClick={() => setEditing('new')} /> : null;

  return (
    <ListPage
      title={t('users.title')}
      extra={
        <>
          <ExportButton path="/api/users/export.xlsx" query={url.exportQuery} />
          {writable ? <ImportButton to="/users/import" /> : null}
          {createButton}
        </>
      }
      filters={
        <FilterBar url={url} searchPlaceholder={t('users.searchPlaceholder')}>
          <Form.Item name="role" style={{ minWidth: 180 }}>
            <RoleSelect placeholder={t('users.roles')} data-testid="filter-role" />
          </Form.Item>
          <Form.Item name="status" style={{ minWidth: 130 }}>
            <Select
              allowClear
              placeholder={t('users.status')}
              options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
              data-testid="filter-status"
            />
          </Form.Item>
        </FilterBar>
      }
    >
      <ListTable query={query} url={url} columns={columns} rowKey="id" empty={{ title: t('users.empty'), action: createButton }} />
      {editing ? (
        <UserForm
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onGenerated={(name, password) => setOnce({ name, password })}
        />
      ) : null}
      {once ? <OneTimePassword name={once.name} password={once.password} onClose={() => setOnce(null)} /> : null}
    </ListPage>
  );
}

function UserForm({ user, onClose, onGenerated }: { user: User | null; onClose: () => void; onGenerated: (name: string, password: string) => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const create = useCreateUser();
  const update = users.useUpdate();
  const layout = useFormLayout(110);
  const { form, dialog } = useFormDialog<Values, { displayName: string; generatedPassword?: string | undefined }>({
    creating: !user,
    onClose,
    onSaved: (saved) => {
      if (saved.generatedPassword) onGenerated(saved.displayName, saved.generatedPassword);
    },
    // The server names `status` (self-disable, last admin); the form has the switch.
    fieldMap: { status: 'enabled' },
    save: (v) => {
      const enterpriseId = v.roles.includes('enterprise_user') ? (v.enterpriseId ?? null) : null;
      if (user) {
        const patch = { displayName: v.displayName.trim(), roles: v.roles, enterpriseId, status: v.enabled === false ? ('disabled' as const) : ('active' as const) };
        return update.mutateAsync({ id: user.id, patch });
      }
      return create.mutateAsync({ username: v.username.trim(), displayName: v.displayName.trim(), roles: v.roles, enterpriseId, ...(v.password ? { password: v.password } : {}) });
    },
  });
  const roles = Form.useWatch('roles', form) ?? [];
  const needsEnterprise = roles.includes('enterprise_user');

  return (
    <FormDialog {...dialog} title={user ? t('users.editTitle') : t('users.createTitle')} width={600}>
      <Form
        form={form}
        {...layout}
        autoComplete="off"
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, roles: user.roles, enterpriseId: user.enterpriseId, enabled: user.status === 'active' }
            : { roles: [] }
        }
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('users.username') }) },
            { pattern: /^[a-zA-Z0-9_.-]{3,64}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input disabled={!!user} maxLength={64} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.roles') }) }]}>
          <RoleSelect
            mode="multiple"
            exclude={me.roles.includes('platform_admin') ? [] : ['platform_admin']}
            // An enterprise user is never also staff, and the other way round.
            disabledRoles={needsEnterprise ? ROLES.filter((r) => r !== 'enterprise_user') : roles.length ? ['enterprise_user'] : []}
            data-testid="user-roles"
          />
        </Form.Item>
        {needsEnterprise ? (
          <Form.Item name="enterpriseId" label={t('users.enterprise')} rules={[{ required: true, message: t('users.enterpriseRequired') }]}>
            <EnterpriseSelect
              initialOptions={user?.enterpriseId && user.enterpriseName ? [{ value: user.enterpriseId, label: user.enterpriseName }] : []}
              testId="user-enterprise"
            />
          </Form.Item>
        ) : null}
        {user ? (
          <Form.Item name="enabled" label={t('users.status')} valuePropName="checked">
            <Switch checkedChildren={t('userStatus.active')} unCheckedChildren={t('userStatus.disabled')} disabled={user.id === me.id} />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[strongPasswordRule(t)]}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
