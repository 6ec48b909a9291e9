import type { ComputedFunction } from '@cdp/protocol';
import { AutoComplete, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from '../../audiences/components/EventMatchFields.tsx';
import { WindowInput } from '../../audiences/components/WindowInput.tsx';
import { useEventProperties } from '../../audiences/hooks/useVocabulary.ts';
import { containsFilter, valueOptions } from '../../audiences/options.ts';
import type { FieldError } from '../fieldErrors.ts';
import { COMPUTED_FUNCTIONS } from '../options.ts';
import { needsPath, type TagForm } from '../specForm.ts';
import { itemProblem } from './FieldProblem.tsx';

type ComputedForm = TagForm['computed'];
const NUMBER_INPUT: ReadonlySet<ComputedFunction> = new Set(['sum', 'avg', 'min', 'max']);

/** The property path, picked from the event's properties (numbers first for sums), with samples. */
function PathPicker({
  event,
  fn,
  value,
  onChange,
}: {
  readonly event: string | undefined;
  readonly fn: ComputedFunction;
  readonly value: string;
  readonly onChange: (path: string) => void;
}) {
  const { t } = useTranslation();
  const properties = useEventProperties(event);
  const items = [...(properties.data?.items ?? [])].sort(
    (a, b) =>
      Number(NUMBER_INPUT.has(fn) && b.types.includes('number')) -
      Number(NUMBER_INPUT.has(fn) && a.types.includes('number')),
  );
  const options = items.map((p) => ({
    value: p.path.join('.'),
    label: (
      <Flex justify="space-between" gap={16}>
        <span>{p.path.join('.')}</span>
        <Typography.Text type="secondary" ellipsis>
          {[
            p.types.join('/'),
            ...valueOptions(p.samples)
              .slice(0, 3)
              .map((o) => o.label),
          ].join(' · ')}
        </Typography.Text>
      </Flex>
    ),
  }));
  return (
    <AutoComplete
      data-testid="computed-path"
      style={{ width: 320 }}
      placeholder={t('tags.computedForm.pathPlaceholder')}
      value={value}
      options={options}
      showSearch={{ filterOption: containsFilter }}
      onChange={(text: string) => onChange(text ?? '')}
    />
  );
}

/** Function, events (name, type, filters), the property read, and the window. */
export function ComputedSpecFields({
  value,
  onChange,
  problem,
}: {
  readonly value: ComputedForm;
  readonly onChange: (computed: ComputedForm) => void;
  readonly problem: FieldError | null;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('tags.computedForm.function')} {...itemProblem(problem, 'spec.function')}>
        <Select<ComputedFunction>
          data-testid="computed-function"
          style={{ width: 240 }}
          value={value.fn}
          onChange={(fn) => onChange({ ...value, fn })}
          options={COMPUTED_FUNCTIONS.map((f) => ({
            value: f,
            label: t(`tags.computedForm.functions.${f}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('tags.computedForm.events')}
        {...itemProblem(problem, 'spec.event')}
        {...itemProblem(problem, 'spec.where')}
        {...itemProblem(problem, 'spec.type')}
      >
        <EventMatchFields
          match={value.match}
          onChange={(match) => onChange({ ...value, match })}
          testId="computed-event"
        />
      </Form.Item>
      {needsPath(value.fn) ? (
        <Form.Item label={t('tags.computedForm.path')} required {...itemProblem(problem, 'spec.path')}>
          <PathPicker
            event={value.match.event}
            fn={value.fn}
            value={value.path}
            onChange={(path) => onChange({ ...value, path })}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('tags.computedForm.window')}
        {...itemProblem(problem, 'spec.window')}
        style={{ marginBottom: 0 }}
      >
        <WindowInput value={value.window} onChange={(window) => onChange({ ...value, window })} />
      </Form.Item>
    </Form>
  );
}
