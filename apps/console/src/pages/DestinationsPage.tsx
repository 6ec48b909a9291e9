import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DestinationsTable } from '../modules/destinations/components/DestinationsTable.tsx';
import { useDestinations, useDestinationTypes } from '../modules/destinations/hooks/useDestinations.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 目标通道: every destination with its type, purposes, state and delivery health. */
export default function DestinationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const destinations = useDestinations();
  const types = useDestinationTypes();
  const failed = destinations.isError ? destinations : types.isError ? types : null;
  return (
    <>
      <PageHeader
        title={t('destinations.title')}
        description={t('destinations.description')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={destinations.isFetching}
              onClick={() => void destinations.refetch()}
            >
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="destination-create"
              onClick={() => navigate('/destinations/new')}
            >
              {t('destinations.create')}
            </Button>
          </>
        }
      />
      {failed ? <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <DestinationsTable
          destinations={destinations.data?.items ?? []}
          types={types.data?.items ?? []}
          loading={destinations.isPending}
        />
      </Card>
    </>
  );
}
