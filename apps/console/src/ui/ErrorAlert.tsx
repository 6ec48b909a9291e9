import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from './useDescribeError.ts';

interface Props {
  readonly error: unknown;
  readonly onRetry?: () => void;
}

/** Inline error for a failed query, with an optional retry button. */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  return (
    <Alert
      type="error"
      showIcon
      title={describe(error)}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
