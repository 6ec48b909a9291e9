import { PlusOutlined } from '@ant-design/icons';
import type { TagValueType } from '@cdp/protocol';
import { Button, Card, Flex, Form, Input, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { editableRoot } from '../../audiences/tree.ts';
import type { FieldError } from '../fieldErrors.ts';
import type { CaseForm, TagForm } from '../specForm.ts';
import { DefinitionInput, itemProblem } from './FieldProblem.tsx';
import { OrderTools } from './OrderTools.tsx';

type RuleForm = TagForm['rule'];

/** A value of the tag's type: yes/no for booleans, text otherwise. */
function ValueInput({
  value,
  onChange,
  valueType,
  testId,
  allowEmpty,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly valueType: TagValueType;
  readonly testId: string;
  readonly allowEmpty?: boolean;
}) {
  const { t } = useTranslation();
  if (valueType === 'boolean')
    return (
      <Select<string>
        data-testid={testId}
        style={{ width: 160 }}
        value={value}
        onChange={onChange}
        options={[
          ...(allowEmpty ? [{ value: '', label: t('tags.rule.noValue') }] : []),
          { value: 'true', label: t('tags.yes') },
          { value: 'false', label: t('tags.no') },
        ]}
      />
    );
  return (
    <Input
      data-testid={testId}
      style={{ width: 240 }}
      value={value}
      placeholder={allowEmpty ? t('tags.rule.noValue') : t(`tags.rule.valuePlaceholders.${valueType}`)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** One definition → true/false, or ordered values each with a definition, and a default. */
export function RuleSpecFields({
  value,
  onChange,
  valueType,
  problem,
}: {
  readonly value: RuleForm;
  readonly onChange: (rule: RuleForm) => void;
  readonly valueType: TagValueType;
  readonly problem: FieldError | null;
}) {
  const { t } = useTranslation();
  const setCases = (cases: CaseForm[]) => onChange({ ...value, cases });
  const setCase = (i: number, c: CaseForm) => setCases(value.cases.map((x, j) => (j === i ? c : x)));
  return (
    <Flex vertical gap={16}>
      <Segmented<RuleForm['mode']>
        data-testid="rule-mode"
        value={value.mode}
        onChange={(mode) =>
          onChange({
            ...value,
            mode,
            cases:
              mode === 'ordered' && value.cases.length === 0
                ? [{ value: '', root: editableRoot(null) }]
                : value.cases,
          })
        }
        options={[
          { value: 'single', label: t('tags.rule.single') },
          { value: 'ordered', label: t('tags.rule.ordered') },
        ]}
      />
      {value.mode === 'single' ? (
        <DefinitionInput
          root={value.root}
          onChange={(root) => onChange({ ...value, root })}
          problem={problem}
          errorKey="spec.definition"
        />
      ) : (
        <>
          {value.cases.map((c, i) => (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: cases are addressed by position
              key={i}
              size="small"
              data-testid="rule-case"
              title={t('tags.rule.caseTitle', { n: i + 1 })}
              extra={<OrderTools items={value.cases} index={i} onChange={setCases} />}
            >
              <Form.Item label={t('tags.rule.value')} {...itemProblem(problem, `spec.rules.${i}.value`)}>
                <ValueInput
                  testId="rule-case-value"
                  valueType={valueType}
                  value={c.value}
                  onChange={(v) => setCase(i, { ...c, value: v })}
                />
              </Form.Item>
              <DefinitionInput
                root={c.root}
                onChange={(root) => setCase(i, { ...c, root })}
                problem={problem}
                errorKey={`spec.rules.${i}.definition`}
              />
            </Card>
          ))}
          <Form.Item {...itemProblem(problem, 'spec.rules', true)} style={{ marginBottom: 0 }}>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              data-testid="rule-add-case"
              onClick={() => setCases([...value.cases, { value: '', root: editableRoot(null) }])}
            >
              {t('tags.rule.addCase')}
            </Button>
          </Form.Item>
          <Form.Item label={t('tags.rule.defaultValue')} {...itemProblem(problem, 'spec.defaultValue')}>
            <ValueInput
              testId="rule-default-value"
              valueType={valueType}
              value={value.defaultValue}
              allowEmpty
              onChange={(defaultValue) => onChange({ ...value, defaultValue })}
            />
          </Form.Item>
        </>
      )}
    </Flex>
  );
}
