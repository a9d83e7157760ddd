// Sign-in: username and password (the zone comes with the account). Server messages (wrong
// password, lockout, too many requests) are shown as they come, in the UI language.
import { useState } from 'react';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Dropdown, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, NETWORK_ERROR } from '../api/client';
import { LANGUAGES, setLanguage, useLang } from '../i18n';
import type { Lang } from '../lib/format';
import { fetchMe, ME_KEY } from './session';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/login', { username: v.username.trim(), password: v.password }, { allow401: true });
      qc.clear();
      const me = await fetchMe();
      qc.setQueryData(ME_KEY, me);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      if (e instanceof ApiError) setError(e.code === NETWORK_ERROR ? t('states.network') : e.message);
      else setError(t('common.unknownError'));
    } finally {
      setBusy(false);
    }
  };

  const lang = useLang();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #0b2a6f 0%, #1d4ed8 55%, #e8eefc 55%)' }}
    >
      <Flex justify="flex-end" style={{ position: 'absolute', top: 12, right: 16 }}>
        <Dropdown trigger={['click']} menu={{ items: LANGUAGES.map((l) => ({ key: l.code, label: l.label, 'data-testid': `lang-${l.code}` }) as never), selectable: true, selectedKeys: [lang], onClick: ({ key }) => void setLanguage(key as Lang) }}>
          <Button type="text" icon={<GlobalOutlined />} style={{ color: '#fff' }} data-testid="lang-switch">
            {LANGUAGES.find((l) => l.code === lang)?.label}
          </Button>
        </Dropdown>
      </Flex>
      <Typography.Title level={2} style={{ color: '#fff', marginBottom: 4, textAlign: 'center' }}>
        {t('app.name')}
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 24, textAlign: 'center' }}>{t('app.subtitle')}</Typography.Paragraph>
      <Card style={{ width: '100%', maxWidth: 380, boxShadow: '0 8px 24px rgba(15,23,42,0.15)' }} title={t('auth.welcome')}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)} requiredMark={false} size="large">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" maxLength={64} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {busy ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        {t('auth.footer')}
      </Typography.Text>
    </Flex>
  );
}
