import { PlusOutlined, ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { JourneysTable } from '../modules/journeys/components/JourneysTable.tsx';
import { useJourneys } from '../modules/journeys/hooks/useJourneys.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 营销旅程: every journey with its status, version and entry. */
export default function JourneysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const journeys = useJourneys();
  return (
    <>
      <PageHeader
        title={t('journeys.title')}
        description={t('journeys.description')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={journeys.isFetching}
              onClick={() => void journeys.refetch()}
            >
              {t('common.refresh')}
            </Button>
            <Button
              icon={<SafetyOutlined />}
              data-testid="journey-policy"
              onClick={() => navigate('/journeys/policy')}
            >
              {t('journeys.policy.title')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="journey-create"
              onClick={() => navigate('/journeys/new')}
            >
              {t('journeys.create')}
            </Button>
          </>
        }
      />
      {journeys.isError ? (
        <ErrorAlert error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : null}
      <Card styles={{ body: { padding: 0 } }}>
        <JourneysTable journeys={journeys.data?.items ?? []} loading={journeys.isPending} />
      </Card>
    </>
  );
}
