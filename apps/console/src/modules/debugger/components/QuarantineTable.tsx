import type { QuarantineItem } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Tag, Tooltip } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';

interface Props {
  readonly items: readonly QuarantineItem[];
  readonly loading: boolean;
  readonly selectedId: string | undefined;
  readonly sourceNames: ReadonlyMap<string, string>;
  readonly onSelect: (item: QuarantineItem) => void;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'quarantine-row' };

export function QuarantineTable({ items, loading, selectedId, sourceNames, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<QuarantineItem> = [
    {
      title: t('quarantine.columns.receivedAt'),
      dataIndex: 'receivedAt',
      width: 190,
      render: (_, i) => formatDateTime(i.receivedAt, i18n.language),
    },
    {
      title: t('quarantine.columns.source'),
      dataIndex: 'sourceId',
      width: 140,
      ellipsis: true,
      render: (_, i) => sourceNames.get(i.sourceId) ?? i.sourceId,
    },
    {
      title: t('quarantine.columns.problems'),
      key: 'problems',
      render: (_, i) =>
        i.problems.map((p) => (
          <Tooltip key={`${p.code}|${p.path}|${p.message}`} title={`${p.path || '/'}: ${p.message}`}>
            <Tag color="red">{p.code}</Tag>
          </Tooltip>
        )),
    },
    {
      title: t('quarantine.columns.messageId'),
      dataIndex: 'messageId',
      width: 200,
      ellipsis: true,
      render: (_, i) => i.messageId ?? '—',
    },
  ];

  return (
    <Table<QuarantineItem>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      scroll={{ y: 'calc(100vh - 330px)', x: 640 }}
      locale={{ emptyText: t('quarantine.empty') }}
      rowClassName={(i) => (i.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(i) => ({ ...ROW_TEST_ID, onClick: () => onSelect(i), style: { cursor: 'pointer' } })}
    />
  );
}
