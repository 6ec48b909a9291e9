import { ApiOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { FullPageSpin } from './FullPageSpin.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

const SIDER_WIDTH = 220;

/** The "Pro" layout: fixed dark side menu, header with language switch and user menu, routed content. */
export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={SIDER_WIDTH}
        collapsed={collapsed}
        trigger={null}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" style={{ display: 'block' }}>
          <Flex align="center" gap={10} style={{ height: 64, padding: collapsed ? '0 28px' : '0 24px' }}>
            <ApiOutlined style={{ fontSize: 22, color: token.colorPrimary }} />
            {collapsed ? null : (
              <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Typography.Text>
            )}
          </Flex>
        </Link>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            padding: '0 16px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Flex align="center" gap={8}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={collapsed ? t('header.expand') : t('header.collapse')}
                onClick={() => setCollapsed((c) => !c)}
              />
              <Typography.Text strong>{t('app.name')}</Typography.Text>
              <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
            </Flex>
            <Flex align="center" gap={8}>
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
