import { InboxOutlined, PauseCircleOutlined, PlayCircleOutlined, RocketOutlined } from '@ant-design/icons';
import type { Journey } from '@cdp/protocol';
import type { ButtonProps } from 'antd';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { type JourneyAction, useJourneyAction } from '../hooks/useJourneys.ts';

const testId = (id: string) => ({ 'data-testid': id }) as ButtonProps;

/** 启动 / 发布新版本 of a draft that needs it (publishing needs no unsaved edits: here there are none). */
export function publishLabel(journey: Pick<Journey, 'publishedVersion'>): 'start' | 'publishNew' {
  return journey.publishedVersion === null ? 'start' : 'publishNew';
}

interface Props {
  readonly journey: Journey;
  /** Show publish for a draft that differs from the published version (the detail page). */
  readonly withPublish?: boolean;
  readonly withArchive?: boolean;
}

/** Publish, pause / resume and archive buttons, each confirmed when it changes who gets messages. */
export function JourneyActions({ journey, withPublish = false, withArchive = false }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const mutation = useJourneyAction();
  const run = (action: JourneyAction) =>
    mutation.mutate(
      { id: journey.id, action },
      {
        onSuccess: () => void message.success(t(`journeys.done.${action}`)),
        onError: (err) => void message.error(describe(err)),
      },
    );
  const busy = (action: JourneyAction) => mutation.isPending && mutation.variables?.action === action;
  const archived = journey.status === 'archived';
  const needsPublish = journey.status === 'draft' || journey.hasDraft;

  return (
    <>
      {withPublish && !archived && needsPublish ? (
        <Popconfirm
          title={t('journeys.confirm.publish')}
          okButtonProps={testId('journey-publish-confirm')}
          onConfirm={() => run('publish')}
        >
          <Button
            type="primary"
            icon={<RocketOutlined />}
            loading={busy('publish')}
            data-testid="journey-publish"
          >
            {t(`journeys.actions.${publishLabel(journey)}`)}
          </Button>
        </Popconfirm>
      ) : null}
      {journey.status === 'active' ? (
        <Button
          icon={<PauseCircleOutlined />}
          loading={busy('pause')}
          data-testid="journey-pause"
          onClick={() => run('pause')}
        >
          {t('journeys.actions.pause')}
        </Button>
      ) : null}
      {journey.status === 'paused' ? (
        <Button
          icon={<PlayCircleOutlined />}
          loading={busy('resume')}
          data-testid="journey-resume"
          onClick={() => run('resume')}
        >
          {t('journeys.actions.resume')}
        </Button>
      ) : null}
      {withArchive && !archived ? (
        <Popconfirm
          title={t('journeys.confirm.archive')}
          okButtonProps={{ ...testId('journey-archive-confirm'), danger: true }}
          onConfirm={() => run('archive')}
        >
          <Button danger icon={<InboxOutlined />} loading={busy('archive')} data-testid="journey-archive">
            {t('journeys.actions.archive')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}
