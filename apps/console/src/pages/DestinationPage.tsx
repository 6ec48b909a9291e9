import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Switch, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { DeliveriesPanel } from '../modules/destinations/components/DeliveriesPanel.tsx';
import { TypeLabel } from '../modules/destinations/components/DestinationBadges.tsx';
import { DestinationOverview } from '../modules/destinations/components/DestinationOverview.tsx';
import { MetricsCards } from '../modules/destinations/components/MetricsCards.tsx';
import { SyncsPanel } from '../modules/destinations/components/SyncsPanel.tsx';
import { TestResult, TestSendButton } from '../modules/destinations/components/TestSend.tsx';
import {
  useDestination,
  useDestinationMetrics,
  useDestinationTypes,
  useRemoveDestination,
  useSetDestinationEnabled,
  useTestDestination,
} from '../modules/destinations/hooks/useDestinations.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { FullPageSpin } from '../ui/FullPageSpin.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useDescribeError } from '../ui/useDescribeError.ts';

const TABS = ['syncs', 'deliveries', 'config'] as const;
type Tab = (typeof TABS)[number];
const readTab = (v: string | null): Tab => TABS.find((t) => t === v) ?? 'syncs';

/** One destination: live delivery overview, its syncs, its deliveries (dead letters, replay), its settings. */
export default function DestinationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const destination = useDestination(id, 10_000);
  const metrics = useDestinationMetrics(id);
  const types = useDestinationTypes();
  const setEnabled = useSetDestinationEnabled();
  const remove = useRemoveDestination();
  const test = useTestDestination();
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/destinations')}>
      {t('destinations.back')}
    </Button>
  );

  if (destination.isError)
    return (
      <>
        <PageHeader title={t('destinations.title')} extra={back} />
        <ErrorAlert error={destination.error} onRetry={() => void destination.refetch()} />
      </>
    );
  const d = destination.data;
  if (!d) return <FullPageSpin />;
  const type = types.data?.items.find((x) => x.type === d.type);
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };

  const content: Record<Tab, ReactNode> = {
    syncs: <SyncsPanel destinationId={d.id} accepts={type?.accepts ?? []} />,
    deliveries: <DeliveriesPanel destinationId={d.id} />,
    config: <DestinationOverview destination={d} type={type} />,
  };

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span data-testid="destination-title">{d.name}</span>
            <Typography.Text style={{ fontSize: 14, fontWeight: 'normal' }}>
              <TypeLabel type={d.type} info={type} />
            </Typography.Text>
          </Flex>
        }
        extra={
          <>
            {back}
            <Flex gap={6} align="center">
              <Switch
                data-testid="destination-enabled-switch"
                checked={d.enabled}
                loading={setEnabled.isPending}
                onChange={(enabled) =>
                  setEnabled.mutate(
                    { id: d.id, enabled },
                    {
                      ...fail,
                      onSuccess: (x) =>
                        void message.success(
                          t(x.enabled ? 'destinations.enabledOk' : 'destinations.disabledOk', {
                            name: x.name,
                          }),
                        ),
                    },
                  )
                }
              />
              <span>{d.enabled ? t('destinations.enabled') : t('destinations.disabled')}</span>
            </Flex>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void destination.refetch();
                void metrics.refetch();
              }}
            >
              {t('common.refresh')}
            </Button>
            <TestSendButton test={test} destinationId={d.id} />
            <Popconfirm
              title={t('destinations.removeConfirm', { name: d.name })}
              description={t('destinations.removeHint')}
              onConfirm={() =>
                remove.mutate(d.id, {
                  ...fail,
                  onSuccess: () => {
                    message.success(t('destinations.removed'));
                    navigate('/destinations');
                  },
                })
              }
            >
              <Button danger icon={<DeleteOutlined />} data-testid="destination-remove">
                {t('destinations.remove')}
              </Button>
            </Popconfirm>
            <Button
              type="primary"
              icon={<EditOutlined />}
              data-testid="destination-edit"
              onClick={() => navigate(`/destinations/${d.id}/edit`)}
            >
              {t('destinations.edit')}
            </Button>
          </>
        }
      />
      {d.enabled ? null : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="destination-disabled"
          title={t('destinations.disabledBanner')}
          description={
            d.disabledReason ? t('destinations.disabledReason', { reason: d.disabledReason }) : undefined
          }
        />
      )}
      <TestResult test={test} />
      {metrics.isError ? <ErrorAlert error={metrics.error} onRetry={() => void metrics.refetch()} /> : null}
      <MetricsCards metrics={metrics.data} />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'syncs' ? {} : { tab: key }, { replace: true })}
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`destination-tab-${key}`}>{t(`destinations.detail.tabs.${key}`)}</span>,
            children: content[key],
          }))}
        />
      </Card>
    </>
  );
}
