import {
  ApiOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  MailOutlined,
  MessageOutlined,
  NotificationOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { Delivery, Destination, DestinationTypeInfo, Purpose } from '@cdp/protocol';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DestinationCategory, STATUS_COLORS, shownStatus } from '../options.ts';

const CATEGORY_ICONS: Record<DestinationCategory, ReactNode> = {
  webhook: <ApiOutlined />,
  email: <MailOutlined />,
  sms: <MessageOutlined />,
  wechat: <WechatOutlined />,
  ads: <NotificationOutlined />,
  file: <FileTextOutlined />,
  bus: <ClusterOutlined />,
  database: <DatabaseOutlined />,
};

export const categoryIcon = (category: DestinationCategory): ReactNode => CATEGORY_ICONS[category];

/** The type's label in the current language. */
export function useTypeLabel(): (info: Pick<DestinationTypeInfo, 'label'>) => string {
  const { i18n } = useTranslation();
  return (info) => info.label[i18n.language === 'en' ? 'en' : 'zh-CN'];
}

/** A destination's type: category icon, type label and category name. */
export function TypeLabel({ type, info }: { readonly type: string; readonly info?: DestinationTypeInfo }) {
  const { t } = useTranslation();
  const label = useTypeLabel();
  if (!info) return <Tag>{t('destinations.unknownType', { type })}</Tag>;
  const category = t(`destinations.categories.${info.category}`);
  return (
    <Flex gap={6} align="center" data-testid="destination-type" data-type={type}>
      {categoryIcon(info.category)}
      <span>{label(info)}</span>
      {category === label(info) ? null : <Typography.Text type="secondary">· {category}</Typography.Text>}
    </Flex>
  );
}

export function PurposeTags({ purposes }: { readonly purposes: readonly Purpose[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {purposes.map((p) => (
        <Tag key={p} style={{ marginInlineEnd: 0 }}>
          {t(`destinations.purposes.${p}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/** Enabled, or disabled with the reason (e.g. the peer answered 410). */
export function EnabledTag({ destination }: { readonly destination: Destination }) {
  const { t } = useTranslation();
  if (destination.enabled)
    return (
      <Tag color="green" data-testid="destination-enabled" data-enabled="true">
        {t('destinations.enabled')}
      </Tag>
    );
  const tag = (
    <Tag color="default" data-testid="destination-enabled" data-enabled="false">
      {t('destinations.disabled')}
    </Tag>
  );
  return destination.disabledReason ? (
    <Flex vertical gap={2} align="flex-start">
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="destination-disabled-reason">
        {t('destinations.disabledReason', { reason: destination.disabledReason })}
      </Typography.Text>
    </Flex>
  ) : (
    tag
  );
}

export function DeliveryStatusTag({
  delivery,
}: {
  readonly delivery: Pick<Delivery, 'status' | 'attempts'>;
}) {
  const { t } = useTranslation();
  const status = shownStatus(delivery);
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="delivery-status" data-status={status}>
      {t(`destinations.statuses.${status}`)}
    </Tag>
  );
}
