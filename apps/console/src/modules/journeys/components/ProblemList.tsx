import { CheckCircleOutlined, CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { JourneyStep } from '@cdp/protocol';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../describe.ts';
import type { Problem } from '../validate.ts';

interface Props {
  readonly problems: readonly Problem[];
  readonly steps: ReadonlyMap<string, JourneyStep>;
  /** Selects the step a problem is about. */
  readonly onPick: (stepId: string) => void;
}

/** What stops the journey from being saved (errors) or may surprise (warnings); click to go to the step. */
export function ProblemList({ problems, steps, onPick }: Props) {
  const { t } = useTranslation();
  if (problems.length === 0)
    return (
      <Typography.Text type="success" data-testid="journey-problems" data-count={0}>
        <CheckCircleOutlined /> {t('journeys.editor.noProblems')}
      </Typography.Text>
    );
  return (
    <Flex vertical gap={4} data-testid="journey-problems" data-count={problems.length}>
      {problems.map((p) => {
        const text = describeProblem(p, steps, t);
        const error = p.level === 'error';
        return (
          <Typography.Link
            key={`${p.code}:${p.stepId ?? ''}:${p.output ?? ''}`}
            data-testid="journey-problem"
            data-level={p.level}
            data-code={p.code}
            type={error ? 'danger' : 'warning'}
            onClick={() => p.stepId && onPick(p.stepId)}
          >
            {error ? <CloseCircleOutlined /> : <WarningOutlined />} {text}
          </Typography.Link>
        );
      })}
    </Flex>
  );
}
