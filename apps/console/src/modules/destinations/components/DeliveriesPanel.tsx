import { RedoOutlined } from '@ant-design/icons';
import type { Delivery } from '@cdp/protocol';
import { App, Button, Flex, Popconfirm, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useDeliveries, useReplayDeliveries } from '../hooks/useDestinations.ts';
import { DELIVERY_FILTERS, type DeliveryFilter, shownStatus } from '../options.ts';
import { DeliveryStatusTag } from './DestinationBadges.tsx';

const rowProps = (d: Delivery): HTMLAttributes<HTMLElement> => ({
  ['data-testid' as string]: 'delivery-row',
  ['data-status' as string]: shownStatus(d),
});

/** Deliveries newest first, filtered by status; the dead letters can be replayed, one or all. */
export function DeliveriesPanel({ destinationId }: { readonly destinationId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const deliveries = useDeliveries(destinationId, filter);
  const replay = useReplayDeliveries(destinationId);
  const rows = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const onReplay = (body: { ids: string[] } | { status: 'dead' }) =>
    replay.mutate(body, {
      onSuccess: (r) => void message.success(t('destinations.deliveries.replayed', { n: r.replayed })),
      onError: (err) => void message.error(describe(err)),
    });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap>
        <Segmented<DeliveryFilter>
          data-testid="deliveries-filter"
          value={filter}
          onChange={setFilter}
          options={DELIVERY_FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`deliveries-filter-${f}`}>{t(`destinations.filters.${f}`)}</span>,
          }))}
        />
        {filter === 'dead' && rows.length > 0 ? (
          <Popconfirm
            title={t('destinations.deliveries.replayConfirm')}
            okButtonProps={{ 'data-testid': 'deliveries-replay-confirm' }}
            onConfirm={() => onReplay({ status: 'dead' })}
          >
            <Button
              danger
              icon={<RedoOutlined />}
              loading={replay.isPending}
              data-testid="deliveries-replay-all"
            >
              {t('destinations.deliveries.replayAll')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {deliveries.isError ? (
        <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : null}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={deliveries.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('destinations.deliveries.empty') }}
        onRow={rowProps}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'at',
            title: t('destinations.deliveries.time'),
            render: (_, d) => formatDateTime(d.createdAt, i18n.language),
          },
          {
            key: 'kind',
            title: t('destinations.deliveries.kind'),
            render: (_, d) => (
              <Tag>
                {t(`destinations.kinds.${d.kind}`)}
                {d.change ? ` · ${d.change}` : ''}
              </Tag>
            ),
          },
          {
            key: 'profile',
            title: t('destinations.deliveries.profile'),
            render: (_, d) =>
              d.profileId ? (
                <Link to={`/profiles/${d.profileId}`} data-testid="delivery-profile">
                  {d.profileId}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            key: 'status',
            title: t('destinations.deliveries.status'),
            render: (_, d) => <DeliveryStatusTag delivery={d} />,
          },
          {
            key: 'attempts',
            title: t('destinations.deliveries.attempts'),
            align: 'right',
            dataIndex: 'attempts',
          },
          {
            key: 'lastStatus',
            title: t('destinations.deliveries.lastStatus'),
            render: (_, d) => <span data-testid="delivery-last-status">{d.lastStatus ?? '—'}</span>,
          },
          {
            key: 'error',
            title: t('destinations.deliveries.error'),
            render: (_, d) =>
              d.lastError ? (
                <Tooltip title={d.lastError}>
                  <Typography.Text
                    type="danger"
                    ellipsis
                    style={{ maxWidth: 360 }}
                    data-testid="delivery-error"
                  >
                    {d.lastError}
                  </Typography.Text>
                </Tooltip>
              ) : null,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, d) =>
              d.status === 'dead' ? (
                <Button
                  size="small"
                  icon={<RedoOutlined />}
                  data-testid="delivery-replay"
                  onClick={() => onReplay({ ids: [d.id] })}
                >
                  {t('destinations.deliveries.replay')}
                </Button>
              ) : null,
          },
        ]}
      />
      {deliveries.hasNextPage ? (
        <Flex justify="center">
          <Button loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            {t('destinations.deliveries.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
