import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountCard } from '../modules/settings/components/AccountCard.tsx';
import { ServerCard } from '../modules/settings/components/ServerCard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <AccountCard />
        </Col>
        <Col xs={24} lg={12}>
          <ServerCard />
        </Col>
      </Row>
    </>
  );
}
