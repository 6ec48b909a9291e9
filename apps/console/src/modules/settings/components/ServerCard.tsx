import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useHealth } from '../hooks/useHealth.ts';

export function ServerCard() {
  const { t } = useTranslation();
  const health = useHealth();
  const h = health.data;
  return (
    <Card title={t('settings.server')} loading={health.isPending}>
      {health.isError ? <ErrorAlert error={health.error} onRetry={() => void health.refetch()} /> : null}
      <Descriptions column={1} size="small">
        {h ? (
          <>
            <Descriptions.Item label={t('settings.status')}>
              <Badge
                status={h.status === 'ok' ? 'success' : 'warning'}
                text={h.status === 'ok' ? t('settings.healthOk') : t('settings.healthDegraded')}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.database')}>{h.database}</Descriptions.Item>
            <Descriptions.Item label={t('settings.version')}>{h.version}</Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
    </Card>
  );
}
