import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { useTestDestination } from '../hooks/useDestinations.ts';

type TestMutation = ReturnType<typeof useTestDestination>;

/** Sends one test message now (not through the queue). */
export function TestSendButton({
  test,
  destinationId,
}: {
  readonly test: TestMutation;
  readonly destinationId: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<ExperimentOutlined />}
      data-testid="destination-test"
      loading={test.isPending}
      onClick={() => test.mutate(destinationId)}
    >
      {t('destinations.test.button')}
    </Button>
  );
}

/** The peer's answer to the last test send (or why it could not be sent). */
export function TestResult({ test }: { readonly test: TestMutation }) {
  const { t } = useTranslation();
  if (test.isError) return <ErrorAlert error={test.error} />;
  const result = test.data;
  if (!result) return null;
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose: () => test.reset() }}
      style={{ marginBottom: 16 }}
      data-testid="destination-test-result"
      data-ok={String(result.ok)}
      title={
        result.ok
          ? t('destinations.test.ok', { ms: Math.round(result.durationMs) })
          : t('destinations.test.failed', { error: result.error ?? '' })
      }
    />
  );
}
