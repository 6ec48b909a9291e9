import { Badge, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StreamStatus } from '../hooks/useDebuggerStream.ts';

const BADGE: Record<StreamStatus, 'processing' | 'success' | 'warning' | 'error'> = {
  connecting: 'processing',
  open: 'success',
  error: 'warning',
  closed: 'error',
};

export function ConnectionBadge({
  status,
  onReconnect,
}: {
  readonly status: StreamStatus;
  readonly onReconnect: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} data-testid="debugger-status" data-status={status}>
      <Badge status={BADGE[status]} text={t(`debugger.connection.${status}`)} />
      {status === 'closed' ? (
        <Button size="small" type="link" onClick={onReconnect}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Space>
  );
}
