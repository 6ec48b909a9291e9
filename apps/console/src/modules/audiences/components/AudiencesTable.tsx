import type { Audience } from '@cdp/protocol';
import { App, Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useRecomputeAudience, useSetAudienceStatus } from '../hooks/useAudiences.ts';
import { AudienceKindTag, AudienceStatusTag, RunCell, TimeRelativeBadge } from './AudienceBadges.tsx';
import { rowTestId } from './rowTestId.ts';

const ROW = rowTestId('audience-row');

/** All audiences with size, status and last run; per row: open, pause/activate, recompute. */
export function AudiencesTable({
  audiences,
  loading,
}: {
  readonly audiences: Audience[];
  readonly loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const setStatus = useSetAudienceStatus();
  const recompute = useRecomputeAudience();
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };

  return (
    <Table<Audience>
      rowKey="id"
      loading={loading}
      dataSource={audiences}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('audiences.empty') }}
      onRow={() => ROW}
      columns={[
        {
          key: 'name',
          title: t('audiences.columns.name'),
          render: (_, a) => (
            <Flex gap={4} align="center" wrap>
              <Link to={`/audiences/${a.id}`} data-testid="audience-link">
                {a.name}
              </Link>
              <TimeRelativeBadge audience={a} />
            </Flex>
          ),
        },
        {
          key: 'kind',
          title: t('audiences.columns.kind'),
          render: (_, a) => <AudienceKindTag kind={a.kind} />,
        },
        {
          key: 'size',
          title: t('audiences.columns.size'),
          align: 'right',
          render: (_, a) => (
            <span data-testid="audience-row-size">{formatNumber(a.size, i18n.language)}</span>
          ),
        },
        {
          key: 'status',
          title: t('audiences.columns.status'),
          render: (_, a) => <AudienceStatusTag status={a.status} />,
        },
        {
          key: 'lastRun',
          title: t('audiences.columns.lastRun'),
          render: (_, a) => <RunCell run={a.lastRun} />,
        },
        {
          key: 'updatedAt',
          title: t('audiences.columns.updatedAt'),
          render: (_, a) => formatDateTime(a.updatedAt, i18n.language),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, a) => (
            <Flex gap={4} wrap>
              <Link to={`/audiences/${a.id}`}>
                <Button size="small">{t('audiences.open')}</Button>
              </Link>
              {a.status === 'archived' ? null : (
                <Button
                  size="small"
                  data-testid="audience-toggle-status"
                  onClick={() =>
                    setStatus.mutate(
                      { id: a.id, status: a.status === 'active' ? 'paused' : 'active' },
                      { ...fail, onSuccess: () => void message.success(t('audiences.statusChanged')) },
                    )
                  }
                >
                  {a.status === 'active' ? t('audiences.pause') : t('audiences.activate')}
                </Button>
              )}
              <Button
                size="small"
                data-testid="audience-recompute"
                onClick={() =>
                  recompute.mutate(a.id, {
                    ...fail,
                    onSuccess: () => void message.success(t('audiences.recomputeQueued')),
                  })
                }
              >
                {t('audiences.recompute')}
              </Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}
