import type { JourneyStep } from '@cdp/protocol';
import { AutoComplete, Form, Input, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTagOptions, useTraitKeys } from '../../audiences/hooks/useVocabulary.ts';
import { parseScalar, type Scalar, type ScalarType, scalarTypeOf } from '../../audiences/operators.ts';
import { containsFilter } from '../../audiences/options.ts';

type UpdateStep = Extract<JourneyStep, { kind: 'update' }>;
type Target = UpdateStep['set']['type'];
const TYPES: readonly ScalarType[] = ['string', 'number', 'boolean'];

/** A JSON scalar typed as text, number or boolean (no guessing: "10" stays text unless typed a number). */
function ScalarInput({ value, onChange }: { value: Scalar; onChange: (value: Scalar) => void }) {
  const { t } = useTranslation();
  const type = scalarTypeOf(value);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<ScalarType>
        style={{ width: 90 }}
        value={type}
        aria-label={t('journeys.update.valueType')}
        onChange={(next) => onChange(parseScalar(String(value), next))}
        options={TYPES.map((v) => ({ value: v, label: t(`audiences.value.types.${v}`) }))}
      />
      {type === 'boolean' ? (
        <Select<string>
          data-testid="update-value"
          style={{ width: 120 }}
          value={String(value)}
          onChange={(v) => onChange(v === 'true')}
          options={[
            { value: 'true', label: 'true' },
            { value: 'false', label: 'false' },
          ]}
        />
      ) : (
        <Input
          data-testid="update-value"
          value={String(value)}
          maxLength={1000}
          onChange={(e) => onChange(parseScalar(e.target.value, type))}
        />
      )}
    </Space.Compact>
  );
}

/** 更新属性/标签: set a trait, or a tag's value, on the person. */
export function UpdateStepForm({
  step,
  onChange,
}: {
  step: UpdateStep;
  onChange: (step: UpdateStep) => void;
}) {
  const { t } = useTranslation();
  const traits = useTraitKeys();
  const tags = useTagOptions();
  const set = step.set;
  const switchTo = (type: Target) =>
    onChange({
      ...step,
      set: type === 'trait' ? { type, trait: '', value: set.value } : { type, tagId: '', value: set.value },
    });
  return (
    <Form layout="vertical">
      <Form.Item label={t('journeys.update.target')}>
        <Segmented<Target>
          data-testid="update-target"
          value={set.type}
          onChange={switchTo}
          options={(['trait', 'tag'] as const).map((v) => ({
            value: v,
            label: t(`journeys.update.targets.${v}`),
          }))}
        />
      </Form.Item>
      {set.type === 'trait' ? (
        <Form.Item label={t('journeys.update.trait')} required>
          <AutoComplete
            data-testid="update-trait"
            value={set.trait}
            options={(traits.data?.items ?? []).map((k) => ({ value: k.key, label: k.key }))}
            showSearch={{ filterOption: containsFilter }}
            onChange={(trait: string) => onChange({ ...step, set: { ...set, trait } })}
          />
        </Form.Item>
      ) : (
        <Form.Item label={t('journeys.update.tag')} required>
          <Select<string>
            data-testid="update-tag"
            showSearch={{ optionFilterProp: 'label' }}
            value={set.tagId || undefined}
            onChange={(tagId) => onChange({ ...step, set: { ...set, tagId } })}
            options={(tags.data?.items ?? [])
              // computed tags derive their values; only imported tags take values from outside
              .filter((x) => x.spec.kind === 'imported' || x.id === set.tagId)
              .map((x) => ({ value: x.id, label: `${x.name} (${x.id})` }))}
          />
        </Form.Item>
      )}
      <Form.Item label={t('journeys.update.value')}>
        <ScalarInput value={set.value} onChange={(value) => onChange({ ...step, set: { ...set, value } })} />
      </Form.Item>
    </Form>
  );
}
