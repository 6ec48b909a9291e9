import { RocketOutlined, SaveOutlined } from '@ant-design/icons';
import type { Journey } from '@cdp/protocol';
import { Button, type ButtonProps, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { JourneyActions, publishLabel } from './JourneyActions.tsx';
import { JourneyStatusTag, JourneyVersion } from './JourneyBadges.tsx';

interface Props {
  readonly journey: Journey | undefined;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly publishing: boolean;
  readonly onSave: () => void;
  readonly onPublish: () => void;
  readonly onCancel: () => void;
}

/** Status and version on the left; cancel, pause/resume, save and publish on the right. */
export function EditorToolbar({ journey, dirty, saving, publishing, onSave, onPublish, onCancel }: Props) {
  const { t } = useTranslation();
  const published = journey?.publishedVersion ?? null;
  // what publishing would change: unsaved edits, or a saved draft that differs from the published version
  const differs = published !== null && (dirty || journey?.hasDraft === true);
  const archived = journey?.status === 'archived';
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Flex gap={8} align="center" wrap>
          <JourneyStatusTag status={journey?.status ?? 'draft'} />
          <JourneyVersion journey={{ publishedVersion: published }} />
          {dirty ? (
            <Tag color="gold" data-testid="journey-unsaved">
              {t('journeys.editor.unsaved')}
            </Tag>
          ) : null}
          {differs ? (
            <Typography.Text type="warning" data-testid="journey-draft-differs">
              {t('journeys.draftDiffers', { version: published })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={8} wrap>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          {journey ? <JourneyActions journey={journey} /> : null}
          <Button icon={<SaveOutlined />} loading={saving} data-testid="journey-save" onClick={onSave}>
            {t('journeys.editor.save')}
          </Button>
          {archived ? null : (
            <Popconfirm
              title={t('journeys.confirm.publish')}
              okButtonProps={{ 'data-testid': 'journey-publish-confirm' } as ButtonProps}
              onConfirm={onPublish}
            >
              <Button
                type="primary"
                icon={<RocketOutlined />}
                loading={publishing}
                disabled={!differs && published !== null && journey?.status !== 'draft'}
                data-testid="journey-publish"
              >
                {t(`journeys.actions.${publishLabel({ publishedVersion: published })}`)}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
