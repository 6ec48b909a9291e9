import type { Profile } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';

interface Props {
  readonly profile: Pick<Profile, 'traits' | 'traitSources'>;
  readonly sourceNames: ReadonlyMap<string, string>;
}

interface Row {
  readonly key: string;
  readonly value: unknown;
  readonly sourceId: string | undefined;
  readonly at: string | undefined;
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Each trait with the source and event time of the value that won (survivorship). */
export function TraitsTable({ profile, sourceNames }: Props) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = Object.entries(profile.traits)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({
      key,
      value,
      sourceId: profile.traitSources[key]?.sourceId,
      at: profile.traitSources[key]?.at,
    }));
  const columns: TableColumnsType<Row> = [
    {
      title: t('profiles.columns.trait'),
      dataIndex: 'key',
      width: 200,
      render: (_, r) => <Typography.Text code>{r.key}</Typography.Text>,
    },
    {
      title: t('profiles.columns.traitValue'),
      dataIndex: 'value',
      render: (_, r) => <span style={{ wordBreak: 'break-all' }}>{display(r.value)}</span>,
    },
    {
      title: t('profiles.columns.source'),
      dataIndex: 'sourceId',
      width: 200,
      render: (_, r) => (r.sourceId ? (sourceNames.get(r.sourceId) ?? r.sourceId) : ''),
    },
    {
      title: t('profiles.columns.eventTime'),
      dataIndex: 'at',
      width: 190,
      render: (_, r) => formatDateTime(r.at, i18n.language),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('profiles.traits.empty') }}
      scroll={{ x: 720 }}
    />
  );
}
