import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { editableRoot } from '../../audiences/tree.ts';
import type { FieldError } from '../fieldErrors.ts';
import { newTagForm, type StageForm, type TagForm } from '../specForm.ts';
import { DefinitionInput, itemProblem } from './FieldProblem.tsx';
import { OrderTools } from './OrderTools.tsx';

type LifecycleForm = TagForm['lifecycle'];

/** Ordered stages (the first that holds wins), each a name and a definition; the default five to start. */
export function LifecycleSpecFields({
  value,
  onChange,
  problem,
}: {
  readonly value: LifecycleForm;
  readonly onChange: (lifecycle: LifecycleForm) => void;
  readonly problem: FieldError | null;
}) {
  const { t } = useTranslation();
  const setStages = (stages: StageForm[]) => onChange({ ...value, stages });
  const setStage = (i: number, s: StageForm) => setStages(value.stages.map((x, j) => (j === i ? s : x)));
  return (
    <Flex vertical gap={12}>
      {value.stages.map((s, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: stages are addressed by position
          key={i}
          size="small"
          data-testid="lifecycle-stage"
          title={
            <Form.Item style={{ margin: 0 }} {...itemProblem(problem, `spec.stages.${i}.name`)}>
              <Input
                data-testid="lifecycle-stage-name"
                variant="borderless"
                maxLength={100}
                prefix={`${i + 1}.`}
                value={s.name}
                placeholder={t('tags.lifecycle.stageName')}
                onChange={(e) => setStage(i, { ...s, name: e.target.value })}
              />
            </Form.Item>
          }
          extra={<OrderTools items={value.stages} index={i} onChange={setStages} />}
        >
          <DefinitionInput
            root={s.root}
            onChange={(root) => setStage(i, { ...s, root })}
            problem={problem}
            errorKey={`spec.stages.${i}.definition`}
          />
        </Card>
      ))}
      <Form.Item {...itemProblem(problem, 'spec.stages', true)} style={{ marginBottom: 0 }}>
        <Flex gap={8}>
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            data-testid="lifecycle-add-stage"
            onClick={() => setStages([...value.stages, { name: '', root: editableRoot(null) }])}
          >
            {t('tags.lifecycle.addStage')}
          </Button>
          <Button icon={<UndoOutlined />} onClick={() => onChange(newTagForm().lifecycle)}>
            {t('tags.lifecycle.reset')}
          </Button>
        </Flex>
      </Form.Item>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('tags.lifecycle.defaultStage')}
          {...itemProblem(problem, 'spec.defaultStage')}
          style={{ marginBottom: 0 }}
        >
          <Input
            data-testid="lifecycle-default-stage"
            style={{ width: 240 }}
            maxLength={100}
            placeholder={t('tags.rule.noValue')}
            value={value.defaultStage}
            onChange={(e) => onChange({ ...value, defaultStage: e.target.value })}
          />
        </Form.Item>
      </Form>
    </Flex>
  );
}
