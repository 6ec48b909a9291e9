import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AudienceEditor } from '../modules/audiences/components/AudienceEditor.tsx';
import { useAudience } from '../modules/audiences/hooks/useAudiences.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 新建 / 编辑人群: `/audiences/new` and `/audiences/:id/edit`. */
export default function AudienceEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const audience = useAudience(id);
  if (id === '')
    return (
      <>
        <PageHeader title={t('audiences.builder.newTitle')} />
        <AudienceEditor />
      </>
    );
  if (audience.isError) return <ErrorAlert error={audience.error} onRetry={() => void audience.refetch()} />;
  if (!audience.data) return <FullPageSpin />;
  return (
    <>
      <PageHeader title={t('audiences.builder.editTitle', { name: audience.data.name })} />
      <AudienceEditor key={audience.data.id} audience={audience.data} />
    </>
  );
}
