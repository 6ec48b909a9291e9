import { Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { asNumber, asPairs, asStrings, asText, type FieldValue } from '../configValues.ts';
import { useSchemaLabels } from '../hooks/useSchemaLabels.ts';
import type { FormField } from '../schemaFields.ts';
import { KeyValueEditor } from './KeyValueEditor.tsx';

interface Props {
  /** a field whose value is not an object (objects are rendered by SchemaFields) */
  readonly field: Exclude<FormField, { kind: 'object' | 'objectList' }>;
  readonly value: FieldValue | undefined;
  readonly onChange: (value: FieldValue) => void;
  readonly testId: string;
  /** editing, and the server holds a value for this secret */
  readonly secretSet?: boolean;
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };

/** The input of one config field, chosen by its kind. */
export function FieldInput({ field, value, onChange, testId, secretSet = false }: Props) {
  const { t } = useTranslation();
  const labels = useSchemaLabels();
  const secretPlaceholder = secretSet ? t('destinations.editor.secretKeep') : undefined;
  switch (field.kind) {
    case 'text':
    case 'uri':
      return field.secret ? (
        <Input.Password
          data-testid={testId}
          autoComplete="new-password"
          placeholder={secretPlaceholder}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Input
          data-testid={testId}
          placeholder={field.kind === 'uri' ? 'https://' : undefined}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'textarea':
    case 'json':
      return (
        <Input.TextArea
          data-testid={testId}
          autoSize={{ minRows: 3, maxRows: 16 }}
          style={mono}
          placeholder={field.kind === 'json' ? t('destinations.editor.jsonHint') : secretPlaceholder}
          value={asText(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'number':
      return (
        <InputNumber<number>
          data-testid={testId}
          style={{ width: 220 }}
          min={field.min}
          max={field.max}
          precision={field.integer ? 0 : undefined}
          value={asNumber(value)}
          onChange={(v) => onChange(v)}
        />
      );
    case 'boolean':
      return <Switch data-testid={testId} checked={value === true} onChange={(v) => onChange(v)} />;
    case 'enum':
      return (
        <Select<string>
          data-testid={testId}
          style={{ maxWidth: 420 }}
          allowClear={!field.required}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          options={field.options.map((o) => ({ value: o, label: labels.option(o) }))}
        />
      );
    case 'enumList':
      return (
        <Select<string[]>
          data-testid={testId}
          mode="multiple"
          value={asStrings(value)}
          onChange={(v) => onChange(v)}
          options={field.options.map((o) => ({ value: o, label: labels.option(o) }))}
        />
      );
    case 'stringList':
      return (
        <Select<string[]>
          data-testid={testId}
          mode="tags"
          open={false}
          suffixIcon={null}
          placeholder={t('destinations.editor.listPlaceholder')}
          value={asStrings(value)}
          onChange={(v) => onChange(v)}
          tokenSeparators={[',', '\n']}
        />
      );
    case 'record':
      return (
        <KeyValueEditor
          testId={testId}
          secret={field.secret}
          placeholder={secretPlaceholder}
          rows={asPairs(value)}
          onChange={onChange}
        />
      );
  }
}
