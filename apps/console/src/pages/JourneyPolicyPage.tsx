import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ContactPolicyForm } from '../modules/journeys/components/ContactPolicyForm.tsx';
import { useContactPolicy } from '../modules/journeys/hooks/useJourneys.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 触达策略: contact caps and quiet hours that every journey's sends respect. */
export default function JourneyPolicyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const policy = useContactPolicy();
  return (
    <>
      <PageHeader
        title={t('journeys.policy.title')}
        description={t('journeys.policy.description')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/journeys')}>
            {t('journeys.back')}
          </Button>
        }
      />
      {policy.isError ? <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} /> : null}
      {policy.data ? <ContactPolicyForm policy={policy.data} /> : policy.isError ? null : <FullPageSpin />}
    </>
  );
}
