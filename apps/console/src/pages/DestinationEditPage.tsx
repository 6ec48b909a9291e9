import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DestinationEditor } from '../modules/destinations/components/DestinationEditor.tsx';
import { TypePicker } from '../modules/destinations/components/TypePicker.tsx';
import { useDestination, useDestinationTypes } from '../modules/destinations/hooks/useDestinations.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** `/destinations/new` (type picker, then `?type=` the form) and `/destinations/:id/edit`. */
export default function DestinationEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const types = useDestinationTypes();
  const destination = useDestination(id);
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(id ? `/destinations/${id}` : '/destinations')}
    >
      {t('destinations.back')}
    </Button>
  );
  const page = (title: string, body: ReactNode) => (
    <>
      <PageHeader title={title} extra={back} />
      {body}
    </>
  );

  const failed = types.isError ? types : destination.isError ? destination : null;
  if (failed)
    return page(
      t('destinations.title'),
      <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />,
    );
  if (!types.data || (id !== '' && !destination.data)) return <FullPageSpin />;

  if (id === '') {
    const type = types.data.items.find((x) => x.type === params.get('type'));
    if (!type)
      return page(
        t('destinations.editor.newTitle'),
        <Card title={t('destinations.editor.pickType')}>
          <TypePicker types={types.data.items} onPick={(picked) => setParams({ type: picked })} />
        </Card>,
      );
    return page(
      t('destinations.editor.newTitle'),
      <DestinationEditor key={type.type} type={type} onChangeType={() => setParams({})} />,
    );
  }
  const d = destination.data;
  if (!d) return <FullPageSpin />;
  const type = types.data.items.find((x) => x.type === d.type);
  const title = t('destinations.editor.editTitle', { name: d.name });
  if (!type)
    return page(
      title,
      <Alert type="error" showIcon title={t('destinations.unknownType', { type: d.type })} />,
    );
  return page(title, <DestinationEditor key={d.id} type={type} destination={d} />);
}
