import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { JourneyEditor } from '../modules/journeys/components/JourneyEditor.tsx';
import { useJourney } from '../modules/journeys/hooks/useJourneys.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 新建 / 编辑旅程: `/journeys/new` and `/journeys/:id/edit`. */
export default function JourneyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const journey = useJourney(id);
  if (id === '')
    return (
      <>
        <PageHeader title={t('journeys.editor.newTitle')} />
        <JourneyEditor />
      </>
    );
  if (journey.isError) return <ErrorAlert error={journey.error} onRetry={() => void journey.refetch()} />;
  if (!journey.data) return <FullPageSpin />;
  return (
    <>
      <PageHeader title={t('journeys.editor.editTitle', { name: journey.data.name })} />
      <JourneyEditor key={journey.data.id} journey={journey.data} />
    </>
  );
}
