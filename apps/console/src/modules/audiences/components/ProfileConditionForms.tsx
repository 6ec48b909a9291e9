import type { AudienceCondition, IdentifierCondition, TagCondition, TraitCondition } from '@cdp/protocol';
import { AutoComplete, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudiences } from '../hooks/useAudiences.ts';
import { useIdentifierTypeOptions } from '../hooks/useIdentifierTypeOptions.ts';
import { useTagOptions, useTraitKeys, useTraitValues } from '../hooks/useVocabulary.ts';
import { changeOperator, scalarTypes } from '../operators.ts';
import { containsFilter } from '../options.ts';
import { ValueTestInput } from './ValueTestInput.tsx';

type Change<T> = { readonly node: T; readonly onChange: (node: T) => void };

/** A trait picked from the keys seen in the data; its top values are offered for the value. */
export function TraitConditionForm({ node, onChange }: Change<TraitCondition>) {
  const { t } = useTranslation();
  const keys = useTraitKeys();
  const values = useTraitValues(node.trait);
  const info = keys.data?.items.find((k) => k.key === node.trait);
  const pick = (trait: string) => {
    const types = keys.data?.items.find((k) => k.key === trait)?.types;
    // a newly picked trait starts with a value of its type
    onChange({ ...node, trait, test: changeOperator(node.test, node.test.operator, scalarTypes(types)[0]) });
  };
  return (
    <Space wrap align="start">
      <AutoComplete
        data-testid="trait-key"
        style={{ width: 200 }}
        placeholder={t('audiences.trait.placeholder')}
        value={node.trait}
        options={(keys.data?.items ?? []).map((k) => ({ value: k.key, label: k.key }))}
        showSearch={{ filterOption: containsFilter }}
        onChange={(trait: string) => onChange({ ...node, trait })}
        onSelect={pick}
      />
      <ValueTestInput
        test={node.test}
        types={info?.types}
        samples={values.data?.items.map((v) => v.value)}
        onChange={(test) => onChange({ ...node, test })}
      />
    </Space>
  );
}

/** A tag picked from the tag factory (or typed as an id) and a test on its value. */
export function TagConditionForm({ node, onChange }: Change<TagCondition>) {
  const { t } = useTranslation();
  const tags = useTagOptions();
  const tag = tags.data?.items.find((x) => x.id === node.tag);
  return (
    <Space wrap align="start">
      <AutoComplete
        data-testid="tag-picker"
        style={{ width: 220 }}
        placeholder={t('audiences.tag.placeholder')}
        value={node.tag}
        options={(tags.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.id})` }))}
        showSearch={{
          filterOption: (input, option) =>
            `${option?.label ?? ''}`.toLowerCase().includes(input.toLowerCase()),
        }}
        onChange={(id: string) => onChange({ ...node, tag: id })}
      />
      {tag ? (
        <Typography.Text type="secondary" data-testid="tag-name" style={{ lineHeight: '32px' }}>
          {tag.name}
        </Typography.Text>
      ) : null}
      <ValueTestInput
        test={node.test}
        types={tag ? [tag.valueType === 'datetime' ? 'string' : tag.valueType] : undefined}
        onChange={(test) => onChange({ ...node, test })}
      />
    </Space>
  );
}

export function AudienceConditionForm({
  node,
  onChange,
  selfId,
}: Change<AudienceCondition> & { selfId?: string }) {
  const { t } = useTranslation();
  const audiences = useAudiences();
  return (
    <Space wrap>
      <Select<string>
        style={{ width: 120 }}
        value={node.member ? 'member' : 'notMember'}
        onChange={(v) => onChange({ ...node, member: v === 'member' })}
        options={[
          { value: 'member', label: t('audiences.audience.member') },
          { value: 'notMember', label: t('audiences.audience.notMember') },
        ]}
      />
      <Select<string>
        data-testid="audience-picker"
        style={{ width: 260 }}
        placeholder={t('audiences.audience.placeholder')}
        showSearch={{ optionFilterProp: 'label' }}
        value={node.audience || undefined}
        onChange={(audience) => onChange({ ...node, audience })}
        options={(audiences.data?.items ?? [])
          .filter((a) => a.id !== selfId)
          .map((a) => ({ value: a.id, label: a.name }))}
      />
    </Space>
  );
}

export function IdentifierConditionForm({ node, onChange }: Change<IdentifierCondition>) {
  const { t } = useTranslation();
  const options = useIdentifierTypeOptions();
  return (
    <Space wrap>
      <Select<string>
        style={{ width: 100 }}
        value={node.has ? 'has' : 'hasNot'}
        onChange={(v) => onChange({ ...node, has: v === 'has' })}
        options={[
          { value: 'has', label: t('audiences.identifier.has') },
          { value: 'hasNot', label: t('audiences.identifier.hasNot') },
        ]}
      />
      <Select<string>
        style={{ width: 220 }}
        value={node.identifierType}
        onChange={(identifierType) => onChange({ ...node, identifierType })}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Input
        style={{ width: 260 }}
        placeholder={t('audiences.identifier.scope')}
        value={node.scope ?? ''}
        onChange={(e) => onChange({ ...node, scope: e.target.value.trim() || undefined })}
      />
    </Space>
  );
}
