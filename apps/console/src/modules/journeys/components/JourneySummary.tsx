import type { Journey, JourneyReport } from '@cdp/protocol';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import { describeCondition } from '../../audiences/describe.ts';
import { describeEntry, describeGoal } from '../describe.ts';
import { useJourneyNames } from '../hooks/useJourneyNames.ts';
import { DraftMarker, JourneyStatusTag, JourneyVersion } from './JourneyBadges.tsx';

/** Status, version, entry, exit condition, goal, holdout, priority and the people in it now. */
export function JourneySummary({ journey, report }: { journey: Journey; report: JourneyReport | undefined }) {
  const { t, i18n } = useTranslation();
  const names = useJourneyNames();
  const { definition } = journey;
  const n = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v, i18n.language));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('journeys.detail.id')}>
          <Typography.Text copyable>{journey.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.columns.status')}>
          <JourneyStatusTag status={journey.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.columns.version')}>
          <JourneyVersion journey={journey} />
          <DraftMarker journey={journey} />
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.columns.priority')}>{journey.priority}</Descriptions.Item>
        <Descriptions.Item label={t('journeys.columns.entry')}>
          <span data-testid="journey-entry">{describeEntry(definition.entry, t, names)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.detail.goal')}>
          {describeGoal(definition.goal, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.detail.exitWhen')}>
          {definition.exitWhen ? describeCondition(definition.exitWhen, t, names) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.detail.holdout')}>
          {definition.holdoutPercent}%
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.detail.active')}>
          <span data-testid="journey-active">{n(report?.active)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('journeys.detail.finished')}>{n(report?.finished)}</Descriptions.Item>
        <Descriptions.Item label={t('journeys.columns.updatedAt')}>
          {formatDateTime(journey.updatedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      {journey.description ? <Typography.Paragraph>{journey.description}</Typography.Paragraph> : null}
    </Card>
  );
}
