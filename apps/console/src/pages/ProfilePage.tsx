import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Profile } from '@cdp/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Tabs } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConflictsTable } from '../modules/profiles/components/ConflictsTable.tsx';
import { HistoryPanel } from '../modules/profiles/components/HistoryPanel.tsx';
import { IdentityPanel } from '../modules/profiles/components/IdentityPanel.tsx';
import { OrdersPanel } from '../modules/profiles/components/OrdersPanel.tsx';
import { ProfileAudiencesPanel } from '../modules/profiles/components/ProfileAudiencesPanel.tsx';
import { ProfileSummary } from '../modules/profiles/components/ProfileSummary.tsx';
import { TimelinePanel } from '../modules/profiles/components/TimelinePanel.tsx';
import { TraitsTable } from '../modules/profiles/components/TraitsTable.tsx';
import {
  profileKeys,
  type SplitOutcome,
  useProfile,
  useProfileGraph,
  useProfileHistory,
} from '../modules/profiles/hooks/useProfiles.ts';
import { profilePath } from '../modules/profiles/search.ts';
import { useSources } from '../modules/sources/hooks/useSources.ts';
import { ProfileTagsCard } from '../modules/tags/components/ProfileTagsCard.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const TABS = ['identity', 'traits', 'timeline', 'orders', 'audiences', 'history', 'conflicts'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => v !== null && (TABS as readonly string[]).includes(v);

/** The merged id the user asked for, carried in the navigation state after following a redirect. */
function redirectedFromOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('redirectedFrom' in state)) return undefined;
  return typeof state.redirectedFrom === 'string' ? state.redirectedFrom : undefined;
}

/** 360° view of one customer: identity graph, traits, timeline, orders, history, conflicts. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'identity';

  const profile = useProfile(id);
  const live: Profile | undefined = profile.data?.id === id ? profile.data : undefined;
  const graph = useProfileGraph(id);
  const history = useProfileHistory(id);
  const sources = useSources();
  const sourceNames = useMemo(() => new Map((sources.data ?? []).map((s) => [s.id, s.name])), [sources.data]);

  // The server followed a merge: show the surviving id in the address, and say why.
  useEffect(() => {
    const data = profile.data;
    if (!data || data.id === id) return;
    queryClient.setQueryData(profileKeys.profile(data.id), data);
    navigate(`${profilePath(data.id)}${location.search}`, {
      replace: true,
      state: { redirectedFrom: data.redirectedFrom ?? id },
    });
  }, [profile.data, id, location.search, navigate, queryClient]);

  const onSplit = (outcome: SplitOutcome): void => {
    if (outcome.nextId === null) {
      message.success(t('profiles.split.gone'));
      navigate('/profiles');
    } else if (outcome.nextId !== id) {
      message.success(t('profiles.split.moved', { id: outcome.nextId }));
      navigate(profilePath(outcome.nextId));
    } else message.success(t('profiles.split.done'));
  };

  const refresh = (): void => void queryClient.invalidateQueries({ queryKey: profileKeys.all });
  // Back to the search that led here (it lives in the address), or to the empty search page.
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => (location.key === 'default' ? navigate('/profiles') : navigate(-1))}
    >
      {t('profiles.back')}
    </Button>
  );

  if (profile.isError)
    return (
      <>
        <PageHeader title={t('profiles.title')} extra={back} />
        <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      </>
    );
  if (!live) return <FullPageSpin />;

  const redirectedFrom = redirectedFromOf(location.state);
  const panel = (key: Tab) => {
    switch (key) {
      case 'identity':
        return (
          <IdentityPanel
            key={live.id}
            profile={live}
            graph={graph.data}
            graphLoading={graph.isPending}
            sourceNames={sourceNames}
            onSplit={onSplit}
          />
        );
      case 'traits':
        return <TraitsTable profile={live} sourceNames={sourceNames} />;
      case 'timeline':
        return <TimelinePanel profileId={live.id} sourceNames={sourceNames} />;
      case 'orders':
        return <OrdersPanel profileId={live.id} sourceNames={sourceNames} />;
      case 'audiences':
        return <ProfileAudiencesPanel profileId={live.id} />;
      case 'history':
        return <HistoryPanel history={history.data} />;
      case 'conflicts':
        return (
          <ConflictsTable
            conflicts={graph.data?.conflicts ?? []}
            loading={graph.isPending}
            sourceNames={sourceNames}
          />
        );
    }
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="profile-name">{live.name ?? t('profiles.unnamed')}</span>}
        extra={
          <>
            {back}
            <Button icon={<ReloadOutlined />} onClick={refresh} loading={profile.isFetching}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      {redirectedFrom ? (
        <Alert
          type="info"
          showIcon
          closable
          data-testid="profile-redirected"
          style={{ marginBottom: 16 }}
          title={t('profiles.redirected', { from: redirectedFrom })}
        />
      ) : null}
      {graph.isError ? <ErrorAlert error={graph.error} onRetry={() => void graph.refetch()} /> : null}
      {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      <ProfileSummary profile={live} />
      <ProfileTagsCard profileId={live.id} />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (key === 'identity') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true, state: location.state },
            )
          }
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`profile-tab-${key}`}>{t(`profiles.tabs.${key}`)}</span>,
            children: panel(key),
          }))}
        />
      </Card>
    </>
  );
}
