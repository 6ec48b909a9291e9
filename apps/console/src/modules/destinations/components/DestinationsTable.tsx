import type { Destination, DestinationTypeInfo } from '@cdp/protocol';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { EnabledTag, PurposeTags, TypeLabel } from './DestinationBadges.tsx';
import { HealthSummary } from './HealthSummary.tsx';

const ROW = rowTestId('destination-row');

/** Every destination with its type, purposes, state and delivery health. */
export function DestinationsTable({
  destinations,
  types,
  loading,
}: {
  readonly destinations: readonly Destination[];
  readonly types: readonly DestinationTypeInfo[];
  readonly loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<Destination>
      rowKey="id"
      loading={loading}
      dataSource={[...destinations]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('destinations.empty') }}
      onRow={() => ROW}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('destinations.columns.name'),
          render: (_, d) => (
            <Link to={`/destinations/${d.id}`} data-testid="destination-link">
              {d.name}
            </Link>
          ),
        },
        {
          key: 'type',
          title: t('destinations.columns.type'),
          render: (_, d) => <TypeLabel type={d.type} info={types.find((x) => x.type === d.type)} />,
        },
        {
          key: 'purposes',
          title: t('destinations.columns.purposes'),
          render: (_, d) => <PurposeTags purposes={d.purposes} />,
        },
        {
          key: 'status',
          title: t('destinations.columns.status'),
          render: (_, d) => <EnabledTag destination={d} />,
        },
        {
          key: 'health',
          title: t('destinations.columns.health'),
          render: (_, d) => <HealthSummary destinationId={d.id} />,
        },
        {
          key: 'updatedAt',
          title: t('destinations.columns.updatedAt'),
          render: (_, d) => formatDateTime(d.updatedAt, i18n.language),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, d) => (
            <Flex gap={4}>
              <Link to={`/destinations/${d.id}`}>
                <Button size="small">{t('destinations.open')}</Button>
              </Link>
              <Link to={`/destinations/${d.id}/edit`}>
                <Button size="small" data-testid="destination-row-edit">
                  {t('destinations.edit')}
                </Button>
              </Link>
            </Flex>
          ),
        },
      ]}
    />
  );
}
