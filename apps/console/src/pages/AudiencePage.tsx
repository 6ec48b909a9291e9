import { ArrowLeftOutlined, EditOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { AudienceSummary } from '../modules/audiences/components/AudienceSummary.tsx';
import { ChangesTable } from '../modules/audiences/components/ChangesTable.tsx';
import { ExplainLookup } from '../modules/audiences/components/ExplainLookup.tsx';
import { ExportPanel } from '../modules/audiences/components/ExportPanel.tsx';
import { MembersTable } from '../modules/audiences/components/MembersTable.tsx';
import { OverlapPanel } from '../modules/audiences/components/OverlapPanel.tsx';
import { RunsTable } from '../modules/audiences/components/RunsTable.tsx';
import { TrendChart } from '../modules/audiences/components/TrendChart.tsx';
import {
  useAudience,
  useAudienceTrend,
  useRecomputeAudience,
  useSetAudienceStatus,
} from '../modules/audiences/hooks/useAudiences.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useDescribeError } from '../ui/useDescribeError.ts';

const TABS = ['overview', 'members', 'runs', 'overlap', 'changes', 'export', 'explain'] as const;
type Tab = (typeof TABS)[number];
const readTab = (v: string | null): Tab => TABS.find((t) => t === v) ?? 'overview';

/** One audience: summary and definition, trend, members, runs, overlap, enters/exits, export, why (not). */
export default function AudiencePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const audience = useAudience(id);
  const trend = useAudienceTrend(id);
  const recompute = useRecomputeAudience();
  const setStatus = useSetAudienceStatus();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/audiences')}>
      {t('audiences.back')}
    </Button>
  );

  if (audience.isError)
    return (
      <>
        <PageHeader title={t('audiences.title')} extra={back} />
        <ErrorAlert error={audience.error} onRetry={() => void audience.refetch()} />
      </>
    );
  const a = audience.data;
  if (!a) return <FullPageSpin />;
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };
  // a new run (or its completion) refreshes the runs and members lists
  const runKey = `${a.lastRun?.id}:${a.lastRun?.status}`;

  const content: Record<Tab, ReactNode> = {
    overview: (
      <>
        <Typography.Title level={5}>{t('audiences.detail.trend')}</Typography.Title>
        <TrendChart trend={trend.data} />
      </>
    ),
    members: <MembersTable key={runKey} audienceId={a.id} />,
    runs: <RunsTable audienceId={a.id} refreshKey={runKey} />,
    overlap: <OverlapPanel audienceId={a.id} />,
    changes: <ChangesTable key={runKey} audienceId={a.id} />,
    export: <ExportPanel audienceId={a.id} />,
    explain: <ExplainLookup audienceId={a.id} definition={a.definition} />,
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="audience-title">{a.name}</span>}
        extra={
          <>
            {back}
            <Button
              icon={<ReloadOutlined />}
              loading={audience.isFetching}
              onClick={() => void audience.refetch()}
            >
              {t('common.refresh')}
            </Button>
            {a.status === 'archived' ? null : (
              <Button
                data-testid="audience-toggle-status"
                onClick={() =>
                  setStatus.mutate({ id: a.id, status: a.status === 'active' ? 'paused' : 'active' }, fail)
                }
              >
                {a.status === 'active' ? t('audiences.pause') : t('audiences.activate')}
              </Button>
            )}
            <Button
              icon={<SyncOutlined />}
              data-testid="audience-recompute"
              onClick={() =>
                recompute.mutate(a.id, {
                  ...fail,
                  onSuccess: () => void message.success(t('audiences.recomputeQueued')),
                })
              }
            >
              {t('audiences.recompute')}
            </Button>
            <Button
              type="primary"
              icon={<EditOutlined />}
              data-testid="audience-edit"
              onClick={() => navigate(`/audiences/${a.id}/edit`)}
            >
              {t('audiences.edit')}
            </Button>
          </>
        }
      />
      <AudienceSummary audience={a} />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`audience-tab-${key}`}>{t(`audiences.detail.tabs.${key}`)}</span>,
            children: content[key],
          }))}
        />
      </Card>
    </>
  );
}
