import type { Source } from '@cdp/protocol';
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { InstallSnippets } from './InstallSnippets.tsx';
import { SourceTypeTag } from './SourceTypeTag.tsx';
import { WriteKey } from './WriteKey.tsx';

interface Props {
  /** Shown when set; always the latest cached version, so a rotated key shows up at once. */
  readonly source: Source | undefined;
  readonly onClose: () => void;
}

export function SourceDrawer({ source, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const origin = window.location.origin;
  return (
    <Drawer
      open={source !== undefined}
      onClose={onClose}
      size={760}
      title={source ? t('sources.drawerTitle', { name: source.name }) : ''}
      destroyOnHidden
    >
      {source ? (
        <>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('sources.id')}>
              <Typography.Text copyable>{source.id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('sources.type')}>
              <SourceTypeTag type={source.type} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sources.writeKey')} span={2}>
              <WriteKey value={source.writeKey} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sources.status')}>
              {source.enabled ? (
                <Tag color="success">{t('sources.enabled')}</Tag>
              ) : (
                <Tag>{t('sources.disabled')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('sources.createdAt')}>
              {formatDateTime(source.createdAt, i18n.language)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('snippets.title')}</Typography.Title>
          <InstallSnippets writeKey={source.writeKey} origin={origin} />
        </>
      ) : null}
    </Drawer>
  );
}
