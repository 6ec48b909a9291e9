import type { Journey, JourneyReport } from '@cdp/protocol';
import { Alert, Card, Col, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toGraph } from '../graph.ts';
import { useJourneyNames } from '../hooks/useJourneyNames.ts';
import { ConversionChart } from './ConversionChart.tsx';
import { JourneyCanvas } from './JourneyCanvas.tsx';
import { ReportTable } from './ReportTable.tsx';

interface Props {
  readonly journey: Journey;
  readonly report: JourneyReport | undefined;
  readonly version: number | undefined;
  readonly onVersion: (version: number | undefined) => void;
}

const NO_PROBLEMS = new Set<string>();

/** The canvas with each step's counts, and the effect of each group against control. */
export function JourneyReportView({ journey, report, version, onVersion }: Props) {
  const { t } = useTranslation();
  const names = useJourneyNames();
  const graph = useMemo(
    () => toGraph(journey.definition, new Map((report?.steps ?? []).map((s) => [s.stepId, s]))),
    [journey.definition, report],
  );
  const versions = Array.from({ length: journey.publishedVersion ?? 0 }, (_, i) => i + 1).reverse();
  const picker = (
    <Select<number>
      data-testid="journey-report-version"
      style={{ width: 160 }}
      value={version ?? 0}
      onChange={(v) => onVersion(v === 0 ? undefined : v)}
      options={[
        { value: 0, label: t('journeys.detail.allVersions') },
        ...versions.map((v) => ({ value: v, label: t('journeys.version', { version: v }) })),
      ]}
    />
  );
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          size="small"
          title={t('journeys.detail.canvas')}
          extra={picker}
          styles={{ body: { padding: 0 } }}
        >
          {journey.hasDraft && journey.publishedVersion !== null ? (
            <Alert type="warning" banner title={t('journeys.detail.draftShown')} />
          ) : null}
          <JourneyCanvas
            graph={graph}
            info={{ entry: journey.definition.entry, names, faulty: NO_PROBLEMS }}
            height={480}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('journeys.detail.effect')} data-testid="journey-report">
          {journey.definition.goal ? (
            <>
              <Typography.Paragraph type="secondary">{t('journeys.report.chartTitle')}</Typography.Paragraph>
              <ConversionChart groups={report?.groups ?? []} />
            </>
          ) : (
            <Alert type="info" showIcon title={t('journeys.report.noGoal')} style={{ marginBottom: 16 }} />
          )}
          <ReportTable groups={report?.groups ?? []} />
        </Card>
      </Col>
    </Row>
  );
}
