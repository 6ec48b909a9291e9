import type { Profile } from '@cdp/protocol';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';

/** Id, dates and the number of identifiers of a profile. */
export function ProfileSummary({ profile }: { readonly profile: Profile }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3, xxl: 5 }}>
        <Descriptions.Item label={t('profiles.summary.id')}>
          <Typography.Text copyable data-testid="profile-id">
            {profile.id}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('profiles.summary.identifiers')}>
          {profile.identifiers.length}
        </Descriptions.Item>
        <Descriptions.Item label={t('profiles.summary.firstSeen')}>
          {formatDateTime(profile.firstSeenAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('profiles.summary.createdAt')}>
          {formatDateTime(profile.createdAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('profiles.summary.updatedAt')}>
          {formatDateTime(profile.updatedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
