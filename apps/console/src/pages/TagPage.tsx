import { ArrowLeftOutlined, EditOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AsOfPicker } from '../modules/tags/components/AsOfPicker.tsx';
import { DistributionChart } from '../modules/tags/components/DistributionChart.tsx';
import { ImportPanel } from '../modules/tags/components/ImportPanel.tsx';
import { TagMembersTable } from '../modules/tags/components/TagMembersTable.tsx';
import { TagSummary } from '../modules/tags/components/TagSummary.tsx';
import { useComputeTag, useSetTagStatus, useTag, useTagStats } from '../modules/tags/hooks/useTags.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { formatDateTime } from '../ui/format.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useDescribeError } from '../ui/useDescribeError.ts';

/** One tag: summary with lineage, coverage and distribution as of a day, members, compute now. */
export default function TagPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [value, setValue] = useState<string | undefined>(undefined);
  const tag = useTag(id);
  const stats = useTagStats(id, asOf);
  const compute = useComputeTag();
  const setStatus = useSetTagStatus();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tags')}>
      {t('tags.back')}
    </Button>
  );
  if (tag.isError)
    return (
      <>
        <PageHeader title={t('tags.title')} extra={back} />
        <ErrorAlert error={tag.error} onRetry={() => void tag.refetch()} />
      </>
    );
  const tg = tag.data;
  if (!tg) return <FullPageSpin />;
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };

  return (
    <>
      <PageHeader
        title={<span data-testid="tag-title">{tg.name}</span>}
        extra={
          <>
            {back}
            <Button
              icon={<ReloadOutlined />}
              loading={tag.isFetching || stats.isFetching}
              onClick={() => void Promise.all([tag.refetch(), stats.refetch()])}
            >
              {t('common.refresh')}
            </Button>
            {tg.status === 'archived' ? null : (
              <Button
                data-testid="tag-toggle-status"
                onClick={() =>
                  setStatus.mutate(
                    { id: tg.id, status: tg.status === 'active' ? 'paused' : 'active' },
                    { ...fail, onSuccess: () => void message.success(t('tags.statusChanged')) },
                  )
                }
              >
                {tg.status === 'active' ? t('tags.statusActions.paused') : t('tags.statusActions.active')}
              </Button>
            )}
            <Button
              icon={<SyncOutlined />}
              data-testid="tag-compute-now"
              disabled={tg.status === 'archived'}
              loading={compute.isPending}
              onClick={() =>
                compute.mutate(tg.id, {
                  ...fail,
                  onSuccess: (r) => void message.success(t('tags.computedResult', r)),
                })
              }
            >
              {t('tags.compute')}
            </Button>
            <Button
              type="primary"
              icon={<EditOutlined />}
              data-testid="tag-edit-detail"
              onClick={() => navigate(`/tags/${tg.id}/edit`)}
            >
              {t('tags.edit')}
            </Button>
          </>
        }
      />
      <TagSummary tag={tg} />
      {tg.spec.kind === 'imported' ? (
        <div style={{ marginBottom: 16 }}>
          <ImportPanel tag={tg} />
        </div>
      ) : null}
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('tags.stats.distribution')}
        extra={<AsOfPicker onChange={setAsOf} testId="tag-as-of" />}
      >
        {stats.isError ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
        {stats.data ? <DistributionChart stats={stats.data} onPickValue={setValue} /> : null}
      </Card>
      <Card
        size="small"
        title={
          <Flex gap={8}>
            {t('tags.members.title')}
            <Typography.Text type="secondary">
              {asOf ? t('tags.members.asOf', { date: formatDateTime(asOf, i18n.language) }) : null}
            </Typography.Text>
          </Flex>
        }
      >
        <TagMembersTable tag={tg} stats={stats.data} value={value} onValueChange={setValue} asOf={asOf} />
      </Card>
    </>
  );
}
