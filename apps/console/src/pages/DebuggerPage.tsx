import type { DebuggerFrame } from '@cdp/protocol';
import { Badge, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConnectionBadge } from '../modules/debugger/components/ConnectionBadge.tsx';
import { EventsPanel } from '../modules/debugger/components/EventsPanel.tsx';
import { QuarantinePanel } from '../modules/debugger/components/QuarantinePanel.tsx';
import { SourceSelect } from '../modules/debugger/components/SourceSelect.tsx';
import { useDebuggerStream } from '../modules/debugger/hooks/useDebuggerStream.ts';
import { useLiveEvents } from '../modules/debugger/hooks/useLiveEvents.ts';
import { useLiveQuarantine } from '../modules/debugger/hooks/useQuarantine.ts';
import { useSources } from '../modules/sources/hooks/useSources.ts';
import { PageHeader } from '../ui/PageHeader.tsx';

type Tab = 'events' | 'quarantine';

/** Live debugger: one SSE stream feeds both the event list and the quarantine tab. */
export default function DebuggerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'quarantine' ? 'quarantine' : 'events';
  const sourceId = params.get('source') || undefined;
  const [type, setType] = useState<string | undefined>();

  const sources = useSources();
  const sourceNames = useMemo(() => new Map((sources.data ?? []).map((s) => [s.id, s.name])), [sources.data]);
  const live = useLiveEvents(sourceId, type);
  const quarantine = useLiveQuarantine(sourceId);

  const stream = useDebuggerStream(sourceId, {
    onFrames: (frames: DebuggerFrame[]) => {
      const events = frames.flatMap((f) => (f.kind === 'event' ? [f.event] : []));
      const items = frames.flatMap((f) => (f.kind === 'quarantine' ? [f.item] : []));
      if (events.length) live.add(events);
      if (items.length) quarantine.add(items);
    },
    onOpen: () => {
      live.reload();
      quarantine.reload();
    },
  });

  const setParam = (key: string, value: string | undefined): void => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader
        title={t('debugger.title')}
        description={t('debugger.description')}
        extra={
          <>
            <ConnectionBadge status={stream.status} onReconnect={stream.reconnect} />
            <SourceSelect value={sourceId} onChange={(id) => setParam('source', id)} />
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'quarantine' ? 'quarantine' : undefined)}
        items={[
          {
            key: 'events',
            label: t('debugger.tabs.events'),
            children: (
              <EventsPanel live={live} type={type} onTypeChange={setType} sourceNames={sourceNames} />
            ),
          },
          {
            key: 'quarantine',
            label: (
              <span data-testid="debugger-tab-quarantine">
                {t('debugger.tabs.quarantine')}{' '}
                <Badge count={quarantine.items.length} size="small" overflowCount={99} />
              </span>
            ),
            children: <QuarantinePanel quarantine={quarantine} sourceNames={sourceNames} />,
          },
        ]}
      />
    </>
  );
}
