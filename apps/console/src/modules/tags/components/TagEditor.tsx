import type { Tag, TagValueType } from '@cdp/protocol';
import {
  Affix,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  TreeSelect,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { type CategoryNode, categoryTree } from '../categories.ts';
import { fieldErrorOf } from '../fieldErrors.ts';
import { usePreviewTag, useSaveTag, useTagCategories } from '../hooks/useTags.ts';
import { TAG_KINDS, TAG_VALUE_TYPES } from '../options.ts';
import {
  formFromTag,
  impliedValueType,
  newTagForm,
  previewBody,
  type TagForm,
  tagBody,
} from '../specForm.ts';
import { ComputedSpecFields } from './ComputedSpecFields.tsx';
import { itemProblem } from './FieldProblem.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { LifecycleSpecFields } from './LifecycleSpecFields.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { RfmSpecFields } from './RfmSpecFields.tsx';
import { RuleSpecFields } from './RuleSpecFields.tsx';

type TreeOption = { value: string; title: string; children: TreeOption[] };
const toOption = (n: CategoryNode): TreeOption => ({
  value: n.key,
  title: n.title,
  children: n.children.map(toOption),
});

/** Name, category, owner, description, value type, update mode and the spec of one kind; preview and save. */
export function TagEditor({
  tag,
  categoryId = null,
}: {
  readonly tag?: Tag;
  readonly categoryId?: string | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form, setForm] = useState<TagForm>(() => (tag ? formFromTag(tag) : newTagForm(categoryId)));
  const [nameMissing, setNameMissing] = useState(false);
  // the latest server objection, from saving or previewing
  const [error, setError] = useState<unknown>(null);
  const categories = useTagCategories();
  const categoryOptions = useMemo(
    () => categoryTree(categories.data?.items ?? []).map(toOption),
    [categories.data],
  );
  const save = useSaveTag(tag?.id ?? null);
  const preview = usePreviewTag();
  const problem = fieldErrorOf(error);
  const implied = impliedValueType(form);
  const patch = (next: Partial<TagForm>) => setForm((f) => ({ ...f, ...next }));

  const onPreview = () =>
    preview.mutate(previewBody(form), { onSuccess: () => setError(null), onError: setError });
  const onSave = () => {
    if (form.name.trim() === '') return setNameMissing(true);
    save.mutate(tagBody(form), {
      onSuccess: (saved) => {
        message.success(t('tags.editor.saved'));
        navigate(`/tags/${saved.id}`);
      },
      onError: setError,
    });
  };

  const spec = () => {
    switch (form.kind) {
      case 'rule':
        return (
          <RuleSpecFields
            value={form.rule}
            onChange={(rule) => patch({ rule })}
            valueType={implied ?? form.valueType}
            problem={problem}
          />
        );
      case 'computed':
        return (
          <ComputedSpecFields
            value={form.computed}
            onChange={(computed) => patch({ computed })}
            problem={problem}
          />
        );
      case 'rfm':
        return <RfmSpecFields value={form.rfm} onChange={(rfm) => patch({ rfm })} problem={problem} />;
      case 'lifecycle':
        return (
          <LifecycleSpecFields
            value={form.lifecycle}
            onChange={(lifecycle) => patch({ lifecycle })}
            problem={problem}
          />
        );
      case 'imported':
        return tag?.spec.kind === 'imported' ? <ImportPanel tag={tag} /> : t('tags.editor.importAfterSave');
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card style={{ marginBottom: 16 }}>
          <Form layout="vertical" component="div">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  label={t('tags.editor.name')}
                  required
                  {...(nameMissing
                    ? { validateStatus: 'error' as const, help: t('tags.editor.nameRequired') }
                    : itemProblem(problem, 'name'))}
                >
                  <Input
                    data-testid="tag-name"
                    maxLength={100}
                    placeholder={t('tags.editor.namePlaceholder')}
                    value={form.name}
                    onChange={(e) => {
                      setNameMissing(false);
                      patch({ name: e.target.value });
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('tags.editor.category')} {...itemProblem(problem, 'categoryId')}>
                  <TreeSelect
                    data-testid="tag-category"
                    allowClear
                    treeDefaultExpandAll
                    placeholder={t('tags.editor.noCategory')}
                    value={form.categoryId ?? undefined}
                    treeData={categoryOptions}
                    onChange={(v: string | undefined) => patch({ categoryId: v ?? null })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('tags.editor.owner')} {...itemProblem(problem, 'owner')}>
                  <Input
                    data-testid="tag-owner"
                    maxLength={100}
                    placeholder={t('tags.editor.ownerPlaceholder')}
                    value={form.owner}
                    onChange={(e) => patch({ owner: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('tags.editor.valueType')} {...itemProblem(problem, 'valueType')}>
                  <Select<TagValueType>
                    data-testid="tag-value-type"
                    value={implied ?? form.valueType}
                    disabled={implied !== null}
                    onChange={(valueType) => patch({ valueType })}
                    options={TAG_VALUE_TYPES.map((v) => ({ value: v, label: t(`tags.valueTypes.${v}`) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={t('tags.editor.description')} {...itemProblem(problem, 'description')}>
              <Input.TextArea
                data-testid="tag-description"
                rows={2}
                maxLength={2000}
                value={form.description}
                onChange={(e) => patch({ description: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('tags.editor.update')} {...itemProblem(problem, 'update')}>
              <Flex gap={8} align="center" wrap>
                <Segmented<TagForm['updateMode']>
                  data-testid="tag-update-mode"
                  value={form.updateMode}
                  onChange={(updateMode) => patch({ updateMode })}
                  options={[
                    { value: 'realtime', label: t('tags.update.realtime') },
                    { value: 'scheduled', label: t('tags.update.scheduled') },
                  ]}
                />
                {form.updateMode === 'scheduled' ? (
                  <InputNumber<number>
                    data-testid="tag-interval"
                    style={{ width: 200 }}
                    min={5}
                    max={31 * 24 * 60}
                    value={form.intervalMinutes}
                    prefix={t('tags.editor.every')}
                    suffix={t('tags.editor.minutes')}
                    onChange={(v) => patch({ intervalMinutes: v ?? 60 })}
                  />
                ) : null}
              </Flex>
            </Form.Item>
            <Form.Item label={t('tags.editor.kind')} style={{ marginBottom: 0 }}>
              <Segmented<TagForm['kind']>
                data-testid="tag-kind-picker"
                value={form.kind}
                onChange={(kind) =>
                  patch({ kind, ...(kind === 'rfm' ? { updateMode: 'scheduled' as const } : {}) })
                }
                options={TAG_KINDS.map((k) => ({
                  value: k,
                  label: <span data-testid={`tag-kind-${k}`}>{t(`tags.kinds.${k}`)}</span>,
                }))}
              />
            </Form.Item>
          </Form>
        </Card>
        <Card data-testid="tag-spec" title={t(`tags.kindHints.${form.kind}`)}>
          {spec()}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Affix offsetTop={16}>
          <Flex vertical gap={16}>
            <PreviewPanel preview={preview.data} loading={preview.isPending} onPreview={onPreview} />
            {error !== null && problem === null ? <ErrorAlert error={error} /> : null}
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => navigate(tag ? `/tags/${tag.id}` : '/tags')}>
                {t('common.cancel')}
              </Button>
              <Button type="primary" data-testid="tag-save" loading={save.isPending} onClick={onSave}>
                {t('tags.editor.save')}
              </Button>
            </Flex>
          </Flex>
        </Affix>
      </Col>
    </Row>
  );
}
