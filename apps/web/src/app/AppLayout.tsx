// The signed-in frame: collapsible side menu filtered by permissions, header with the zone,
// language switch and the user's menu; the page below. Collapsed by default on tablets.
import { lazy, Suspense, useState } from 'react';
import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '@shuangsheng/contracts';
import { api, ApiError } from '../api/client';
import { NotificationBell } from '../components/NotificationBell';
import { ErrorState, PageSkeleton } from '../components/PageStates';
import { LANGUAGES, setLanguage, useLang } from '../i18n';
import type { Lang } from '../lib/format';
import { enterpriseMenu, MENU, selectedKey, type MenuEntry } from './menu';
import { isEnterpriseOnly, useMe } from './session';

const { Header, Sider, Content } = Layout;
// Loaded when first opened; it pulls the password rule from contracts.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));
const HEADER_HEIGHT = 56;

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    }
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Frame me={me.data} />;
}

function visible(entries: MenuEntry[], me: Me): MenuEntry[] {
  return entries
    .filter((e) => !e.permission || me.permissions.includes(e.permission))
    .map((e) => (e.children ? { ...e, children: visible(e.children, me) } : e))
    .filter((e) => !e.children || e.children.length > 0);
}

function Frame({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState<boolean>(() => window.innerWidth < 992);
  const [pwOpen, setPwOpen] = useState(false);
  // On a phone the menu is a drawer opened from the header (a zero-width sider has no handle).
  const [drawerOpen, setDrawerOpen] = useState(false);
  const qc = useQueryClient();
  const { message } = App.useApp();

  const entries = visible(isEnterpriseOnly(me) ? enterpriseMenu(me.enterpriseId) : MENU, me);
  const toItem = (e: MenuEntry): NonNullable<MenuProps['items']>[number] =>
    e.children
      ? { type: 'group', key: e.key, label: collapsed ? <span style={{ display: 'block', borderTop: '1px solid rgba(255,255,255,0.15)' }} /> : t(`menu.${e.label}`), children: e.children.map(toItem) }
      : ({ key: e.key, icon: e.icon, label: <Link to={e.path}>{t(`menu.${e.label}`)}</Link>, 'data-testid': `menu-${e.key}` } as NonNullable<MenuProps['items']>[number]);
  const items = entries.map(toItem);
  const selected = selectedKey(entries, location.pathname);

  const signOut = async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session may already be gone; sign-in is next either way
    }
    qc.clear();
    void message.success(t('auth.signedOut'));
    void navigate('/login', { replace: true });
  };

  const lang = useLang();
  const langItems: MenuProps['items'] = LANGUAGES.map((l) => ({ key: l.code, label: l.label, 'data-testid': `lang-${l.code}` }) as NonNullable<MenuProps['items']>[number]);
  const userItems: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), 'data-testid': 'user-change-password' } as NonNullable<MenuProps['items']>[number],
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true, 'data-testid': 'user-logout' } as NonNullable<MenuProps['items']>[number],
  ];
  const narrow = !screens.md;
  const brand = (small: boolean) => (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, height: HEADER_HEIGHT, padding: small ? '0 18px' : '0 20px', color: '#fff', whiteSpace: 'nowrap', overflow: 'hidden' }}>
      <span style={{ display: 'inline-flex', width: 28, height: 28, borderRadius: 6, background: '#1d4ed8', alignItems: 'center', justifyContent: 'center', fontWeight: 700, flex: 'none' }}>
        双
      </span>
      {small ? null : <span style={{ fontSize: 16, fontWeight: 600 }}>{t('app.name')}</span>}
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          size={240}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="app-drawer"
        >
          {brand(false)}
          <Menu theme="dark" mode="inline" items={items} selectedKeys={selected ? [selected] : []} onClick={() => setDrawerOpen(false)} data-testid="app-menu" />
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={212}
          collapsedWidth={64}
          theme="dark"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          data-testid="app-sider"
        >
          {brand(collapsed)}
          <Menu theme="dark" mode="inline" items={items} selectedKeys={selected ? [selected] : []} data-testid="app-menu" />
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: HEADER_HEIGHT,
            lineHeight: `${HEADER_HEIGHT}px`,
            padding: '0 16px',
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
          }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
            {narrow ? <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('layout.menu')} data-testid="menu-open" /> : null}
            <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="zone-name">
              {me.zone.name}
            </Tag>
            {narrow ? null : (
              <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
                {t('app.subtitle')}
              </Typography.Text>
            )}
          </Flex>
          <NotificationBell />
          <Dropdown
            trigger={['click']}
            menu={{ items: langItems, selectable: true, selectedKeys: [lang], onClick: ({ key }) => void setLanguage(key as Lang) }}
          >
            <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('layout.language')}>
              {narrow ? null : LANGUAGES.find((l) => l.code === lang)?.label}
            </Button>
          </Dropdown>
          <Dropdown
            trigger={['click']}
            menu={{
              items: userItems,
              onClick: ({ key }) => {
                if (key === 'password') setPwOpen(true);
                if (key === 'logout') void signOut();
              },
            }}
          >
            <Button type="text" data-testid="user-menu" style={{ maxWidth: narrow ? 140 : 320 }}>
              <UserOutlined />
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{me.displayName}</span>
              <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 12 : 20, minWidth: 0 }}>
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      {pwOpen ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setPwOpen(false)} />
        </Suspense>
      ) : null}
    </Layout>
  );
}

