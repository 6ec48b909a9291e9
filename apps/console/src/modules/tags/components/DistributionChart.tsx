import type { TagStats } from '@cdp/protocol';
import { Empty, Flex, Progress, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';
import { buildDistributionOption, type DistributionLabels, distributionBars } from '../distributionOption.ts';
import { formatTagValue } from '../values.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Chart labels in the current language. */
export function useDistributionLabels(): DistributionLabels {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      count: t('tags.stats.count'),
      other: t('tags.stats.other'),
      value: (v) => formatTagValue(v, i18n.language, { yes: t('tags.yes'), no: t('tags.no') }),
      number: (n) => formatTagValue(n, i18n.language, { yes: '', no: '' }),
    }),
    [t, i18n.language],
  );
}

/**
 * Coverage (profiles with a value / profiles) and the value distribution: bars per value, a histogram
 * for numbers. The bars are also in the DOM (data-testid="distribution-bar") for tests and screen readers.
 */
export function DistributionChart({
  stats,
  onPickValue,
  height = 280,
}: {
  readonly stats: TagStats;
  /** Called with the value of a clicked bar (not for "other" or number buckets). */
  readonly onPickValue?: (value: string) => void;
  readonly height?: number;
}) {
  const { t, i18n } = useTranslation();
  const labels = useDistributionLabels();
  const bars = useMemo(() => distributionBars(stats.distribution, labels), [stats.distribution, labels]);
  const option = useMemo(
    () => buildDistributionOption(stats.distribution, labels),
    [stats.distribution, labels],
  );
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div data-testid="tag-stats" data-with-value={stats.withValue} data-profiles={stats.profiles}>
      <Flex wrap gap={24} align="center" style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('tags.stats.coverage')}</Typography.Text>
          <Progress
            percent={Math.round(stats.coverage * 1000) / 10}
            size="small"
            style={{ width: 140, margin: 0 }}
            data-testid="tag-coverage"
          />
        </Flex>
        <span>
          <Typography.Text type="secondary">{t('tags.stats.withValue')} </Typography.Text>
          <span data-testid="tag-with-value">{n(stats.withValue)}</span>
        </span>
        <span>
          <Typography.Text type="secondary">{t('tags.stats.profiles')} </Typography.Text>
          {n(stats.profiles)}
        </span>
      </Flex>
      {bars.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tags.stats.noValues')} />
      ) : (
        <>
          <ReactEChartsCore
            key={i18n.language}
            echarts={echarts}
            option={option}
            notMerge
            style={{ height, width: '100%' }}
            opts={{ locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
            onEvents={{
              click: (e: { dataIndex?: number }) => {
                const value = bars[e.dataIndex ?? -1]?.value;
                if (value != null && onPickValue) onPickValue(value);
              },
            }}
          />
          <ul hidden data-testid="distribution">
            {bars.map((b) => (
              <li key={b.label} data-testid="distribution-bar" data-label={b.label} data-count={b.count} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
