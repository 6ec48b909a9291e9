import type { Tag } from '@cdp/protocol';
import { Card, Tag as Chip, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { categoryPath } from '../categories.ts';
import { useTagCategories, useTags } from '../hooks/useTags.ts';
import { TagKindTag, TagStatusTag, UpdateText } from './TagBadges.tsx';

/** The tags, events and traits a tag reads, with links to the tags. */
function Lineage({ tag }: { readonly tag: Tag }) {
  const { t } = useTranslation();
  const all = useTags(null);
  const names = new Map((all.data?.items ?? []).map((x) => [x.id, x.name]));
  const { lineage } = tag;
  const chips = (items: readonly string[], render: (item: string) => ReactNode = (i) => i) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      items.map((i) => <Chip key={i}>{render(i)}</Chip>)
    );
  return (
    <Descriptions size="small" column={1} data-testid="tag-lineage">
      <Descriptions.Item label={t('tags.lineage.events')}>
        <Flex wrap gap={4} data-testid="tag-lineage-events">
          {lineage.anyEvent ? <Chip color="orange">{t('tags.lineage.anyEvent')}</Chip> : null}
          {chips(lineage.events)}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('tags.lineage.traits')}>
        <Flex wrap gap={4}>
          {chips(lineage.traits)}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('tags.lineage.tags')}>
        <Flex wrap gap={4}>
          {chips(lineage.tags, (id) => (
            <Link to={`/tags/${id}`}>{names.get(id) ?? id}</Link>
          ))}
        </Flex>
      </Descriptions.Item>
      {lineage.audiences.length > 0 ? (
        <Descriptions.Item label={t('tags.lineage.audiences')}>
          <Flex wrap gap={4}>
            {chips(lineage.audiences, (id) => (
              <Link to={`/audiences/${id}`}>{id}</Link>
            ))}
          </Flex>
        </Descriptions.Item>
      ) : null}
      {lineage.identifierTypes.length > 0 ? (
        <Descriptions.Item label={t('tags.lineage.identifierTypes')}>
          <Flex wrap gap={4}>
            {chips(lineage.identifierTypes)}
          </Flex>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** Id, kind, type, status, update mode, owner, category, dates, description and lineage. */
export function TagSummary({ tag }: { readonly tag: Tag }) {
  const { t, i18n } = useTranslation();
  const categories = useTagCategories();
  const date = (iso: string | null) => formatDateTime(iso, i18n.language) || '—';
  const category = categoryPath(categories.data?.items ?? [], tag.categoryId).join(' / ');
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('tags.detail.id')}>
          <Typography.Text copyable>{tag.id}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.kind')}>
          <TagKindTag kind={tag.spec.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.valueType')}>
          {t(`tags.valueTypes.${tag.valueType}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.status')}>
          <TagStatusTag status={tag.status} />
          {tag.lineage.timeRelative ? <Chip color="blue">{t('tags.lineage.timeRelative')}</Chip> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.update')}>
          <UpdateText update={tag.update} />
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.owner')}>{tag.owner ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('tags.editor.category')}>
          {category || t('tags.editor.noCategory')}
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.detail.timeZone')}>{tag.timeZone}</Descriptions.Item>
        <Descriptions.Item label={t('tags.columns.lastComputed')}>
          <span data-testid="tag-last-computed">{date(tag.lastComputedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tags.detail.updatedAt')}>{date(tag.updatedAt)}</Descriptions.Item>
      </Descriptions>
      {tag.description ? <Typography.Paragraph>{tag.description}</Typography.Paragraph> : null}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('tags.lineage.title')}
      </Typography.Title>
      <Lineage tag={tag} />
    </Card>
  );
}
