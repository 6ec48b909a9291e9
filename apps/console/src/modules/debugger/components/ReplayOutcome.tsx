import type { ReplayResult } from '@cdp/protocol';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemList } from './ProblemList.tsx';

const TYPE = { stored: 'success', duplicate: 'info', still_invalid: 'warning' } as const;

export function ReplayOutcome({ result }: { readonly result: ReplayResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid="replay-outcome"
      data-outcome={result.outcome}
      type={TYPE[result.outcome]}
      showIcon
      style={{ marginBottom: 12 }}
      title={t(`quarantine.outcome.${result.outcome}`)}
      description={result.problems.length ? <ProblemList problems={result.problems} /> : undefined}
    />
  );
}
