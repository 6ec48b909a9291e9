import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../modules/auth/hooks/useAuth.ts';
import { useDescribeError } from './useDescribeError.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const me = useMe().data;
  const logout = useLogout();

  const onLogout = (): void => {
    logout.mutate(undefined, {
      onSuccess: () => {
        message.success(t('header.loggedOut'));
        navigate('/login', { replace: true });
      },
      onError: (err) => message.error(describe(err)),
    });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div>
          <Typography.Text strong>{me?.email}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{me ? t(`roles.${me.role}`) : ''}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('header.logout')}</span>,
      onClick: onLogout,
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" loading={logout.isPending}>
        <Avatar size="small" icon={<UserOutlined />} />
        <span style={{ marginLeft: 8 }}>{me?.email}</span>
      </Button>
    </Dropdown>
  );
}
