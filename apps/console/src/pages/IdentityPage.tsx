import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConflictsTab } from '../modules/identity/components/ConflictsTab.tsx';
import { QualityTab } from '../modules/identity/components/QualityTab.tsx';
import { ReviewTab } from '../modules/identity/components/ReviewTab.tsx';
import { RulesTab } from '../modules/identity/components/RulesTab.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

const TABS = ['rules', 'review', 'conflicts', 'quality'] as const;
type TabKey = (typeof TABS)[number];

function readTab(value: string | null): TabKey {
  return TABS.find((t) => t === value) ?? 'rules';
}

/** 身份规则: identifier types, the match review queue, conflicts and data quality. */
export default function IdentityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const content: Record<TabKey, ReactNode> = {
    rules: <RulesTab />,
    review: <ReviewTab />,
    conflicts: <ConflictsTab />,
    quality: <QualityTab />,
  };
  return (
    <>
      <PageHeader title={t('identity.title')} description={t('identity.description')} />
      <Card>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
          items={TABS.map((key) => ({ key, label: t(`identity.tabs.${key}`), children: content[key] }))}
        />
      </Card>
    </>
  );
}
