import { AutoComplete, Form, InputNumber, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEventNames, useEventProperties } from '../../audiences/hooks/useVocabulary.ts';
import { containsFilter } from '../../audiences/options.ts';
import type { FieldError } from '../fieldErrors.ts';
import type { Quartet, TagForm } from '../specForm.ts';
import { itemProblem } from './FieldProblem.tsx';

type RfmForm = TagForm['rfm'];
type Axis = 'recencyDays' | 'frequency' | 'monetary';
const AXES: readonly Axis[] = ['recencyDays', 'frequency', 'monetary'];

function QuartetInput({
  value,
  onChange,
  testId,
}: {
  readonly value: Quartet;
  readonly onChange: (q: Quartet) => void;
  readonly testId: string;
}) {
  const set = (i: number, v: number | null) => {
    const next = [...value] as [number, number, number, number];
    next[i] = v ?? 0;
    onChange(next);
  };
  return (
    <Space.Compact data-testid={testId}>
      {value.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the four bounds are addressed by position
        <InputNumber<number> key={i} min={0} style={{ width: 100 }} value={v} onChange={(n) => set(i, n)} />
      ))}
    </Space.Compact>
  );
}

/** Purchase event, amount property, window, quantile or threshold scoring, and the high-score split. */
export function RfmSpecFields({
  value,
  onChange,
  problem,
}: {
  readonly value: RfmForm;
  readonly onChange: (rfm: RfmForm) => void;
  readonly problem: FieldError | null;
}) {
  const { t } = useTranslation();
  const events = useEventNames();
  const properties = useEventProperties(value.event || undefined);
  const patch = (next: Partial<RfmForm>) => onChange({ ...value, ...next });
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('tags.rfm.event')} required {...itemProblem(problem, 'spec.event')}>
        <AutoComplete
          data-testid="rfm-event"
          style={{ width: 280 }}
          value={value.event}
          options={(events.data?.items ?? []).map((e) => ({ value: e.name }))}
          showSearch={{ filterOption: containsFilter }}
          onChange={(event: string) => patch({ event: event ?? '' })}
        />
      </Form.Item>
      <Form.Item label={t('tags.rfm.amountPath')} required {...itemProblem(problem, 'spec.amountPath')}>
        <AutoComplete
          data-testid="rfm-amount-path"
          style={{ width: 280 }}
          value={value.amountPath}
          options={(properties.data?.items ?? [])
            .filter((p) => p.types.includes('number'))
            .map((p) => ({ value: p.path.join('.') }))}
          showSearch={{ filterOption: containsFilter }}
          onChange={(amountPath: string) => patch({ amountPath: amountPath ?? '' })}
        />
      </Form.Item>
      <Form.Item label={t('tags.rfm.windowDays')} {...itemProblem(problem, 'spec.windowDays')}>
        <InputNumber<number>
          data-testid="rfm-window-days"
          min={1}
          max={3650}
          value={value.windowDays}
          suffix={t('tags.days')}
          onChange={(days) => patch({ windowDays: days ?? 1 })}
        />
      </Form.Item>
      <Form.Item label={t('tags.rfm.scoring')} {...itemProblem(problem, 'spec.scoring')}>
        <Segmented<RfmForm['method']>
          data-testid="rfm-method"
          value={value.method}
          onChange={(method) => patch({ method })}
          options={[
            { value: 'quantile', label: t('tags.rfm.quantile') },
            { value: 'thresholds', label: t('tags.rfm.thresholds') },
          ]}
        />
      </Form.Item>
      {value.method === 'thresholds'
        ? AXES.map((axis) => (
            <Form.Item
              key={axis}
              label={t(`tags.rfm.axes.${axis}`)}
              extra={t('tags.rfm.thresholdsHint')}
              {...itemProblem(problem, `spec.scoring.${axis}`)}
            >
              <QuartetInput
                testId={`rfm-${axis}`}
                value={value[axis]}
                onChange={(q) => patch({ [axis]: q })}
              />
            </Form.Item>
          ))
        : null}
      <Form.Item
        label={t('tags.rfm.highScore')}
        extra={t('tags.rfm.highScoreHint')}
        {...itemProblem(problem, 'spec.highScore')}
        style={{ marginBottom: 0 }}
      >
        <InputNumber<number>
          data-testid="rfm-high-score"
          min={2}
          max={5}
          value={value.highScore}
          onChange={(n) => patch({ highScore: n ?? 3 })}
        />
      </Form.Item>
    </Form>
  );
}
