import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  asValues,
  asValuesList,
  type FieldValue,
  type FormValues,
  initialValues,
  switchBranch,
} from '../configValues.ts';
import { type FieldError, itemProblem } from '../fieldErrors.ts';
import { useSchemaLabels } from '../hooks/useSchemaLabels.ts';
import { type FormField, type Shape, visibleFields } from '../schemaFields.ts';
import { FieldInput } from './FieldInput.tsx';

interface ShapeProps {
  readonly shape: Shape;
  readonly values: FormValues;
  readonly onChange: (values: FormValues) => void;
  /** where these values sit, for server errors and test ids: `config`, `config.to`, `config.columns.0` */
  readonly path: string;
  readonly problem: FieldError | null;
  /** editing: the top-level secrets the server holds */
  readonly secretsSet?: readonly string[];
}

const testIdOf = (path: string) => path.replace(/\./g, '-');

/**
 * A form rendered from a config schema: one input per field, nested objects as fieldsets, lists of
 * objects as repeated fieldsets, a union as a picker of its branch followed by that branch's fields.
 */
export function SchemaFields({ shape, values, onChange, path, problem, secretsSet = [] }: ShapeProps) {
  const labels = useSchemaLabels();
  const branch = shape.kind === 'union' ? values[shape.discriminator] : undefined;
  const set = (name: string, value: FieldValue) => onChange({ ...values, [name]: value });
  return (
    <>
      {shape.kind === 'union' ? (
        <Form.Item
          label={labels.field(shape.discriminator)}
          required
          extra={shape.branches.find((b) => b.value === branch)?.description}
          {...itemProblem(problem, `${path}.${shape.discriminator}`)}
        >
          <Select<string>
            data-testid={testIdOf(`${path}.${shape.discriminator}`)}
            style={{ maxWidth: 420 }}
            value={typeof branch === 'string' ? branch : undefined}
            onChange={(next) => onChange(switchBranch(shape, values, next))}
            options={shape.branches.map((b) => ({ value: b.value, label: labels.option(b.value) }))}
          />
        </Form.Item>
      ) : null}
      {visibleFields(shape, branch).map((field) => (
        <FieldItem
          key={field.name}
          field={field}
          value={values[field.name]}
          onChange={(v) => set(field.name, v)}
          path={`${path}.${field.name}`}
          problem={problem}
          secretSet={field.secret && secretsSet.includes(field.name)}
        />
      ))}
    </>
  );
}

interface FieldProps {
  readonly field: FormField;
  readonly value: FieldValue | undefined;
  readonly onChange: (value: FieldValue) => void;
  readonly path: string;
  readonly problem: FieldError | null;
  readonly secretSet: boolean;
}

function FieldItem({ field, value, onChange, path, problem, secretSet }: FieldProps) {
  const { t } = useTranslation();
  const labels = useSchemaLabels();
  const label = (
    <Flex gap={6} align="center">
      <span>{labels.field(field.name)}</span>
      {secretSet ? (
        <Tag color="green" data-testid={`secret-set-${field.name}`}>
          {t('destinations.editor.secretSet')}
        </Tag>
      ) : null}
    </Flex>
  );
  const help = field.secret && !secretSet ? t('destinations.editor.secretHint') : undefined;
  const extra = [field.description, help].filter(Boolean).join(' · ') || undefined;

  if (field.kind === 'object')
    return (
      <Form.Item label={label} required={field.required} extra={extra} {...itemProblem(problem, path, true)}>
        <Card size="small" data-testid={testIdOf(path)}>
          <SchemaFields
            shape={field.shape}
            values={asValues(value)}
            onChange={onChange}
            path={path}
            problem={problem}
          />
        </Card>
      </Form.Item>
    );
  if (field.kind === 'objectList') {
    const items = asValuesList(value);
    return (
      <Form.Item label={label} required={field.required} extra={extra} {...itemProblem(problem, path, true)}>
        <Flex vertical gap={8} data-testid={testIdOf(path)}>
          {items.map((item, index) => (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their position
              key={index}
              size="small"
              title={t('destinations.editor.item', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('destinations.editor.removeItem')}
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                />
              }
            >
              <SchemaFields
                shape={field.shape}
                values={item}
                onChange={(next) => onChange(items.map((it, i) => (i === index ? next : it)))}
                path={`${path}.${index}`}
                problem={problem}
              />
            </Card>
          ))}
          <div>
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              data-testid={`${testIdOf(path)}-add`}
              onClick={() => onChange([...items, initialValues(field.shape)])}
            >
              {t('destinations.editor.addItem')}
            </Button>
          </div>
        </Flex>
      </Form.Item>
    );
  }
  return (
    <Form.Item label={label} required={field.required} extra={extra} {...itemProblem(problem, path)}>
      <FieldInput
        field={field}
        value={value}
        onChange={onChange}
        testId={testIdOf(path)}
        secretSet={secretSet}
      />
    </Form.Item>
  );
}
