import type { ProfileSummary } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { byPriority } from '../identifiers.ts';
import { profilePath } from '../search.ts';
import { IdentifierTag } from './IdentifierTag.tsx';

interface Props {
  readonly profiles: readonly ProfileSummary[];
  readonly loading: boolean;
  readonly emptyText: string;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'profile-result-row' };
const MAX_TAGS = 6;

/** Search results; the name links to the 360° view. */
export function ProfileResultsTable({ profiles, loading, emptyText }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<ProfileSummary> = [
    {
      title: t('profiles.columns.name'),
      dataIndex: 'name',
      width: 220,
      render: (_, p) => (
        <Link to={profilePath(p.id)} data-testid="profile-result-link">
          {p.name ?? t('profiles.unnamed')}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {p.id}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('profiles.columns.identifiers'),
      key: 'identifiers',
      render: (_, p) => {
        const sorted = byPriority(p.identifiers);
        return (
          <>
            {sorted.slice(0, MAX_TAGS).map((i) => (
              <IdentifierTag key={`${i.type}:${i.value}`} identifier={i} />
            ))}
            {sorted.length > MAX_TAGS ? (
              <Typography.Text type="secondary">+{sorted.length - MAX_TAGS}</Typography.Text>
            ) : null}
          </>
        );
      },
    },
    {
      title: t('profiles.columns.firstSeen'),
      dataIndex: 'firstSeenAt',
      width: 190,
      render: (_, p) => formatDateTime(p.firstSeenAt, i18n.language),
    },
    {
      title: t('profiles.columns.updated'),
      dataIndex: 'updatedAt',
      width: 190,
      render: (_, p) => formatDateTime(p.updatedAt, i18n.language),
    },
  ];
  return (
    <Table<ProfileSummary>
      rowKey="id"
      columns={columns}
      dataSource={[...profiles]}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      onRow={() => ROW_TEST_ID}
      scroll={{ x: 900 }}
    />
  );
}
