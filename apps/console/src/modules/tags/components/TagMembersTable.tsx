import type { Tag, TagMembers, TagStats } from '@cdp/protocol';
import { Button, Flex, Input, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { profilePath } from '../../profiles/search.ts';
import { useTagMembers } from '../hooks/useTags.ts';
import { useDistributionLabels } from './DistributionChart.tsx';

type Member = TagMembers['items'][number];
const ROW = rowTestId('tag-member-row');
const ALL = '__all__';

/** Who holds the tag (or one value) as of the chosen date, each linking to the 360° view. */
export function TagMembersTable({
  tag,
  stats,
  value,
  onValueChange,
  asOf,
}: {
  readonly tag: Tag;
  readonly stats: TagStats | undefined;
  readonly value: string | undefined;
  readonly onValueChange: (value: string | undefined) => void;
  readonly asOf: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const labels = useDistributionLabels();
  const members = useTagMembers(tag.id, value, asOf);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const known = stats?.distribution.type === 'values' ? stats.distribution.values : [];
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        {tag.valueType === 'number' || tag.valueType === 'datetime' ? (
          <Input.Search
            data-testid="tag-members-value"
            allowClear
            style={{ width: 240 }}
            placeholder={t('tags.members.valueFilter')}
            onSearch={(v) => onValueChange(v.trim() || undefined)}
          />
        ) : (
          <Select<string>
            data-testid="tag-members-value"
            style={{ width: 240 }}
            value={value ?? ALL}
            onChange={(v) => onValueChange(v === ALL ? undefined : v)}
            options={[
              { value: ALL, label: t('tags.members.allValues') },
              ...known.map((v) => ({
                value: String(v.value),
                label: `${labels.value(v.value)} (${v.count})`,
              })),
            ]}
          />
        )}
      </Flex>
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      <Table<Member>
        rowKey="profileId"
        size="small"
        loading={members.isPending}
        dataSource={items}
        pagination={false}
        onRow={() => ROW}
        locale={{ emptyText: t('tags.members.empty') }}
        columns={[
          {
            key: 'profile',
            title: t('tags.members.profile'),
            render: (_, m) => (
              <Link to={profilePath(m.profileId)} data-testid="tag-member-link">
                {m.profileId}
              </Link>
            ),
          },
          {
            key: 'value',
            title: t('tags.members.value'),
            render: (_, m) => <span data-testid="tag-member-value">{labels.value(m.value)}</span>,
          },
          {
            key: 'since',
            title: t('tags.members.since'),
            render: (_, m) => formatDateTime(m.since, i18n.language),
          },
        ]}
      />
      {members.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
            {t('tags.members.more')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
