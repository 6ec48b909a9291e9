import type { GroupEffect } from '@cdp/protocol';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { groupLabel } from '../describe.ts';
import { orderGroups } from '../report.ts';

const ROW = rowTestId('journey-group-row');
/** A row's test id with its group and counts, which the browser tests read. */
const rowProps = (g: GroupEffect): HTMLAttributes<HTMLElement> => ({
  ...ROW,
  ['data-group' as string]: g.group,
  ['data-entered' as string]: g.entered,
  ['data-converted' as string]: g.converted,
});

const percent = (v: number | null, lang: string) =>
  v === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 }).format(v);
/** A difference of rates in percentage points, signed: +2.35. */
const points = (v: number) => `${v > 0 ? '+' : ''}${(v * 100).toFixed(2)}`;
const money = (v: number | null, lang: string) =>
  v === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(v);

/** Per group: who entered, was reached and converted, revenue, and the uplift over control with its test. */
export function ReportTable({ groups }: { readonly groups: readonly GroupEffect[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table<GroupEffect>
      rowKey="group"
      size="small"
      pagination={false}
      dataSource={orderGroups(groups)}
      locale={{ emptyText: t('journeys.report.empty') }}
      onRow={rowProps}
      scroll={{ x: true }}
      columns={[
        {
          key: 'group',
          title: t('journeys.report.group'),
          render: (_, g) =>
            g.group === 'control' ? <Tag>{groupLabel(g.group, t)}</Tag> : groupLabel(g.group, t),
        },
        {
          key: 'entered',
          title: t('journeys.report.entered'),
          align: 'right',
          render: (_, g) => <span data-testid="journey-group-entered">{formatNumber(g.entered, lang)}</span>,
        },
        {
          key: 'reached',
          title: t('journeys.report.reached'),
          align: 'right',
          render: (_, g) => formatNumber(g.reached, lang),
        },
        {
          key: 'converted',
          title: t('journeys.report.converted'),
          align: 'right',
          render: (_, g) => formatNumber(g.converted, lang),
        },
        {
          key: 'rate',
          title: t('journeys.report.conversionRate'),
          align: 'right',
          render: (_, g) => percent(g.conversionRate, lang),
        },
        {
          key: 'revenue',
          title: t('journeys.report.revenue'),
          align: 'right',
          render: (_, g) => money(g.revenue, lang),
        },
        {
          key: 'rpp',
          title: t('journeys.report.revenuePerProfile'),
          align: 'right',
          render: (_, g) => money(g.revenuePerProfile, lang),
        },
        {
          key: 'uplift',
          title: t('journeys.report.uplift'),
          align: 'right',
          render: (_, g) =>
            g.uplift ? (
              <Tooltip
                title={
                  g.uplift.relative === null
                    ? undefined
                    : t('journeys.report.relative', { value: percent(g.uplift.relative, lang) })
                }
              >
                <Typography.Text
                  type={g.uplift.significant ? (g.uplift.absolute > 0 ? 'success' : 'danger') : undefined}
                >
                  {t('journeys.report.points', { value: points(g.uplift.absolute) })}
                </Typography.Text>
              </Tooltip>
            ) : (
              '—'
            ),
        },
        {
          key: 'ci',
          title: t('journeys.report.ci95'),
          align: 'right',
          render: (_, g) => (g.uplift ? `[${points(g.uplift.ci95[0])}, ${points(g.uplift.ci95[1])}]` : '—'),
        },
        {
          key: 'p',
          title: t('journeys.report.pValue'),
          align: 'right',
          render: (_, g) =>
            g.uplift ? (g.uplift.pValue < 0.001 ? '< 0.001' : g.uplift.pValue.toFixed(3)) : '—',
        },
        {
          key: 'significant',
          title: t('journeys.report.significance'),
          render: (_, g) =>
            g.uplift ? (
              <Tag
                color={g.uplift.significant ? 'green' : 'default'}
                data-testid="journey-group-significant"
                data-significant={g.uplift.significant}
              >
                {g.uplift.significant
                  ? t('journeys.report.significant')
                  : t('journeys.report.notSignificant')}
              </Tag>
            ) : null,
        },
      ]}
    />
  );
}
