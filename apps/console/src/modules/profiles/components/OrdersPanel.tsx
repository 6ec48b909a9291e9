import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useProfileTimeline } from '../hooks/useProfiles.ts';
import { formatMoney, ORDER_EVENT, type Order, SPEND_CURRENCY, toOrders, totalSpend } from '../orders.ts';

interface Props {
  readonly profileId: string;
  readonly sourceNames: ReadonlyMap<string, string>;
}

const ORDER_FILTER = { type: 'track', event: ORDER_EVENT } as const;
const PAGE = 200;
const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'order-row' };

/** Orders (Order Completed events from every channel) and the customer's total spend in CNY. */
export function OrdersPanel({ profileId, sourceNames }: Props) {
  const { t, i18n } = useTranslation();
  const timeline = useProfileTimeline(profileId, ORDER_FILTER, PAGE);
  const orders = useMemo(() => toOrders(timeline.data?.pages.flatMap((p) => p.items) ?? []), [timeline.data]);
  const spend = totalSpend(orders);

  const columns: TableColumnsType<Order> = [
    { title: t('profiles.columns.orderId'), dataIndex: 'orderId', ellipsis: true },
    {
      title: t('profiles.columns.time'),
      dataIndex: 'at',
      width: 190,
      render: (_, o) => formatDateTime(o.at, i18n.language),
    },
    {
      title: t('profiles.columns.amount'),
      dataIndex: 'amount',
      width: 160,
      align: 'right',
      render: (_, o) =>
        o.amount === null ? t('profiles.orders.noAmount') : formatMoney(o.amount, o.currency, i18n.language),
    },
    {
      title: t('profiles.columns.source'),
      dataIndex: 'sourceId',
      width: 200,
      ellipsis: true,
      render: (_, o) => sourceNames.get(o.sourceId) ?? o.sourceId,
    },
  ];

  return (
    <>
      {timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="orders-total">
            <Statistic
              title={t('profiles.orders.totalSpend')}
              value={formatMoney(spend.total, SPEND_CURRENCY, i18n.language)}
              loading={timeline.isPending}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('profiles.orders.count')} value={spend.orders} loading={timeline.isPending} />
          </Card>
        </Col>
      </Row>
      {spend.excluded > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('profiles.orders.excluded', { count: spend.excluded })}
        />
      ) : null}
      <Table<Order>
        size="small"
        rowKey="eventId"
        columns={columns}
        dataSource={orders}
        loading={timeline.isPending}
        pagination={orders.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('profiles.orders.empty') }}
        onRow={() => ROW_TEST_ID}
        scroll={{ x: 640 }}
      />
      {timeline.hasNextPage ? (
        <Flex justify="center" gap={12} align="center" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('profiles.orders.partial')}</Typography.Text>
          <Button loading={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {t('profiles.timeline.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
