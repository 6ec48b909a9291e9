import type { MemberSummary } from '@cdp/protocol';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { profilePath } from '../../profiles/search.ts';
import { useAudienceMembers } from '../hooks/useAudiences.ts';
import { rowTestId } from './rowTestId.ts';

const ROW = rowTestId('audience-member-row');

/** Members by profile id, one page at a time ("load more"), each linking to the 360° view. */
export function MembersTable({ audienceId }: { readonly audienceId: string }) {
  const { t, i18n } = useTranslation();
  const members = useAudienceMembers(audienceId);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} /> : null}
      <Table<MemberSummary>
        rowKey="profileId"
        size="small"
        loading={members.isPending}
        dataSource={items}
        pagination={false}
        onRow={() => ROW}
        locale={{ emptyText: t('audiences.members.empty') }}
        columns={[
          {
            key: 'profile',
            title: t('audiences.members.profile'),
            render: (_, m) => (
              <Link to={profilePath(m.profileId)} data-testid="audience-member-link">
                {m.profileId}
              </Link>
            ),
          },
          { key: 'name', title: t('audiences.members.name'), render: (_, m) => m.name ?? '—' },
          {
            key: 'enteredAt',
            title: t('audiences.members.enteredAt'),
            render: (_, m) => formatDateTime(m.enteredAt, i18n.language),
          },
        ]}
      />
      {members.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={members.isFetchingNextPage} onClick={() => void members.fetchNextPage()}>
            {t('audiences.members.more')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
