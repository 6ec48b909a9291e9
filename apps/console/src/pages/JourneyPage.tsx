import { ArrowLeftOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { JourneyActions } from '../modules/journeys/components/JourneyActions.tsx';
import { JourneyReportView } from '../modules/journeys/components/JourneyReportView.tsx';
import { JourneySummary } from '../modules/journeys/components/JourneySummary.tsx';
import { useJourney, useJourneyReport } from '../modules/journeys/hooks/useJourneys.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** One journey: summary, the canvas with per-step counts, and the effect report per version. */
export default function JourneyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [version, setVersion] = useState<number | undefined>();
  const journey = useJourney(id);
  const report = useJourneyReport(id, version);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/journeys')}>
      {t('journeys.back')}
    </Button>
  );
  if (journey.isError)
    return (
      <>
        <PageHeader title={t('journeys.title')} extra={back} />
        <ErrorAlert error={journey.error} onRetry={() => void journey.refetch()} />
      </>
    );
  const j = journey.data;
  if (!j) return <FullPageSpin />;
  return (
    <>
      <PageHeader
        title={<span data-testid="journey-title">{j.name}</span>}
        extra={
          <>
            {back}
            <Button
              icon={<ReloadOutlined />}
              loading={journey.isFetching || report.isFetching}
              data-testid="journey-refresh"
              onClick={() => {
                void journey.refetch();
                void report.refetch();
              }}
            >
              {t('common.refresh')}
            </Button>
            <JourneyActions journey={j} withPublish withArchive />
            {j.status === 'archived' ? null : (
              <Button
                type="primary"
                icon={<EditOutlined />}
                data-testid="journey-edit"
                onClick={() => navigate(`/journeys/${j.id}/edit`)}
              >
                {t('journeys.edit')}
              </Button>
            )}
          </>
        }
      />
      <JourneySummary journey={j} report={report.data} />
      {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      <JourneyReportView journey={j} report={report.data} version={version} onVersion={setVersion} />
    </>
  );
}
