import type { StoredEvent } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../ui/format.ts';
import { eventLabel } from '../live.ts';
import { FlagTags } from './FlagTags.tsx';

interface Props {
  readonly events: readonly StoredEvent[];
  readonly loading: boolean;
  readonly selectedId: string | undefined;
  readonly sourceNames: ReadonlyMap<string, string>;
  readonly onSelect: (event: StoredEvent) => void;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'debugger-event-row' };

export function EventTable({ events, loading, selectedId, sourceNames, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<StoredEvent> = [
    {
      title: t('debugger.columns.receivedAt'),
      dataIndex: 'receivedAt',
      width: 100,
      render: (_, e) => <span title={e.receivedAt}>{formatTime(e.receivedAt, i18n.language)}</span>,
    },
    {
      title: t('debugger.columns.type'),
      dataIndex: 'type',
      width: 90,
      render: (_, e) => <Tag>{e.type}</Tag>,
    },
    {
      title: t('debugger.columns.event'),
      key: 'event',
      ellipsis: true,
      render: (_, e) => <Typography.Text strong={e.type === 'track'}>{eventLabel(e)}</Typography.Text>,
    },
    {
      title: t('debugger.columns.source'),
      dataIndex: 'sourceId',
      width: 140,
      ellipsis: true,
      render: (_, e) => sourceNames.get(e.sourceId) ?? e.sourceId,
    },
    {
      title: t('debugger.columns.user'),
      key: 'user',
      width: 130,
      ellipsis: true,
      render: (_, e) => e.userId ?? <Typography.Text type="secondary">{e.anonymousId}</Typography.Text>,
    },
    {
      title: t('debugger.columns.flags'),
      dataIndex: 'flags',
      width: 190,
      render: (_, e) => <FlagTags flags={e.flags} />,
    },
  ];

  return (
    <Table<StoredEvent>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...events]}
      loading={loading}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)', x: 800 }}
      locale={{ emptyText: t('debugger.empty') }}
      rowClassName={(e) => (e.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(e) => ({ ...ROW_TEST_ID, onClick: () => onSelect(e), style: { cursor: 'pointer' } })}
    />
  );
}
