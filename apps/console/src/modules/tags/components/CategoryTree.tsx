import { FolderAddOutlined, MoreOutlined } from '@ant-design/icons';
import type { TagCategory } from '@cdp/protocol';
import { App, Button, Card, Dropdown, Flex, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { type CategoryNode, categoryTree } from '../categories.ts';
import { useRemoveCategory } from '../hooks/useTags.ts';
import { type CategoryDialog, CategoryModal } from './CategoryModal.tsx';

const ALL = '__all__';

interface Props {
  readonly categories: readonly TagCategory[];
  readonly loading: boolean;
  /** The selected category; null = all tags. */
  readonly selected: string | null;
  readonly onSelect: (categoryId: string | null) => void;
}

/** The category tree with "all tags" on top; each category can get a child, be renamed, moved or deleted. */
export function CategoryTree({ categories, loading, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const describe = useDescribeError();
  const remove = useRemoveCategory();
  const [dialog, setDialog] = useState<CategoryDialog | null>(null);
  const byId = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  const treeData = useMemo(() => {
    const toData = (n: CategoryNode): TreeDataNode => ({
      key: n.key,
      title: n.title,
      children: n.children.map(toData),
    });
    return [
      { key: ALL, title: t('tags.categories.all'), children: [] },
      ...categoryTree(categories).map(toData),
    ];
  }, [categories, t]);

  const confirmDelete = (category: TagCategory) =>
    modal.confirm({
      title: t('tags.categories.deleteConfirm', { name: category.name }),
      okButtonProps: { danger: true },
      onOk: () =>
        remove.mutateAsync(category.id).then(
          () => {
            message.success(t('tags.categories.deleted'));
            if (selected === category.id) onSelect(null);
          },
          (err: unknown) => void message.error(describe(err)),
        ),
    });

  const actions = (category: TagCategory) => (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'child', label: t('tags.categories.createChild') },
          { key: 'rename', label: t('tags.categories.rename') },
          { key: 'move', label: t('tags.categories.move') },
          { key: 'delete', label: t('tags.categories.delete'), danger: true },
        ],
        onClick: ({ key, domEvent }) => {
          domEvent.stopPropagation();
          if (key === 'child') setDialog({ mode: 'create', parentId: category.id });
          else if (key === 'rename' || key === 'move') setDialog({ mode: key, category });
          else confirmDelete(category);
        },
      }}
    >
      <Button
        size="small"
        type="text"
        icon={<MoreOutlined />}
        data-testid="category-actions"
        aria-label={t('common.actions')}
        onClick={(e) => e.stopPropagation()}
      />
    </Dropdown>
  );

  return (
    <Card
      size="small"
      loading={loading}
      title={t('tags.categories.title')}
      extra={
        <Button
          size="small"
          icon={<FolderAddOutlined />}
          data-testid="category-create"
          onClick={() => setDialog({ mode: 'create', parentId: selected })}
        >
          {t('tags.categories.create')}
        </Button>
      }
    >
      <Tree
        key={categories.length}
        blockNode
        defaultExpandAll
        selectedKeys={[selected ?? ALL]}
        treeData={treeData}
        onSelect={(keys) => keys.length > 0 && onSelect(keys[0] === ALL ? null : String(keys[0]))}
        titleRender={(node) => {
          const category = byId.get(String(node.key));
          return (
            <Flex
              justify="space-between"
              align="center"
              gap={4}
              data-testid="category-node"
              data-id={node.key}
            >
              <Typography.Text ellipsis>{String(node.title)}</Typography.Text>
              {category ? actions(category) : null}
            </Flex>
          );
        }}
      />
      {dialog ? (
        <CategoryModal dialog={dialog} categories={categories} onClose={() => setDialog(null)} />
      ) : null}
    </Card>
  );
}
