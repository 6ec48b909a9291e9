import type { ProfileTags } from '@cdp/protocol';
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { useProfileTags } from '../hooks/useTags.ts';
import { AsOfPicker } from './AsOfPicker.tsx';
import { useDistributionLabels } from './DistributionChart.tsx';

type Item = ProfileTags['items'][number];
const ROW = rowTestId('profile-tag-row');

/** RFM details as "R 3 · F 5 · M 4" when the server gives the scores. */
function rfmScores(details: Item['details']): string | null {
  const score = (k: string) => (typeof details?.[k] === 'number' ? String(details[k]) : null);
  const [r, f, m] = ['r', 'f', 'm'].map(score);
  return r && f && m ? `R ${r} · F ${f} · M ${m}` : null;
}

/** The 360° view's "标签" section: the person's tags and values, now or as of a past day. */
export function ProfileTagsCard({ profileId }: { readonly profileId: string }) {
  const { t, i18n } = useTranslation();
  const labels = useDistributionLabels();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const tags = useProfileTags(profileId, asOf);
  return (
    <Card
      size="small"
      title={t('tags.profile.title')}
      extra={<AsOfPicker onChange={setAsOf} testId="profile-tags-as-of" />}
      style={{ marginBottom: 16 }}
      data-testid="profile-tags"
    >
      {tags.isError ? <ErrorAlert error={tags.error} onRetry={() => void tags.refetch()} /> : null}
      <Table<Item>
        rowKey="tagId"
        size="small"
        loading={tags.isFetching}
        dataSource={tags.data?.items ?? []}
        pagination={false}
        onRow={() => ROW}
        locale={{ emptyText: t('tags.profile.empty') }}
        columns={[
          {
            key: 'name',
            title: t('tags.profile.tag'),
            render: (_, item) => <Link to={`/tags/${item.tagId}`}>{item.name}</Link>,
          },
          {
            key: 'value',
            title: t('tags.members.value'),
            render: (_, item) => (
              <>
                <span data-testid="profile-tag-value">{labels.value(item.value)}</span>
                {rfmScores(item.details) ? (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {rfmScores(item.details)}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'since',
            title: t('tags.members.since'),
            render: (_, item) => formatDateTime(item.since, i18n.language),
          },
        ]}
      />
    </Card>
  );
}
