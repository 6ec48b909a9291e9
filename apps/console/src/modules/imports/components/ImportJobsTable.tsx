import type { ImportJob } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Button, Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { useImportJobs } from '../hooks/useImports.ts';
import { progressPercent } from '../mapping.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';

/** Recent import jobs. */
export function ImportJobsTable() {
  const { t, i18n } = useTranslation();
  const jobs = useImportJobs();
  const n = (v: number) => formatNumber(v, i18n.language);
  const columns: TableColumnsType<ImportJob> = [
    { title: t('imports.columns.filename'), dataIndex: 'filename', ellipsis: true },
    {
      title: t('imports.columns.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (_, j) => t(`imports.kinds.${j.kind}`),
    },
    { title: t('imports.columns.source'), dataIndex: 'source', width: 160, ellipsis: true },
    {
      title: t('imports.columns.status'),
      key: 'status',
      width: 200,
      render: (_, j) =>
        j.status === 'running' ? (
          <Progress size="small" percent={progressPercent(j)} />
        ) : (
          <ImportStatusTag status={j.status} />
        ),
    },
    {
      title: t('imports.counts.rows'),
      dataIndex: 'rows',
      width: 100,
      align: 'right',
      render: (_, j) => n(j.rows),
    },
    {
      title: t('imports.counts.imported'),
      dataIndex: 'imported',
      width: 100,
      align: 'right',
      render: (_, j) => n(j.imported),
    },
    {
      title: t('imports.counts.rejected'),
      dataIndex: 'rejected',
      width: 100,
      align: 'right',
      render: (_, j) => n(j.rejected),
    },
    {
      title: t('imports.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 190,
      render: (_, j) => formatDateTime(j.createdAt, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, j) =>
        j.rejected > 0 || j.errors.length > 0 ? (
          <Button type="link" size="small" href={api.imports.errorsUrl(j.id)} target="_blank">
            {t('imports.downloadErrors')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      title={t('imports.recent')}
      extra={
        <Button size="small" onClick={() => void jobs.refetch()} loading={jobs.isFetching}>
          {t('common.refresh')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      {jobs.isError ? <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={jobs.isPending}
        columns={columns}
        dataSource={jobs.data?.items ?? []}
        locale={{ emptyText: t('imports.empty') }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
