import type { AudienceChange } from '@cdp/protocol';
import { Button, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { profilePath } from '../../profiles/search.ts';
import { causeText } from '../changes.ts';
import { useAudienceChanges } from '../hooks/useAudiences.ts';
import { useDefinitionNames } from '../hooks/useDefinitionNames.ts';
import { rowTestId } from './rowTestId.ts';

const ROW = rowTestId('audience-change-row');

/** Every enter and exit of the audience, oldest first, with its cause. */
export function ChangesTable({ audienceId }: { readonly audienceId: string }) {
  const { t, i18n } = useTranslation();
  const names = useDefinitionNames();
  const changes = useAudienceChanges(audienceId);
  const items = changes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {changes.isError ? <ErrorAlert error={changes.error} onRetry={() => void changes.refetch()} /> : null}
      <Table<AudienceChange>
        rowKey="seq"
        size="small"
        loading={changes.isPending}
        dataSource={items}
        pagination={false}
        onRow={() => ROW}
        locale={{ emptyText: t('audiences.changes.empty') }}
        columns={[
          {
            key: 'at',
            title: t('audiences.changes.at'),
            render: (_, c) => formatDateTime(c.at, i18n.language),
          },
          {
            key: 'change',
            title: t('audiences.changes.change'),
            render: (_, c) => (
              <Tag color={c.change === 'enter' ? 'green' : 'red'}>{t(`audiences.changes.${c.change}`)}</Tag>
            ),
          },
          {
            key: 'profile',
            title: t('audiences.changes.profile'),
            render: (_, c) => <Link to={profilePath(c.profileId)}>{c.profileId}</Link>,
          },
          {
            key: 'cause',
            title: t('audiences.changes.cause'),
            render: (_, c) => causeText(c.cause, t, names),
          },
        ]}
      />
      {changes.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={changes.isFetchingNextPage} onClick={() => void changes.fetchNextPage()}>
            {t('audiences.members.more')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
