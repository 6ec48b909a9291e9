import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AudiencesTable } from '../modules/audiences/components/AudiencesTable.tsx';
import { useAudiences } from '../modules/audiences/hooks/useAudiences.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 人群圈选: every audience with its size, status and last run. */
export default function AudiencesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const audiences = useAudiences();
  return (
    <>
      <PageHeader
        title={t('audiences.title')}
        description={t('audiences.description')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              loading={audiences.isFetching}
              onClick={() => void audiences.refetch()}
            >
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="audience-create"
              onClick={() => navigate('/audiences/new')}
            >
              {t('audiences.create')}
            </Button>
          </>
        }
      />
      {audiences.isError ? (
        <ErrorAlert error={audiences.error} onRetry={() => void audiences.refetch()} />
      ) : null}
      <Card styles={{ body: { padding: 0 } }}>
        <AudiencesTable audiences={audiences.data?.items ?? []} loading={audiences.isPending} />
      </Card>
    </>
  );
}
