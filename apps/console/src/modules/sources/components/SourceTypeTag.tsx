import type { SourceType } from '@cdp/protocol';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<SourceType, string> = {
  web: 'blue',
  app: 'purple',
  server: 'geekblue',
  miniprogram: 'green',
  crm: 'orange',
  pos: 'gold',
};

export function SourceTypeTag({ type }: { readonly type: SourceType }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[type] ?? 'default'}>{t(`sourceType.${type}`, { defaultValue: type })}</Tag>;
}
