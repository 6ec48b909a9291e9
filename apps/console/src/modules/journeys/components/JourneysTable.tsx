import type { Journey } from '@cdp/protocol';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { describeEntry } from '../describe.ts';
import { useJourneyNames } from '../hooks/useJourneyNames.ts';
import { DraftMarker, JourneyStatusTag, JourneyVersion } from './JourneyBadges.tsx';

const ROW = rowTestId('journey-row');

/** All journeys: status, published version, unpublished edits, who enters, priority. */
export function JourneysTable({
  journeys,
  loading,
}: {
  readonly journeys: Journey[];
  readonly loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const names = useJourneyNames();
  return (
    <Table<Journey>
      rowKey="id"
      loading={loading}
      dataSource={journeys}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('journeys.empty') }}
      onRow={() => ROW}
      columns={[
        {
          key: 'name',
          title: t('journeys.columns.name'),
          render: (_, j) => (
            <Link to={`/journeys/${j.id}`} data-testid="journey-link">
              {j.name}
            </Link>
          ),
        },
        {
          key: 'status',
          title: t('journeys.columns.status'),
          render: (_, j) => <JourneyStatusTag status={j.status} />,
        },
        {
          key: 'version',
          title: t('journeys.columns.version'),
          render: (_, j) => (
            <Flex gap={4} align="center" wrap>
              <JourneyVersion journey={j} />
              <DraftMarker journey={j} />
            </Flex>
          ),
        },
        {
          key: 'entry',
          title: t('journeys.columns.entry'),
          render: (_, j) => describeEntry(j.definition.entry, t, names),
        },
        {
          key: 'priority',
          title: t('journeys.columns.priority'),
          align: 'right',
          sorter: (a, b) => a.priority - b.priority,
          render: (_, j) => j.priority,
        },
        {
          key: 'updatedAt',
          title: t('journeys.columns.updatedAt'),
          render: (_, j) => formatDateTime(j.updatedAt, i18n.language),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, j) => (
            <Flex gap={4} wrap>
              <Link to={`/journeys/${j.id}`}>
                <Button size="small">{t('journeys.open')}</Button>
              </Link>
              {j.status === 'archived' ? null : (
                <Link to={`/journeys/${j.id}/edit`}>
                  <Button size="small" data-testid="journey-row-edit">
                    {t('journeys.edit')}
                  </Button>
                </Link>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
