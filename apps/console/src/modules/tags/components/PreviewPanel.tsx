import { EyeOutlined } from '@ant-design/icons';
import type { TagPreview } from '@cdp/protocol';
import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { profilePath } from '../../profiles/search.ts';
import { DistributionChart, useDistributionLabels } from './DistributionChart.tsx';

/** The "预览" button and what it gave: coverage, distribution and a sample, computed without saving. */
export function PreviewPanel({
  preview,
  loading,
  onPreview,
}: {
  readonly preview: TagPreview | undefined;
  readonly loading: boolean;
  readonly onPreview: () => void;
}) {
  const { t } = useTranslation();
  const labels = useDistributionLabels();
  return (
    <Card
      size="small"
      title={t('tags.editor.previewTitle')}
      extra={
        <Button icon={<EyeOutlined />} loading={loading} data-testid="tag-preview" onClick={onPreview}>
          {t('tags.editor.preview')}
        </Button>
      }
    >
      {preview ? (
        <div data-testid="tag-preview-result">
          <DistributionChart stats={preview} height={220} />
          <Typography.Text type="secondary">{t('tags.stats.sample')}</Typography.Text>
          <Table
            size="small"
            rowKey="profileId"
            pagination={false}
            dataSource={preview.sample.slice(0, 10)}
            columns={[
              {
                key: 'profile',
                title: t('tags.members.profile'),
                render: (_, s) => <Link to={profilePath(s.profileId)}>{s.profileId}</Link>,
              },
              { key: 'value', title: t('tags.members.value'), render: (_, s) => labels.value(s.value) },
            ]}
          />
        </div>
      ) : (
        <Typography.Text type="secondary">{t('tags.editor.previewHint')}</Typography.Text>
      )}
    </Card>
  );
}
