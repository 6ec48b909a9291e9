import type { MatchCandidate, MatchRunResult } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Alert, App, Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { IdentifierTag } from '../../profiles/components/IdentifierTag.tsx';
import { profilePath } from '../../profiles/search.ts';
import { useDecideMatch, usePendingMatches, useRunMatching } from '../hooks/useIdentity.ts';
import { percent } from '../rules.ts';

/** 待审核匹配: probabilistic matches waiting for a person to accept or reject. */
export function ReviewTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const matches = usePendingMatches();
  const run = useRunMatching();
  const decide = useDecideMatch();
  const [result, setResult] = useState<MatchRunResult | null>(null);

  const onDecide = (id: string, decision: 'accept' | 'reject'): void =>
    decide.mutate(
      { id, decision },
      {
        onSuccess: () =>
          message.success(t(decision === 'accept' ? 'identity.review.accepted' : 'identity.review.rejected')),
        onError: (err) => message.error(describe(err)),
      },
    );

  const columns: TableColumnsType<MatchCandidate> = [
    {
      title: t('identity.review.left'),
      key: 'left',
      render: (_, m) => (
        <Link to={profilePath(m.leftProfileId)}>
          <IdentifierTag identifier={m.left} />
        </Link>
      ),
    },
    {
      title: t('identity.review.right'),
      key: 'right',
      render: (_, m) => (
        <Link to={profilePath(m.rightProfileId)}>
          <IdentifierTag identifier={m.right} />
        </Link>
      ),
    },
    {
      title: t('identity.review.probability'),
      dataIndex: 'probability',
      width: 110,
      render: (_, m) => `${percent(m.probability)}%`,
    },
    {
      title: t('identity.review.explanation'),
      key: 'explanation',
      render: (_, m) =>
        m.explanation.map((e) => (
          <Tag key={e.field} color={e.weight > 0 ? 'green' : e.weight < 0 ? 'red' : undefined}>
            {e.field}
            {e.level ? ` (${e.level})` : ''} {e.weight > 0 ? '+' : ''}
            {e.weight.toFixed(1)}
          </Tag>
        )),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, m) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="primary"
            onClick={() => onDecide(m.id, 'accept')}
            loading={decide.isPending}
          >
            {t('identity.review.accept')}
          </Button>
          <Button size="small" onClick={() => onDecide(m.id, 'reject')} loading={decide.isPending}>
            {t('identity.review.reject')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, { onSuccess: setResult, onError: (err) => message.error(describe(err)) })
          }
        >
          {t('identity.review.run')}
        </Button>
        <Button onClick={() => void matches.refetch()} loading={matches.isFetching}>
          {t('common.refresh')}
        </Button>
      </Flex>
      {result ? (
        <Alert
          type="info"
          showIcon
          title={t('identity.review.runResult', {
            records: result.records,
            pairs: result.candidatePairs,
            auto: result.autoMerged,
            queued: result.queuedForReview,
          })}
        />
      ) : null}
      {matches.isError ? <ErrorAlert error={matches.error} onRetry={() => void matches.refetch()} /> : null}
      <Table<MatchCandidate>
        rowKey="id"
        size="small"
        loading={matches.isPending}
        columns={columns}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: t('identity.review.empty') }}
      />
    </Flex>
  );
}
