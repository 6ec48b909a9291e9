import type { ProfileGraph } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { identifierKey } from '../identifiers.ts';
import { EvidenceLabel } from './EvidenceLabel.tsx';
import { IdentifierTag } from './IdentifierTag.tsx';

type Conflict = ProfileGraph['conflicts'][number];

interface Props {
  readonly conflicts: readonly Conflict[];
  readonly loading: boolean;
  readonly sourceNames: ReadonlyMap<string, string>;
}

/** Identifiers that evidence named but OneID left out of the profile, and why. */
export function ConflictsTable({ conflicts, loading, sourceNames }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<Conflict> = [
    {
      title: t('profiles.columns.leftOut'),
      key: 'leftOut',
      render: (_, c) => c.leftOut.map((i) => <IdentifierTag key={identifierKey(i)} identifier={i} />),
    },
    {
      title: t('profiles.columns.reason'),
      dataIndex: 'reason',
      width: 260,
      render: (_, c) => (
        <Tag color={c.reason === 'junk' ? 'orange' : 'red'}>
          {t(`profiles.conflicts.reasons.${c.reason}`)}
        </Tag>
      ),
    },
    {
      title: t('profiles.columns.evidence'),
      dataIndex: 'evidenceId',
      width: 260,
      render: (_, c) => <EvidenceLabel id={c.evidenceId} sourceNames={sourceNames} />,
    },
    {
      title: t('profiles.columns.eventTime'),
      dataIndex: 'at',
      width: 190,
      render: (_, c) => formatDateTime(c.at, i18n.language),
    },
  ];
  return (
    <Table<Conflict>
      size="small"
      rowKey={(c) => `${c.evidenceId}|${c.reason}|${c.leftOut.map(identifierKey).join(',')}`}
      columns={columns}
      dataSource={[...conflicts]}
      loading={loading}
      pagination={conflicts.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('profiles.conflicts.empty') }}
      scroll={{ x: 900 }}
    />
  );
}
