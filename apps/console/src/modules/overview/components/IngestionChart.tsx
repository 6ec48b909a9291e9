import type { IngestionStats } from '@cdp/protocol';
import { Empty } from 'antd';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildChartOption } from '../chartOption.ts';
import { toChartSeries } from '../stats.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 360;

/** Stacked area chart of accepted events per bucket and source. */
export function IngestionChart({ stats }: { readonly stats: IngestionStats | undefined }) {
  const { t, i18n } = useTranslation();
  const series = useMemo(() => (stats ? toChartSeries(stats) : []), [stats]);
  const option = useMemo(() => buildChartOption(series), [series]);
  const empty = stats !== undefined && series.every((s) => s.data.every(([, v]) => v === 0));

  return (
    <div
      data-testid="ingestion-chart"
      data-series={series.length}
      style={{ position: 'relative', height: HEIGHT }}
    >
      <ReactEChartsCore
        key={i18n.language}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: HEIGHT, width: '100%' }}
        opts={{ locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
      />
      {empty ? (
        <Empty
          description={t('overview.noData')}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{
            position: 'absolute',
            inset: 0,
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
            pointerEvents: 'none',
          }}
        />
      ) : null}
    </div>
  );
}
