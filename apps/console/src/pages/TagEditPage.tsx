import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { TagEditor } from '../modules/tags/components/TagEditor.tsx';
import { useTag } from '../modules/tags/hooks/useTags.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** `/tags/new` (in the category of `?category=`) and `/tags/:id/edit`. */
export default function TagEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const tag = useTag(id);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(id ? `/tags/${id}` : '/tags')}>
      {t('tags.back')}
    </Button>
  );
  if (id === '')
    return (
      <>
        <PageHeader title={t('tags.editor.createTitle')} extra={back} />
        <TagEditor categoryId={params.get('category')} />
      </>
    );
  if (tag.isError)
    return (
      <>
        <PageHeader title={t('tags.editor.editTitle', { name: id })} extra={back} />
        <ErrorAlert error={tag.error} onRetry={() => void tag.refetch()} />
      </>
    );
  if (!tag.data) return <FullPageSpin />;
  return (
    <>
      <PageHeader title={t('tags.editor.editTitle', { name: tag.data.name })} extra={back} />
      <TagEditor key={tag.data.id} tag={tag.data} />
    </>
  );
}
