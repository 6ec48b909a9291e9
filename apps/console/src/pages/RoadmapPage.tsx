import { RocketOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NavKey } from '../ui/navigation.tsx';

/** Placeholder for a capability that is on the roadmap but not built yet. */
export default function RoadmapPage({ feature }: { readonly feature: NavKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      icon={<RocketOutlined />}
      title={t('roadmap.title', { feature: t(`nav.${feature}`) })}
      subTitle={t('roadmap.description')}
      data-testid="roadmap-placeholder"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('roadmap.backHome')}
        </Button>
      }
    />
  );
}
