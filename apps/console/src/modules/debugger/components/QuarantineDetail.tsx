import type { QuarantineItem, ReplayResult } from '@cdp/protocol';
import { App, Button, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseJson, prettyJson } from '../../../ui/json.ts';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useDiscardQuarantine, useReplayQuarantine } from '../hooks/useQuarantine.ts';
import { ProblemList } from './ProblemList.tsx';
import { ReplayOutcome } from './ReplayOutcome.tsx';

interface Props {
  /** Render with `key={item.id}` so that the editor resets for another item. */
  readonly item: QuarantineItem;
  /** A fresher version of the item (after a replay or discard). */
  readonly onUpdated: (item: QuarantineItem) => void;
}

export function QuarantineDetail({ item, onUpdated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const original = prettyJson(item.payload);
  const [text, setText] = useState(original);
  const [result, setResult] = useState<ReplayResult | null>(null);
  const replay = useReplayQuarantine();
  const discard = useDiscardQuarantine();
  const pending = item.status === 'pending';
  const busy = replay.isPending || discard.isPending;

  const doReplay = (payload?: unknown): void => {
    replay.mutate(
      { id: item.id, payload },
      {
        onSuccess: (r) => {
          setResult(r);
          onUpdated(r.item);
        },
        onError: (err) => message.error(describe(err)),
      },
    );
  };

  const replayEdited = (): void => {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      message.error(t('errors.invalidJson', { message: parsed.error }));
      return;
    }
    doReplay(parsed.value);
  };

  const doDiscard = (): void => {
    discard.mutate(item.id, {
      onSuccess: (updated) => {
        message.success(t('quarantine.discarded'));
        onUpdated(updated);
      },
      onError: (err) => message.error(describe(err)),
    });
  };

  return (
    <div data-testid="quarantine-detail">
      {result ? <ReplayOutcome result={result} /> : null}
      {pending ? null : (
        <Tag color={item.status === 'discarded' ? 'default' : 'success'} style={{ marginBottom: 12 }}>
          {t(`quarantine.status.${item.status}`)}
        </Tag>
      )}
      <Typography.Title level={5}>{t('quarantine.problems')}</Typography.Title>
      <ProblemList problems={item.problems} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('quarantine.payload')}
      </Typography.Title>
      <Input.TextArea
        data-testid="quarantine-payload"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 8, maxRows: 24 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          data-testid="quarantine-replay"
          disabled={!pending || busy}
          loading={replay.isPending}
          onClick={() => doReplay()}
        >
          {t('quarantine.replay')}
        </Button>
        <Button
          type="primary"
          data-testid="quarantine-replay-edited"
          disabled={!pending || busy || text === original}
          onClick={replayEdited}
        >
          {t('quarantine.replayEdited')}
        </Button>
        <Button disabled={text === original} onClick={() => setText(original)}>
          {t('quarantine.reset')}
        </Button>
        <Popconfirm
          title={t('quarantine.discardConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={doDiscard}
          disabled={!pending || busy}
        >
          <Button
            danger
            data-testid="quarantine-discard"
            disabled={!pending || busy}
            loading={discard.isPending}
          >
            {t('quarantine.discard')}
          </Button>
        </Popconfirm>
      </Flex>
    </div>
  );
}
