import { SyncOutlined } from '@ant-design/icons';
import type { Source } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { App, Button, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useRotateWriteKey, useUpdateSource } from '../hooks/useSources.ts';
import { SourceTypeTag } from './SourceTypeTag.tsx';
import { WriteKey } from './WriteKey.tsx';

interface Props {
  readonly sources: readonly Source[];
  readonly loading: boolean;
  readonly onOpen: (source: Source) => void;
}

export function SourcesTable({ sources, loading, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const update = useUpdateSource();
  const rotate = useRotateWriteKey();
  const [busyId, setBusyId] = useState<string | null>(null);

  const toggle = (source: Source, enabled: boolean): void => {
    setBusyId(source.id);
    update.mutate(
      { id: source.id, body: { enabled } },
      {
        onSuccess: (s) =>
          message.success(t(s.enabled ? 'sources.enabledOk' : 'sources.disabledOk', { name: s.name })),
        onError: (err) => message.error(describe(err)),
        onSettled: () => setBusyId(null),
      },
    );
  };

  const rotateKey = (source: Source): Promise<void> =>
    rotate
      .mutateAsync(source.id)
      .then((s) => void message.success(t('sources.rotated', { name: s.name })))
      .catch((err: unknown) => void message.error(describe(err)));

  const columns: TableColumnsType<Source> = [
    {
      title: t('sources.name'),
      dataIndex: 'name',
      render: (_, source) => (
        <Typography.Link onClick={() => onOpen(source)} data-testid="source-name-link">
          {source.name}
        </Typography.Link>
      ),
    },
    {
      title: t('sources.type'),
      dataIndex: 'type',
      width: 110,
      render: (_, s) => <SourceTypeTag type={s.type} />,
    },
    {
      title: t('sources.status'),
      dataIndex: 'enabled',
      width: 120,
      render: (_, source) => (
        <Switch
          checked={source.enabled}
          loading={busyId === source.id}
          checkedChildren={t('sources.enabled')}
          unCheckedChildren={t('sources.disabled')}
          onChange={(checked) => toggle(source, checked)}
          data-testid="source-enabled"
        />
      ),
    },
    {
      title: t('sources.writeKey'),
      dataIndex: 'writeKey',
      render: (_, s) => <WriteKey value={s.writeKey} />,
    },
    {
      title: t('sources.createdAt'),
      dataIndex: 'createdAt',
      width: 190,
      render: (_, s) => formatDateTime(s.createdAt, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 210,
      render: (_, source) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => onOpen(source)}>
            {t('sources.details')}
          </Button>
          <Popconfirm
            title={t('sources.rotateConfirmTitle')}
            description={t('sources.rotateConfirmDescription')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => rotateKey(source)}
          >
            <Button type="link" size="small" icon={<SyncOutlined />} data-testid="source-rotate">
              {t('sources.rotateKey')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<Source>
      rowKey="id"
      columns={columns}
      dataSource={[...sources]}
      loading={loading}
      pagination={sources.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('sources.empty') }}
      scroll={{ x: 960 }}
    />
  );
}
