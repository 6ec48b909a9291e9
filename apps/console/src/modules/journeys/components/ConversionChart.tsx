import type { GroupEffect } from '@cdp/protocol';
import { BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupLabel } from '../describe.ts';
import { buildConversionOption } from '../report.ts';

echarts.use([BarChart, CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Conversion rate per group with 95% intervals: control grey, significant winners green. */
export function ConversionChart({ groups }: { readonly groups: readonly GroupEffect[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo(
    () => buildConversionOption(groups, (g) => groupLabel(g, t), t('journeys.report.conversionRate')),
    [groups, t],
  );
  return (
    <div data-testid="journey-conversion-chart" data-groups={groups.length}>
      <ReactEChartsCore
        key={i18n.language}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 280, width: '100%' }}
        opts={{ locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
      />
    </div>
  );
}
