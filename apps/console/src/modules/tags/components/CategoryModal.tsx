import type { TagCategory } from '@cdp/protocol';
import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { type CategoryNode, categoryTree, subtreeIds } from '../categories.ts';
import { CATEGORY_FIELDS, fieldErrorOf } from '../fieldErrors.ts';
import { useSaveCategory } from '../hooks/useTags.ts';

/** Create a category (under a parent), rename one, or move one under another parent. */
export type CategoryDialog =
  | { readonly mode: 'create'; readonly parentId: string | null }
  | { readonly mode: 'rename' | 'move'; readonly category: TagCategory };

const ROOT = '__root__';
type ParentOption = { value: string; title: string; children: ParentOption[] };

function withoutSubtree(nodes: CategoryNode[], hidden: ReadonlySet<string>): CategoryNode[] {
  return nodes
    .filter((n) => !hidden.has(n.key))
    .map((n) => ({ ...n, children: withoutSubtree(n.children, hidden) }));
}

export function CategoryModal({
  dialog,
  categories,
  onClose,
}: {
  readonly dialog: CategoryDialog;
  readonly categories: readonly TagCategory[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const save = useSaveCategory();
  const editing = dialog.mode === 'create' ? null : dialog.category;
  const [name, setName] = useState(editing?.name ?? '');
  const [parent, setParent] = useState<string>(
    (dialog.mode === 'create' ? dialog.parentId : dialog.category.parentId) ?? ROOT,
  );
  const parents = useMemo(() => {
    const hidden = editing ? subtreeIds(categories, editing.id) : new Set<string>();
    const toOption = (n: CategoryNode): ParentOption => ({
      value: n.key,
      title: n.title,
      children: n.children.map(toOption),
    });
    return [
      { value: ROOT, title: t('tags.categories.root'), children: [] },
      ...withoutSubtree(categoryTree(categories), hidden).map(toOption),
    ];
  }, [categories, editing, t]);
  const problem = save.isError ? fieldErrorOf(save.error, CATEGORY_FIELDS) : null;

  const onOk = () => {
    const parentId = parent === ROOT ? null : parent;
    const body =
      dialog.mode === 'move' ? { parentId } : dialog.mode === 'rename' ? { name } : { name, parentId };
    save.mutate(
      { id: editing?.id ?? null, body },
      {
        onSuccess: () => {
          message.success(t('tags.categories.saved'));
          onClose();
        },
        onError: (err) => {
          if (!fieldErrorOf(err, CATEGORY_FIELDS)) message.error(describe(err));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(`tags.categories.${dialog.mode}`)}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'category-save', disabled: dialog.mode !== 'move' && !name.trim() }}
      confirmLoading={save.isPending}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        {dialog.mode === 'move' ? null : (
          <Form.Item
            label={t('tags.categories.name')}
            required
            validateStatus={problem?.field === 'name' ? 'error' : undefined}
            help={problem?.field === 'name' ? problem.message : undefined}
          >
            <Input
              data-testid="category-name"
              autoFocus
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={onOk}
            />
          </Form.Item>
        )}
        {dialog.mode === 'rename' ? null : (
          <Form.Item
            label={t('tags.categories.parent')}
            validateStatus={problem?.field === 'parentId' ? 'error' : undefined}
            help={problem?.field === 'parentId' ? problem.message : undefined}
          >
            <TreeSelect
              data-testid="category-parent"
              value={parent}
              onChange={setParent}
              treeData={parents}
              treeDefaultExpandAll
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
