import { DeleteOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { DestinationTypeInfo, Sync } from '@cdp/protocol';
import { App, Button, Flex, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { useAudiences } from '../../audiences/hooks/useAudiences.ts';
import { useRemoveSync, useRunSync, useSyncs, useUpdateSync } from '../hooks/useSyncs.ts';
import { isScheduled } from '../syncSpec.ts';
import { SyncDialog } from './SyncDialog.tsx';

const ROW = rowTestId('sync-row');

const modeOf = (spec: Sync['spec']) =>
  spec.kind === 'events'
    ? { kind: spec.kind, eventsMode: spec.mode, audienceMode: 'realtime' as const }
    : { kind: spec.kind, eventsMode: 'realtime' as const, audienceMode: spec.mode };

/** The syncs of a destination: what each sends and when; enable, run now, delete, create. */
export function SyncsPanel({
  destinationId,
  accepts,
}: {
  readonly destinationId: string;
  readonly accepts: DestinationTypeInfo['accepts'];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const [creating, setCreating] = useState(false);
  const syncs = useSyncs(destinationId);
  const audiences = useAudiences();
  const update = useUpdateSync();
  const remove = useRemoveSync();
  const run = useRunSync();
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };
  const audienceName = (id: string) => audiences.data?.items.find((a) => a.id === id)?.name ?? id;

  const content = (spec: Sync['spec']) => {
    if (spec.kind === 'audience')
      return t('destinations.syncs.audienceOf', { name: audienceName(spec.audienceId) });
    const names = [...new Set(spec.filter.events.map((m) => m.event ?? m.type ?? '*'))];
    return (
      <Flex gap={4} wrap align="center">
        {names.length === 0 ? (
          <Tag>{t('destinations.syncs.allEvents')}</Tag>
        ) : (
          names.map((n) => <Tag key={n}>{n}</Tag>)
        )}
        {spec.mapping.length > 0 ? (
          <Typography.Text type="secondary">
            {t('destinations.syncs.mapped', { n: spec.mapping.length })}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="sync-create"
          onClick={() => setCreating(true)}
        >
          {t('destinations.syncs.create')}
        </Button>
      </Flex>
      {syncs.isError ? <ErrorAlert error={syncs.error} onRetry={() => void syncs.refetch()} /> : null}
      <Table<Sync>
        rowKey="id"
        size="small"
        loading={syncs.isPending}
        dataSource={syncs.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('destinations.syncs.empty') }}
        onRow={() => ROW}
        columns={[
          { key: 'name', title: t('destinations.syncs.columns.name'), dataIndex: 'name' },
          {
            key: 'content',
            title: t('destinations.syncs.columns.content'),
            render: (_, s) => (
              <Flex gap={6} align="center" wrap>
                <Tag color="blue">{t(`destinations.syncs.kinds.${s.spec.kind}`)}</Tag>
                {content(s.spec)}
              </Flex>
            ),
          },
          {
            key: 'mode',
            title: t('destinations.syncs.columns.mode'),
            render: (_, s) => t(`destinations.syncs.modes.${s.spec.mode}`),
          },
          {
            key: 'schedule',
            title: t('destinations.syncs.columns.schedule'),
            render: (_, s) =>
              s.schedule ? (
                <Flex vertical>
                  <Typography.Text code>{s.schedule}</Typography.Text>
                  {s.nextRunAt ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('destinations.syncs.columns.nextRunAt')}:{' '}
                      {formatDateTime(s.nextRunAt, i18n.language)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            key: 'lastRunAt',
            title: t('destinations.syncs.columns.lastRunAt'),
            render: (_, s) => formatDateTime(s.lastRunAt, i18n.language) || '—',
          },
          {
            key: 'enabled',
            title: t('destinations.syncs.columns.enabled'),
            render: (_, s) => (
              <Switch
                size="small"
                data-testid="sync-enabled"
                checked={s.enabled}
                onChange={(enabled) =>
                  update.mutate(
                    { id: s.id, body: { enabled } },
                    {
                      ...fail,
                      onSuccess: () =>
                        void message.success(
                          t(enabled ? 'destinations.syncs.enabledOk' : 'destinations.syncs.disabledOk'),
                        ),
                    },
                  )
                }
              />
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, s) => (
              <Flex gap={4} wrap>
                {isScheduled(modeOf(s.spec)) ? (
                  <Button
                    size="small"
                    icon={<PlayCircleOutlined />}
                    data-testid="sync-run"
                    onClick={() =>
                      run.mutate(s.id, {
                        ...fail,
                        onSuccess: () => void message.success(t('destinations.syncs.runQueued')),
                      })
                    }
                  >
                    {t('destinations.syncs.run')}
                  </Button>
                ) : null}
                <Popconfirm
                  title={t('destinations.syncs.removeConfirm', { name: s.name })}
                  onConfirm={() =>
                    remove.mutate(s.id, {
                      ...fail,
                      onSuccess: () => void message.success(t('destinations.syncs.removed')),
                    })
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} data-testid="sync-remove">
                    {t('destinations.syncs.remove')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      {creating ? (
        <SyncDialog destinationId={destinationId} accepts={accepts} onClose={() => setCreating(false)} />
      ) : null}
    </Flex>
  );
}
