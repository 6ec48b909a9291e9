import type { DataQuality } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { useIdentifierTypeLabel } from '../../profiles/hooks/useIdentifierTypeLabel.ts';
import { useDataQuality } from '../hooks/useIdentity.ts';
import { parseQualityMetric } from '../rules.ts';

type QualityRow = DataQuality['items'][number];
const DAYS = 30;

/** 数据质量: per source, how often identifiers were invalid, junk or missing. */
export function QualityTab() {
  const { t, i18n } = useTranslation();
  const typeLabel = useIdentifierTypeLabel();
  const quality = useDataQuality(DAYS);
  const metricLabel = (metric: string): string => {
    const parsed = parseQualityMetric(metric);
    if (parsed.kind === 'invalid')
      return t('identity.quality.metrics.invalid', { type: typeLabel(parsed.type) });
    if (parsed.kind === 'other') return parsed.metric;
    return t(`identity.quality.metrics.${parsed.kind}`);
  };
  const columns: TableColumnsType<QualityRow> = [
    { title: t('identity.quality.source'), dataIndex: 'sourceId' },
    { title: t('identity.quality.metric'), dataIndex: 'metric', render: (_, r) => metricLabel(r.metric) },
    {
      title: t('identity.quality.count'),
      dataIndex: 'count',
      align: 'right',
      width: 140,
      render: (_, r) => formatNumber(r.count, i18n.language),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('identity.quality.days', { days: DAYS })}
      </Typography.Paragraph>
      {quality.isError ? <ErrorAlert error={quality.error} onRetry={() => void quality.refetch()} /> : null}
      <Table<QualityRow>
        rowKey={(r) => `${r.sourceId}:${r.metric}`}
        size="small"
        loading={quality.isPending}
        columns={columns}
        dataSource={quality.data?.items ?? []}
        locale={{ emptyText: t('identity.quality.empty') }}
      />
    </>
  );
}
