import type { AudienceTrend } from '@cdp/protocol';
import { Empty } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTrendOption } from '../trendOption.ts';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 300;

/** The audience's size per day (audiences.trend). */
export function TrendChart({ trend }: { readonly trend: AudienceTrend | undefined }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () =>
      buildTrendOption(trend ?? { points: [] }, {
        size: t('audiences.detail.series.size'),
        entered: t('audiences.detail.series.entered'),
        exited: t('audiences.detail.series.exited'),
      }),
    [trend, t],
  );
  if (trend && trend.points.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="audience-trend" data-points={trend?.points.length ?? 0}>
      <ReactEChartsCore
        key={i18n.language}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: HEIGHT, width: '100%' }}
        opts={{ locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
      />
    </div>
  );
}
