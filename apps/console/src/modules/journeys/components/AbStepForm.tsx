import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { JourneyStep } from '@cdp/protocol';
import { Button, Flex, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { evenPercents } from '../steps.ts';

type AbStep = Extract<JourneyStep, { kind: 'ab' }>;
const MAX_BRANCHES = 10;

/** The next free branch name: C after A and B. */
function nextName(taken: readonly string[]): string {
  for (let i = 0; ; i++) {
    const name = i < 26 ? String.fromCharCode(65 + i) : `V${i}`;
    if (!taken.includes(name)) return name;
  }
}

/** A/B 分流: named branches with percentages that add up to 100. */
export function AbStepForm({
  step,
  onChange,
  onRemoveBranch,
}: {
  step: AbStep;
  onChange: (step: AbStep) => void;
  /** removing a branch also moves the edges of the later ones: the editor does that on the graph */
  onRemoveBranch: (index: number) => void;
}) {
  const { t } = useTranslation();
  const sum = step.branches.reduce((total, b) => total + b.percent, 0);
  const setBranch = (index: number, patch: Partial<AbStep['branches'][number]>) =>
    onChange({ ...step, branches: step.branches.map((b, i) => (i === index ? { ...b, ...patch } : b)) });
  const even = (branches: AbStep['branches']) => {
    const percents = evenPercents(branches.length);
    return branches.map((b, i) => ({ ...b, percent: percents[i] }));
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('journeys.ab.branches')}</Typography.Text>
      {step.branches.map((branch, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: branches are addressed by position (handle b<i>)
        <Flex key={i} gap={8} align="center" data-testid="ab-branch">
          <Input
            data-testid="ab-branch-name"
            style={{ width: 120 }}
            maxLength={20}
            aria-label={t('journeys.ab.name')}
            value={branch.name}
            onChange={(e) => setBranch(i, { name: e.target.value.trim() })}
          />
          <InputNumber<number>
            data-testid="ab-branch-percent"
            min={1}
            max={100}
            precision={0}
            suffix="%"
            style={{ width: 110 }}
            aria-label={t('journeys.ab.percent')}
            value={branch.percent}
            onChange={(v) => setBranch(i, { percent: v ?? 1 })}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('journeys.ab.remove')}
            disabled={step.branches.length <= 2}
            onClick={() => onRemoveBranch(i)}
          />
        </Flex>
      ))}
      <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="ab-sum" data-sum={sum}>
        {t('journeys.ab.sum', { sum })}
      </Typography.Text>
      <Flex gap={8}>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          data-testid="ab-add"
          disabled={step.branches.length >= MAX_BRANCHES}
          onClick={() =>
            onChange({
              ...step,
              branches: even([
                ...step.branches,
                { name: nextName(step.branches.map((b) => b.name)), percent: 1, next: null },
              ]),
            })
          }
        >
          {t('journeys.ab.add')}
        </Button>
        <Button
          size="small"
          data-testid="ab-even"
          onClick={() => onChange({ ...step, branches: even(step.branches) })}
        >
          {t('journeys.ab.even')}
        </Button>
      </Flex>
    </Flex>
  );
}
