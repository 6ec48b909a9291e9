import type { QuarantineItem } from '@cdp/protocol';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { useLiveQuarantine } from '../hooks/useQuarantine.ts';
import { QuarantineDetail } from './QuarantineDetail.tsx';
import { QuarantineTable } from './QuarantineTable.tsx';

interface Props {
  readonly quarantine: ReturnType<typeof useLiveQuarantine>;
  readonly sourceNames: ReadonlyMap<string, string>;
}

/** Pending quarantined messages with their problems; replay (as is or edited) or discard. */
export function QuarantinePanel({ quarantine, sourceNames }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<QuarantineItem | undefined>();

  const onUpdated = (item: QuarantineItem): void => {
    setSelected(item);
    quarantine.add([item]);
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('quarantine.description')}</Typography.Paragraph>
      {quarantine.query.isError ? (
        <ErrorAlert error={quarantine.query.error} onRetry={quarantine.reload} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" styles={{ body: { padding: 0 } }}>
            <QuarantineTable
              items={quarantine.items}
              loading={quarantine.query.isPending}
              selectedId={selected?.id}
              sourceNames={sourceNames}
              onSelect={setSelected}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('quarantine.detailTitle')}>
            {selected ? (
              <QuarantineDetail key={selected.id} item={selected} onUpdated={onUpdated} />
            ) : (
              <Empty description={t('quarantine.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
