import { Card, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IngestionChart } from '../modules/overview/components/IngestionChart.tsx';
import { TotalsCards } from '../modules/overview/components/TotalsCards.tsx';
import { useIngestionStats } from '../modules/overview/hooks/useIngestionStats.ts';
import type { RangeKey } from '../modules/overview/stats.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { formatTime } from '../ui/format.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

const RANGE_KEYS: readonly RangeKey[] = ['hour', 'day', 'week'];

export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<RangeKey>('hour');
  // The cards always show the last 60 minutes; the chart follows the selected range (same query for 1 h).
  const lastHour = useIngestionStats('hour');
  const chart = useIngestionStats(range);
  const updated = chart.dataUpdatedAt ? new Date(chart.dataUpdatedAt).toISOString() : null;

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      {lastHour.isError ? (
        <ErrorAlert error={lastHour.error} onRetry={() => void lastHour.refetch()} />
      ) : null}
      <TotalsCards totals={lastHour.data?.totals} loading={lastHour.isPending} />
      <Card
        title={t('overview.chartTitle')}
        extra={
          <>
            {updated ? (
              <Typography.Text type="secondary" style={{ marginRight: 12 }}>
                {t('overview.updatedAt', { time: formatTime(updated, i18n.language) })}
              </Typography.Text>
            ) : null}
            <Select<RangeKey>
              data-testid="overview-range"
              value={range}
              onChange={setRange}
              style={{ width: 200 }}
              options={RANGE_KEYS.map((key) => ({ value: key, label: t(`overview.range.${key}`) }))}
            />
          </>
        }
      >
        {range !== 'hour' && chart.isError ? (
          <ErrorAlert error={chart.error} onRetry={() => void chart.refetch()} />
        ) : null}
        <IngestionChart stats={chart.data} />
      </Card>
    </>
  );
}
