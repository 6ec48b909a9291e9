import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks/useAuth.ts';

export function AccountCard() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <Card title={t('settings.account')}>
      {me ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.email')}>{me.email}</Descriptions.Item>
          <Descriptions.Item label={t('settings.role')}>
            <Tag>{t(`roles.${me.role}`, { defaultValue: me.role })}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.workspace')}>{me.workspaceId}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
