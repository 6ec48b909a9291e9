import type { ConflictList } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { IdentifierTag } from '../../profiles/components/IdentifierTag.tsx';
import { profilePath } from '../../profiles/search.ts';
import { useConflicts } from '../hooks/useIdentity.ts';

type Conflict = ConflictList['items'][number];

/** 冲突: identifiers left out of a profile (over the type's limit, or junk values). */
export function ConflictsTab() {
  const { t, i18n } = useTranslation();
  const conflicts = useConflicts();
  const columns: TableColumnsType<Conflict> = [
    {
      title: t('identity.conflicts.reason'),
      dataIndex: 'reason',
      width: 240,
      render: (_, c) => t(`profiles.conflicts.reasons.${c.reason}`),
    },
    {
      title: t('identity.conflicts.leftOut'),
      key: 'leftOut',
      render: (_, c) => c.leftOut.map((i) => <IdentifierTag key={`${i.type}:${i.value}`} identifier={i} />),
    },
    {
      title: t('identity.conflicts.profile'),
      dataIndex: 'profileId',
      width: 240,
      render: (_, c) => (c.profileId ? <Link to={profilePath(c.profileId)}>{c.profileId}</Link> : null),
    },
    {
      title: t('identity.conflicts.at'),
      dataIndex: 'at',
      width: 190,
      render: (_, c) => formatDateTime(c.at, i18n.language),
    },
  ];
  return (
    <>
      {conflicts.isError ? (
        <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : null}
      <Table<Conflict>
        rowKey={(c) => `${c.evidenceId}:${c.leftOut.map((i) => `${i.type}:${i.value}`).join(',')}`}
        size="small"
        loading={conflicts.isPending}
        columns={columns}
        dataSource={conflicts.data?.items ?? []}
        locale={{ emptyText: t('identity.conflicts.empty') }}
      />
    </>
  );
}
