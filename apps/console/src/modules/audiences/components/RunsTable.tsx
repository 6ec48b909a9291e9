import type { AudienceRunSummary } from '@cdp/protocol';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { useAudienceRuns } from '../hooks/useAudiences.ts';
import { RunCell } from './AudienceBadges.tsx';
import { rowTestId } from './rowTestId.ts';

const ROW = rowTestId('audience-run-row');

/** Recomputations, newest first, with their sizes before → after and enters/exits. */
export function RunsTable({
  audienceId,
  refreshKey,
}: {
  readonly audienceId: string;
  readonly refreshKey: unknown;
}) {
  const { t, i18n } = useTranslation();
  const runs = useAudienceRuns(audienceId, refreshKey);
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, i18n.language));
  return (
    <>
      {runs.isError ? <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} /> : null}
      <Table<AudienceRunSummary>
        rowKey="id"
        size="small"
        loading={runs.isPending}
        dataSource={runs.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={() => ROW}
        columns={[
          {
            key: 'reason',
            title: t('audiences.runs.reason'),
            render: (_, r) => <Tag>{t(`audiences.runReasons.${r.reason}`)}</Tag>,
          },
          { key: 'status', title: t('audiences.runs.status'), render: (_, r) => <RunCell run={r} /> },
          { key: 'version', title: t('audiences.runs.version'), dataIndex: 'version' },
          {
            key: 'entered',
            title: t('audiences.runs.entered'),
            align: 'right',
            render: (_, r) => n(r.entered),
          },
          { key: 'exited', title: t('audiences.runs.exited'), align: 'right', render: (_, r) => n(r.exited) },
          {
            key: 'createdAt',
            title: t('audiences.runs.createdAt'),
            render: (_, r) => formatDateTime(r.createdAt, i18n.language),
          },
          {
            key: 'finishedAt',
            title: t('audiences.runs.finishedAt'),
            render: (_, r) => formatDateTime(r.finishedAt, i18n.language),
          },
          {
            key: 'error',
            title: t('audiences.runs.error'),
            render: (_, r) => (r.error ? <Typography.Text type="danger">{r.error}</Typography.Text> : null),
          },
        ]}
      />
    </>
  );
}
