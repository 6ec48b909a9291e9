import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateSourceModal } from '../modules/sources/components/CreateSourceModal.tsx';
import { SourceDrawer } from '../modules/sources/components/SourceDrawer.tsx';
import { SourcesTable } from '../modules/sources/components/SourcesTable.tsx';
import { useSources } from '../modules/sources/hooks/useSources.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export default function SourcesPage() {
  const { t } = useTranslation();
  const sources = useSources();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = sources.data ?? [];
  const openSource = list.find((s) => s.id === openId);

  return (
    <>
      <PageHeader
        title={t('sources.title')}
        description={t('sources.description')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void sources.refetch()}
              loading={sources.isFetching}
            >
              {t('common.refresh')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="source-create"
              onClick={() => setCreating(true)}
            >
              {t('sources.create')}
            </Button>
          </>
        }
      />
      {sources.isError ? <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <SourcesTable sources={list} loading={sources.isPending} onOpen={(s) => setOpenId(s.id)} />
      </Card>
      <CreateSourceModal open={creating} onClose={() => setCreating(false)} />
      <SourceDrawer source={openSource} onClose={() => setOpenId(null)} />
    </>
  );
}
