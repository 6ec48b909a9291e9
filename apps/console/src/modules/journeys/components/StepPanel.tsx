import { DeleteOutlined } from '@ant-design/icons';
import type { JourneyStep } from '@cdp/protocol';
import { Button, Descriptions, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleBuilder } from '../../audiences/components/RuleBuilder.tsx';
import { editableRoot } from '../../audiences/tree.ts';
import { AbStepForm } from './AbStepForm.tsx';
import { SendStepForm } from './SendStepForm.tsx';
import { UpdateStepForm } from './UpdateStepForm.tsx';
import { WaitStepForm } from './WaitStepForm.tsx';

interface Props {
  readonly step: JourneyStep | undefined;
  readonly onChange: (step: JourneyStep) => void;
  readonly onRemove: (id: string) => void;
  readonly onRemoveBranch: (id: string, index: number) => void;
}

function StepForm({
  step,
  onChange,
  onRemoveBranch,
}: Omit<Props, 'onRemove' | 'step'> & { step: JourneyStep }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case 'wait':
      return <WaitStepForm step={step} onChange={onChange} />;
    case 'split':
      return (
        <Flex vertical gap={8} data-testid="split-condition">
          <Typography.Text type="secondary">{t('journeys.split.help')}</Typography.Text>
          <RuleBuilder
            root={editableRoot(step.condition)}
            onChange={(condition) => onChange({ ...step, condition })}
          />
        </Flex>
      );
    case 'ab':
      return (
        <AbStepForm step={step} onChange={onChange} onRemoveBranch={(i) => onRemoveBranch(step.id, i)} />
      );
    case 'send':
      return <SendStepForm step={step} onChange={onChange} />;
    case 'update':
      return <UpdateStepForm step={step} onChange={onChange} />;
    case 'exit':
      return <Typography.Text type="secondary">{t('journeys.exit.help')}</Typography.Text>;
  }
}

/** The selected step's settings; keyed by step id so each step's form starts from its own values. */
export function StepPanel({ step, onChange, onRemove, onRemoveBranch }: Props) {
  const { t } = useTranslation();
  if (!step)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('journeys.editor.selectStep')} />;
  return (
    <Flex vertical gap={12} data-testid="journey-step-panel" data-step-id={step.id}>
      <Flex justify="space-between" align="center">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t(`journeys.kinds.${step.kind}`)}>
            <Typography.Text code>{step.id}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Button
          danger
          size="small"
          icon={<DeleteOutlined />}
          data-testid="journey-step-remove"
          onClick={() => onRemove(step.id)}
        >
          {t('journeys.editor.removeStep')}
        </Button>
      </Flex>
      <StepForm key={step.id} step={step} onChange={onChange} onRemoveBranch={onRemoveBranch} />
    </Flex>
  );
}
