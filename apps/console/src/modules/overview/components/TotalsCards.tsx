import { CheckCircleOutlined, CopyOutlined, WarningOutlined } from '@ant-design/icons';
import type { IngestionStats } from '@cdp/protocol';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../ui/format.ts';

interface Props {
  readonly totals: IngestionStats['totals'] | undefined;
  readonly loading: boolean;
}

function TotalCard(props: {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
  testId: string;
  loading: boolean;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card data-testid={props.testId} loading={props.loading && props.value === undefined}>
      <Statistic
        title={
          <>
            {props.title} · {t('overview.last60')}
          </>
        }
        value={props.value ?? 0}
        formatter={(v) => formatNumber(Number(v), i18n.language)}
        prefix={props.icon}
        styles={{ content: { color: props.color } }}
      />
      {props.footer}
    </Card>
  );
}

/** Accepted / quarantined / duplicate totals of the last 60 minutes. */
export function TotalsCards({ totals, loading }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <TotalCard
          testId="total-accepted"
          title={t('overview.accepted')}
          value={totals?.accepted}
          icon={<CheckCircleOutlined />}
          color="#389e0d"
          loading={loading}
        />
      </Col>
      <Col xs={24} md={8}>
        <TotalCard
          testId="total-quarantined"
          title={t('overview.quarantined')}
          value={totals?.quarantined}
          icon={<WarningOutlined />}
          color="#d46b08"
          loading={loading}
          footer={<Link to="/debugger?tab=quarantine">{t('nav.quarantine')} →</Link>}
        />
      </Col>
      <Col xs={24} md={8}>
        <TotalCard
          testId="total-duplicates"
          title={t('overview.duplicates')}
          value={totals?.duplicates}
          icon={<CopyOutlined />}
          color="#595959"
          loading={loading}
        />
      </Col>
    </Row>
  );
}
