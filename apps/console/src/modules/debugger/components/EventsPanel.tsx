import type { StoredEvent } from '@cdp/protocol';
import { Card, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { useLiveEvents } from '../hooks/useLiveEvents.ts';
import { matchesFilter } from '../live.ts';
import { EventDetail } from './EventDetail.tsx';
import { EventTable } from './EventTable.tsx';
import { EventToolbar } from './EventToolbar.tsx';

interface Props {
  readonly live: ReturnType<typeof useLiveEvents>;
  readonly type: string | undefined;
  readonly onTypeChange: (type: string | undefined) => void;
  readonly sourceNames: ReadonlyMap<string, string>;
}

/** Live events: toolbar, newest-first table and the JSON of the selected event. */
export function EventsPanel({ live, type, onTypeChange, sourceNames }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<StoredEvent | undefined>();
  const visible = useMemo(
    () => live.events.filter((e) => matchesFilter(e, { type, text })),
    [live.events, type, text],
  );

  return (
    <>
      <EventToolbar
        type={type}
        onTypeChange={onTypeChange}
        text={text}
        onTextChange={setText}
        paused={live.paused}
        onPausedChange={live.setPaused}
        pendingCount={live.pendingCount}
        onClear={live.clear}
      />
      {live.query.isError ? <ErrorAlert error={live.query.error} onRetry={live.reload} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            styles={{ body: { padding: 0 } }}
            extra={t('debugger.total', { count: visible.length })}
          >
            <EventTable
              events={visible}
              loading={live.query.isPending}
              selectedId={selected?.id}
              sourceNames={sourceNames}
              onSelect={setSelected}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('debugger.detailTitle')} style={{ position: 'sticky', top: 80 }}>
            <EventDetail event={selected} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
