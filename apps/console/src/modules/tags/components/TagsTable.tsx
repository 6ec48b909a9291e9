import { DownOutlined } from '@ant-design/icons';
import type { Tag } from '@cdp/protocol';
import { App, Button, Dropdown, Flex, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import { useComputeTag, useSetTagStatus, useTagStats } from '../hooks/useTags.ts';
import { TagKindTag, TagStatusTag, UpdateText } from './TagBadges.tsx';

const ROW = rowTestId('tag-row');

function CoverageCell({ tagId }: { readonly tagId: string }) {
  const stats = useTagStats(tagId, undefined);
  if (!stats.data) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`${stats.data.withValue} / ${stats.data.profiles}`}>
      <span data-testid="tag-row-coverage" data-with-value={stats.data.withValue}>
        {(stats.data.coverage * 100).toFixed(1)}%
      </span>
    </Tooltip>
  );
}

/** The status changes offered for a status: activate/pause, and archive (which clears current values). */
const nextStatuses = (status: Tag['status']) =>
  (['active', 'paused', 'archived'] as const).filter(
    (s) => s !== status && !(status === 'draft' && s === 'paused'),
  );

/** Tags of a category with kind, type, update mode, status, owner, coverage and last run; row actions. */
export function TagsTable({ tags, loading }: { readonly tags: readonly Tag[]; readonly loading: boolean }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const setStatus = useSetTagStatus();
  const compute = useComputeTag();
  const fail = { onError: (err: unknown) => void message.error(describe(err)) };

  const changeStatus = (tag: Tag, status: Tag['status']) => {
    const run = () =>
      setStatus
        .mutateAsync({ id: tag.id, status })
        .then(() => void message.success(t('tags.statusChanged')), fail.onError);
    if (status === 'archived')
      modal.confirm({
        title: t('tags.archiveConfirm', { name: tag.name }),
        onOk: run,
        okButtonProps: { danger: true },
      });
    else void run();
  };

  return (
    <Table<Tag>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...tags]}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('tags.empty') }}
      onRow={() => ROW}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('tags.columns.name'),
          render: (_, tag) => (
            <Link to={`/tags/${tag.id}`} data-testid="tag-link">
              {tag.name}
            </Link>
          ),
        },
        {
          key: 'kind',
          title: t('tags.columns.kind'),
          render: (_, tag) => <TagKindTag kind={tag.spec.kind} />,
        },
        {
          key: 'valueType',
          title: t('tags.columns.valueType'),
          render: (_, tag) => t(`tags.valueTypes.${tag.valueType}`),
        },
        {
          key: 'update',
          title: t('tags.columns.update'),
          render: (_, tag) => <UpdateText update={tag.update} />,
        },
        {
          key: 'status',
          title: t('tags.columns.status'),
          render: (_, tag) => <TagStatusTag status={tag.status} />,
        },
        { key: 'owner', title: t('tags.columns.owner'), render: (_, tag) => tag.owner ?? '—' },
        {
          key: 'coverage',
          title: t('tags.columns.coverage'),
          render: (_, tag) => <CoverageCell tagId={tag.id} />,
        },
        {
          key: 'lastComputed',
          title: t('tags.columns.lastComputed'),
          render: (_, tag) => formatDateTime(tag.lastComputedAt, i18n.language) || '—',
        },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, tag) => (
            <Flex>
              <Button
                size="small"
                type="link"
                data-testid="tag-open"
                onClick={() => navigate(`/tags/${tag.id}`)}
              >
                {t('tags.open')}
              </Button>
              <Button
                size="small"
                type="link"
                data-testid="tag-edit"
                onClick={() => navigate(`/tags/${tag.id}/edit`)}
              >
                {t('tags.edit')}
              </Button>
              <Button
                size="small"
                type="link"
                data-testid="tag-compute"
                disabled={tag.status === 'archived'}
                loading={compute.isPending && compute.variables === tag.id}
                onClick={() =>
                  compute.mutate(tag.id, {
                    ...fail,
                    onSuccess: (r) => void message.success(t('tags.computedResult', r)),
                  })
                }
              >
                {t('tags.compute')}
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  items: nextStatuses(tag.status).map((s) => ({
                    key: s,
                    label: t(`tags.statusActions.${s}`),
                  })),
                  onClick: ({ key }) => changeStatus(tag, key as Tag['status']),
                }}
              >
                <Button size="small" type="link" data-testid="tag-status-menu">
                  {t('tags.changeStatus')} <DownOutlined />
                </Button>
              </Dropdown>
            </Flex>
          ),
        },
      ]}
    />
  );
}
